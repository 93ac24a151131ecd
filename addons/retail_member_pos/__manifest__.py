{
    "name": "Retail & Wholesale: Members at the Till",
    "summary": "Members in the web POS of Retail & Wholesale: what they buy at the till "
    "counts for their level (会员等级), shown after the order",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_member", "retail_pos_ext", "pos_loyalty"],
    "assets": {
        "point_of_sale._assets_pos": [
            "retail_member_pos/static/src/**/*",
        ],
        "web.assets_tests": [
            "retail_member_pos/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
}
