from . import retail_member_birthday
