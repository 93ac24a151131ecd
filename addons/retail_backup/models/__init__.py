from . import retail_backup
