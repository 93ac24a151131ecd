from . import retail_promotion_checks
from . import retail_promotion_programs
from . import retail_promotion_limits
from . import retail_promotion
from . import retail_promotion_tier
from . import loyalty_program
from . import sale_order
from . import sale_order_line
