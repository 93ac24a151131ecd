from . import retail_store_order_reject
from . import retail_file_import
from . import retail_price_matrix_export
from . import retail_price_matrix_import
from . import retail_expiry_disposal
from . import stock_return_picking
from . import account_move_reversal
