from . import test_member_levels
from . import test_member_birthdays
from . import test_member_points
from . import test_stored_value
from . import test_member_card
from . import test_member_sms
from . import test_stored_value_bonus
from . import test_member_privacy
