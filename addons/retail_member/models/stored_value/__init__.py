from . import account_chart_template
from . import sale_order_line
from . import product_template
from . import retail_stored_value_bonus
