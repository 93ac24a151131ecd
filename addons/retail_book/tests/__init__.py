from . import test_book_tools
from . import test_book_product
from . import test_book_amounts
from . import test_book_pack_qty
from . import test_book_accessory
from . import test_book_return
from . import test_book_import
