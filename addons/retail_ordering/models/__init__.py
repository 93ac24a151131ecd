from . import ordering
from . import payment
from . import statement
