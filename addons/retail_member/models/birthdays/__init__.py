from . import loyalty_card
from . import retail_member_birthday
