from . import test_retail_brand
from . import test_retail_roles
from . import test_stores
from . import test_wholesale_order_tour
