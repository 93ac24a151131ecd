from . import test_member_levels
from . import test_member_birthdays
from . import test_member_points
