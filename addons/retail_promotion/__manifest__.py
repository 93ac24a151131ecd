{
    "name": "Retail & Wholesale: Promotions",
    "summary": "Promotions (营销活动): 满减, 满赠, 买赠, 限时折扣 and coupons set up in one form, "
    "written as core loyalty programs",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    # a promotion is a form over core loyalty programs: the tills (pos_loyalty, through
    # retail_promotion_pos) and the sale orders (sale_loyalty) apply what it writes
    "depends": ["retail_wholesale", "sale_loyalty", "sms"],
    "data": [
        "security/ir.model.access.csv",
        "security/retail_promotion_security.xml",
        "views/promotion/retail_promotion_views.xml",
        "views/promotion/product_pricelist_views.xml",
        "views/promotion/sale_order_views.xml",
        "wizard/retail_promotion_coupon_issue_views.xml",
        "views/lottery/retail_promotion_lottery_views.xml",
        "views/retail_promotion_menus.xml",
    ],
    "auto_install": ["retail_wholesale"],
}
