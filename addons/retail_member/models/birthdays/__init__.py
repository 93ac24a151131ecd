from . import loyalty_card
from . import res_company
from . import res_partner
from . import retail_customer_grade
