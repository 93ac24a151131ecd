from . import pos_config
from . import pos_order
from . import res_company
from . import res_partner
from . import retail_member_card
from . import retail_pos_order_review
from . import retail_stored_value_bonus
from . import pos_session
