from . import test_promotion_pos
from . import test_promotion_stacking_pos
from . import test_promotion_coupon_given_pos
from . import test_lottery_pos
