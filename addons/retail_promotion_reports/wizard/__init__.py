from . import retail_promotion_effect
from . import retail_promotion_effect_line
