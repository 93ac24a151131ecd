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
    "depends": ["retail_wholesale", "sale_loyalty"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "auto_install": ["retail_wholesale"],
}
