from . import test_pos_store
from . import test_amount_in_words
from . import test_pos_receipt
from . import test_pos_payment_presets
from . import test_pos_held_order
from . import test_pos_member
from . import test_pos_store_stock
from . import test_pos_shift_handover
