from . import test_pos_store
from . import test_pos_order_sync
from . import test_pos_store_isolation
from . import test_pos_offline
