from . import retail_table_report
from . import retail_analysis_store
from . import retail_sales_report
from . import retail_aging_report
from . import retail_dead_stock_report
from . import retail_sales_dashboard
from . import retail_store_performance
from . import retail_expiry_value
