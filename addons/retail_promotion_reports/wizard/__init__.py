from . import retail_promotion_effect
from . import retail_promotion_effect_line
from . import retail_customer_analysis_rfm
