from . import retail_member_card
