from . import retail_partner_statement
