from . import retail_statement_line
from . import retail_statement
from . import retail_store_target
from . import res_company
from . import account_move
from . import retail_partner_statement_line
from . import retail_partner_statement
from . import retail_partner_statement_output
