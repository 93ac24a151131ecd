from . import retail_promotion_coupon_issue
