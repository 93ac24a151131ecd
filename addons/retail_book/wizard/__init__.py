from . import retail_book_import
from . import retail_master_import
from . import stock_return_picking
