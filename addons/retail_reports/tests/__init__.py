from . import test_report_menus
