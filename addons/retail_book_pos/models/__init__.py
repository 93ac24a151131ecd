from . import pos_order_line
from . import product_product
from . import retail_pos_held_order
