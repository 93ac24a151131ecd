from . import res_company
from . import res_partner
from . import product_template
from . import sale_order_line
from . import sale_order_portal
from . import sale_order
from . import stock_picking
