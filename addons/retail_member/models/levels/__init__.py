from . import retail_customer_grade
from . import retail_member_level_history
from . import res_partner
