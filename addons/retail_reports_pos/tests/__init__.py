from . import test_pos_sales_report
from . import test_pos_sales_cost
from . import test_pos_customer_analysis
from . import test_pos_store_performance
from . import test_pos_report_menus
from . import test_amount_in_words
from . import test_go_live_tour
