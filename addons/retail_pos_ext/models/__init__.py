from . import pos_config
from . import pos_order
from . import pos_order_line
from . import retail_flash_sale
