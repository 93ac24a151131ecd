{
    "name": "Retail & Wholesale: Promotions at the Till",
    "summary": "Promotions (营销活动) at the tills of their stores, through core pos_loyalty",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_promotion", "retail_pos_ext", "pos_loyalty"],
    "assets": {
        "point_of_sale._assets_pos": [
            "retail_promotion_pos/static/src/**/*",
        ],
        "web.assets_tests": [
            "retail_promotion_pos/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
}
