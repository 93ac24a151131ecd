{
    "name": "Retail & Wholesale: Ordering Platform",
    "summary": "Ordering platform (订货平台) for franchise stores and dealers on the portal: "
    "catalogue at their prices, quick order, orders head office approves, statements "
    "of account (对账单) to confirm or dispute",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    # the dealers' side on core portal (My Account), next to core's own portal pages of
    # their orders and invoices; the statements are retail_reports'
    # the catalogue shows the promotions (retail_promotion, on core sale_loyalty) that
    # the dealer's orders get
    "depends": ["retail_reports", "retail_promotion", "portal", "sale_stock"],
    "data": [
        "security/ir.model.access.csv",
        "security/retail_ordering_security.xml",
        "views/retail_partner_statement_portal_templates.xml",
        "views/retail_ordering_portal_templates.xml",
        "wizard/retail_portal_reject_views.xml",
        "views/retail_ordering_views.xml",
        "views/retail_payment_report_views.xml",
        "views/retail_payment_report_portal_templates.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "retail_ordering/static/src/**/*",
        ],
        "web.assets_tests": [
            "retail_ordering/static/tests/tours/**/*",
        ],
    },
    "auto_install": ["retail_reports"],
}
