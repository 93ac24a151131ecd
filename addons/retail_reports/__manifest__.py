{
    "name": "Retail & Wholesale Reports",
    "summary": "Retail analytics and Chinese financial statements (报表) for "
    "Retail & Wholesale",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_wholesale", "point_of_sale"],
    "data": [
        "views/retail_reports_menus.xml",
    ],
}
