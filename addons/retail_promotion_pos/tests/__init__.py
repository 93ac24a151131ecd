from . import test_promotion_pos
