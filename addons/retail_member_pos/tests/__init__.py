from . import test_member_levels_pos
from . import test_stored_value_pos
from . import test_stored_value_bonus_pos
from . import test_member_points_pos
from . import test_member_coupons_pos
