from . import test_retail_backup
from . import test_retail_backup_offsite
