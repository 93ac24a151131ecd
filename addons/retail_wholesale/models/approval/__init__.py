from . import retail_approval_mixin
from . import retail_approval_line_mixin
