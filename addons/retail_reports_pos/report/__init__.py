from . import retail_sales_report
from . import retail_store_performance
from . import retail_dead_stock_report
