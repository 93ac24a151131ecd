from . import levels
from . import birthdays
from . import points
from . import stored_value
from . import res_company
from . import card
from . import sms
from . import loyalty_card
