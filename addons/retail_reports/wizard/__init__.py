from . import retail_product_ranking
from . import retail_customer_analysis
from . import retail_stock_turnover
from . import retail_purchase_analysis
from . import retail_purchase_analysis_ontime
from . import retail_purchase_analysis_price
from . import retail_purchase_analysis_return
