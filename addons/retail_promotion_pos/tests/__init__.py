from . import test_promotion_pos
from . import test_promotion_stacking_pos
