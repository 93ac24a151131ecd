from . import sale_report
from . import retail_expiry_report
