from . import retail_statement_line
from . import retail_statement
