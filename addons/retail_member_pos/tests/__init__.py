from . import test_member_levels_pos
