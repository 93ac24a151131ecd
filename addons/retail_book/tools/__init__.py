from . import isbn
from . import pack_qty
