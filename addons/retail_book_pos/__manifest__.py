{
    "name": "Retail & Wholesale: Books at the Till",
    "summary": "Books in the web POS of Retail & Wholesale: 件/包/本 quantities, "
    "accessories (配件), 定价 and 码洋/实洋 on lines and receipts",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    "depends": ["retail_book", "retail_pos_ext"],
    "assets": {
        "point_of_sale._assets_pos": [
            "retail_book_pos/static/src/**/*",
        ],
        "web.assets_tests": [
            "retail_book_pos/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
}
