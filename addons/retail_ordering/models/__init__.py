from . import ordering
from . import statement
