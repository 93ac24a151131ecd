from . import test_pos_books
from . import test_pos_held_accessories
from . import test_pos_book_screens
