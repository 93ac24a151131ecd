{
    "name": "Retail & Wholesale Reports: Point of Sale",
    "summary": "The tills' sales in the retail analyses and dashboards (门店收银报表)",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_reports", "retail_pos_ext"],
    "data": [
        "report/retail_sales_report_views.xml",
        "views/retail_reports_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "retail_reports_pos/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "uninstall_hook": "uninstall_hook",
}
