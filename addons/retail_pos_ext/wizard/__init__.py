from . import retail_setup_wizard
from . import retail_master_import
