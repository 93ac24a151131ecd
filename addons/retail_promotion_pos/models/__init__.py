from . import retail_promotion
from . import retail_pos_order_review
from . import pos_data
from . import retail_promotion_lottery
from . import pos_config
