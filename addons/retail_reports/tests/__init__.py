from . import test_report_menus
from . import test_statement_formula
from . import test_retail_statement
from . import test_retail_aging_report
from . import test_retail_sales_report
from . import test_retail_product_analyses
from . import test_retail_reports_menus
from . import test_retail_customer_analysis
