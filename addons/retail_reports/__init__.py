from . import report
from . import models
from . import wizard
