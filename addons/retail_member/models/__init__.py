from . import levels
from . import birthdays
