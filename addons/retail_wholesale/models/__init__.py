from . import product_template
from . import res_users
from . import retail_brand
from . import stock_warehouse
