from . import test_pos_store
