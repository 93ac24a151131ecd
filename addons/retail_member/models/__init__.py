from . import levels
from . import birthdays
from . import points
