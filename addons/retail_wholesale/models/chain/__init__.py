from . import stock_warehouse
from . import res_users
from . import retail_store_order
from . import retail_store_order_line
from . import stock_rule
