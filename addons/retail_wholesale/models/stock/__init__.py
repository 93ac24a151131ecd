from . import retail_stock_alert
from . import retail_stock_suggestion
from . import retail_stock_level
from . import stock_move
from . import stock_picking
from . import stock_quant
from . import stock_scrap
