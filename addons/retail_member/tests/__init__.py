from . import test_member_levels
from . import test_member_birthdays
