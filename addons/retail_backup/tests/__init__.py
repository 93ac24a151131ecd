from . import test_retail_backup
