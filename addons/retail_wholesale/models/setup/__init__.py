from . import retail_company_mixin
from . import account_chart_template
from . import account_tax
from . import res_company
from . import res_lang
