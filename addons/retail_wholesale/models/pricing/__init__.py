from . import retail_return_rate_mixin
from . import product_pricelist
from . import product_pricelist_item
from . import retail_customer_grade
from . import retail_channel
