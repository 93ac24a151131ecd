from . import test_promotion
