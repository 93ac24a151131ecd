from . import test_member_analysis
