from . import retail_customer_grade
