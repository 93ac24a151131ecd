{
    "name": "Retail & Wholesale: Promotion Effect",
    "summary": "Promotion effect (活动效果): orders and customers reached, discounts and "
    "gifts given, revenue, margin and basket during a promotion against before it",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    # without the till: the tills' reward lines are read in SQL only when the till's
    # addon is installed (``_retail_till_reached``), as the member analysis does
    "depends": ["retail_promotion", "retail_reports"],
    "data": [
        "security/ir.model.access.csv",
        "wizard/retail_promotion_effect_views.xml",
        "wizard/retail_customer_analysis_rfm_views.xml",
        "views/retail_promotion_reports_menus.xml",
    ],
    "auto_install": True,
}
