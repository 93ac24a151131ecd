from . import retail_payment_report
