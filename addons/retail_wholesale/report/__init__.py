from . import sale_report
