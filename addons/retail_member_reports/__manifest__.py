{
    "name": "Retail & Wholesale: Member Reports",
    "summary": "Member analysis (会员分析): members per level and store, the stored value "
    "liability against the ledger, top-ups, spending and points",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    # One addon, without the till: the store of a card movement is read from its
    # order in SQL, the till's orders (pos.order, through their till's store) joined
    # only when the till's addon is installed (``_history_store``). A second bridge on
    # retail_member_pos would hold one join and be one more addon to install.
    "depends": ["retail_member", "retail_reports"],
    "data": [
        "security/ir.model.access.csv",
        "wizard/retail_member_analysis_views.xml",
        "wizard/retail_customer_analysis_rfm_views.xml",
        "views/retail_member_reports_menus.xml",
    ],
    "auto_install": True,
}
