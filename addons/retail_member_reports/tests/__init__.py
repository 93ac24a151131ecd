from . import test_member_analysis
from . import test_segment_sms
