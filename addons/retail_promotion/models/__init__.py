from . import promotion
from . import lottery
