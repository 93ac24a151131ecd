from . import promotion
