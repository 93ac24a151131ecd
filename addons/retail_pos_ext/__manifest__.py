{
    "name": "Retail & Wholesale POS",
    "summary": "The cashier's side of Retail & Wholesale in Odoo's web POS (收银)",
    "version": "18.0.1.2.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_wholesale", "point_of_sale", "pos_loyalty"],
    "data": [
        "security/retail_pos_ext_groups.xml",
        "security/retail_pos_ext_security.xml",
        "views/pos_config_views.xml",
        "views/res_config_settings_views.xml",
        "security/ir.model.access.csv",
        "security/retail_pos_held_order_security.xml",
        "security/retail_pos_shift_handover_security.xml",
        "data/pos_config_actions.xml",
        "views/pos_order_views.xml",
        "views/pos_payment_method_views.xml",
        "views/retail_pos_held_order_views.xml",
        "views/retail_pos_shift_handover_views.xml",
        "views/retail_pos_ext_menus.xml",
        "report/retail_pos_shift_handover_report.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "retail_pos_ext/static/src/**/*",
        ],
        "web.assets_tests": [
            "retail_pos_ext/static/tests/tours/**/*",
        ],
    },
}
