{
    "name": "Retail & Wholesale: Members",
    "summary": "Members (会员): levels that move with what members buy, on core loyalty "
    "(会员等级)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    # a member is a customer with a grade that is a member level, and a core loyalty
    # card; installs itself with the retail app
    "depends": ["retail_wholesale", "sale_loyalty", "sms"],
    "data": [
        "security/ir.model.access.csv",
        "security/retail_member_security.xml",
        "data/retail_member_data.xml",
        "views/levels/retail_customer_grade_views.xml",
        "views/levels/retail_member_level_history_views.xml",
        "views/levels/res_partner_views.xml",
        "views/levels/res_company_views.xml",
        "views/points/loyalty_program_views.xml",
        "views/card/member_card_templates.xml",
        "views/sms/retail_sms_views.xml",
        "views/stored_value/retail_stored_value_bonus_views.xml",
        "views/retail_member_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "retail_member/static/tests/tours/**/*",
        ],
    },
    "post_init_hook": "post_init_hook",
    "auto_install": ["retail_wholesale"],
}
