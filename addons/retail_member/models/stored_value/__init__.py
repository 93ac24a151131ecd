from . import account_chart_template
from . import sale_order_line
