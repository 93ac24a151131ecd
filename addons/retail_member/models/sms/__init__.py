from . import retail_member_sms
from . import retail_sms_log
from . import sms_sms
