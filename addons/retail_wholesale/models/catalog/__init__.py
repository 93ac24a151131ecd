from . import product_template
from . import product_product
from . import retail_brand
