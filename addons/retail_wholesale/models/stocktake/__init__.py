from . import retail_stocktake
from . import retail_stocktake_line
