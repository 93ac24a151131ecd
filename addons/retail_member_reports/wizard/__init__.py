from . import retail_member_analysis
from . import retail_member_analysis_level
from . import retail_member_analysis_move
from . import retail_customer_analysis_rfm
