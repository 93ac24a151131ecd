from . import loyalty_card_update_balance
from . import loyalty_program
from . import retail_member_points
