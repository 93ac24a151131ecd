from . import pos_config
from . import pos_order
