from . import pos_config
from . import pos_order
from . import pos_payment_method
from . import retail_pos_held_order
from . import res_partner
from . import product_pricelist
from . import product_product
