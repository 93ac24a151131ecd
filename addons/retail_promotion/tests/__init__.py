from . import test_promotion
from . import test_promotion_coupons
from . import test_promotion_lottery
from . import test_promotion_rules
from . import test_promotion_stacking
