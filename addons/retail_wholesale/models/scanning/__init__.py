from . import retail_scan_mixin
from . import sale_order
from . import stock_picking
