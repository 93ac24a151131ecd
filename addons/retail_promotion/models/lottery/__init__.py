from . import retail_promotion_lottery
