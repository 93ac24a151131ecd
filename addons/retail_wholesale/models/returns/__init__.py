from . import retail_return_reason
from . import account_move
from . import purchase_order
