{
    "name": "Retail & Wholesale Reports",
    "summary": "Retail analytics and Chinese financial statements (报表) for "
    "Retail & Wholesale",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_wholesale", "retail_pos_ext", "point_of_sale"],
    "data": [
        "security/ir.model.access.csv",
        "security/retail_sales_report_security.xml",
        "security/retail_aging_report_security.xml",
        "security/retail_dead_stock_report_security.xml",
        "security/retail_store_target_security.xml",
        "data/retail_statement_line_data.xml",
        "data/retail_sales_report_cron.xml",
        "report/retail_sales_report_views.xml",
        "report/retail_sales_dashboard_views.xml",
        "report/retail_aging_report_views.xml",
        "report/retail_dead_stock_report_views.xml",
        "wizard/retail_product_ranking_views.xml",
        "wizard/retail_customer_analysis_views.xml",
        "views/retail_store_target_views.xml",
        "views/retail_statement_views.xml",
        "views/retail_statement_line_views.xml",
        "views/retail_reports_menus.xml",
        "report/retail_statement_report.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "retail_reports/static/src/**/*",
        ],
        "web.assets_tests": [
            "retail_reports/static/tests/tours/**/*",
        ],
    },
}
