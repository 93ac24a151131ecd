from . import test_promotion_effect
from . import test_promotion_effect_till
