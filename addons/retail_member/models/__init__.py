from . import levels
