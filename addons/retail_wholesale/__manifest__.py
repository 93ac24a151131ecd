{
    "name": "Retail & Wholesale",
    "summary": "Stores, roles and wholesale trading for Chinese retail chains and "
    "wholesalers (零售批发)",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": [
        "account",
        "sale_stock",
        "purchase_stock",
        "product_expiry",
        "loyalty",
    ],
    "data": [
        "security/retail_wholesale_groups.xml",
        "security/ir.model.access.csv",
        "views/product_template_views.xml",
        "views/retail_brand_views.xml",
        "views/stock_warehouse_views.xml",
        "views/res_users_views.xml",
        "views/retail_wholesale_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "retail_wholesale/static/tests/tours/**/*",
        ],
    },
    "post_init_hook": "post_init_hook",
    "application": True,
}
