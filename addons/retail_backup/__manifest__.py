{
    "name": "Retail & Wholesale: Backups",
    "summary": "Nightly backups of the database and its files, with retention (备份)",
    "version": "18.0.1.0.0",
    "category": "Administration",
    "website": "https://github.com/retail-wholesale-odoo",
    "author": "Retail & Wholesale for Odoo",
    "license": "LGPL-3",
    # under the retail app's Configuration menu; installs itself with the app and
    # may be uninstalled where backups are made outside Odoo
    "depends": ["retail_wholesale"],
    "data": [
        "security/ir.model.access.csv",
        "data/retail_backup_data.xml",
        "views/retail_backup_views.xml",
    ],
    "auto_install": True,
}
