from . import test_promotion_effect
from . import test_promotion_effect_till
from . import test_segment_coupons
