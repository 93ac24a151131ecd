from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

ROLE_GROUPS = {
    "cashier": "retail_wholesale.retail_wholesale_group_cashier",
    "keeper": "retail_wholesale.retail_wholesale_group_warehouse_keeper",
    "buyer": "retail_wholesale.retail_wholesale_group_buyer",
    "accountant": "retail_wholesale.retail_wholesale_group_accountant",
    "store_manager": "retail_wholesale.retail_wholesale_group_store_manager",
    "hq_admin": "retail_wholesale.retail_wholesale_group_hq_admin",
}


class RetailCommon(BaseCommon):
    """One user per retail role, a head office and a store warehouse."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # databases created in Chinese have only zh_CN active; tours click English labels
        cls.env["res.lang"]._activate_lang("en_US")
        # messages are asserted in English, the source language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.hq_warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], order="id", limit=1
        )
        cls.store_warehouse = cls.env["stock.warehouse"].create(
            {"name": "Test Store East", "code": "TSE"}
        )
        cls.role_users = {
            role: new_test_user(cls.env, login=f"rw_{role}", groups=group, lang="en_US")
            for role, group in ROLE_GROUPS.items()
        }
