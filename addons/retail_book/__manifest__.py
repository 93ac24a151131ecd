{
    "name": "Retail & Wholesale: Books",
    "summary": "The book trade of Retail & Wholesale: ISBN, cover price (定价), 码洋/实洋, "
    "件/包/本 packs, accessories (配件), book import and printouts",
    "version": "18.0.1.0.0",
    "category": "Sales/Retail",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_wholesale"],
    # ISBN check digits
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/ir.model.access.csv",
        "views/product_template_book_views.xml",
        "views/sale_order_book_views.xml",
        "views/purchase_order_book_views.xml",
        "views/account_move_book_views.xml",
        "views/stock_picking_book_views.xml",
        "wizard/retail_book_import_views.xml",
        "views/retail_book_menus.xml",
        "report/sale_order_book_templates.xml",
        "report/account_move_book_templates.xml",
        "report/stock_picking_book_templates.xml",
    ],
}
