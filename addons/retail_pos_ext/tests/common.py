from odoo import Command

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon


class RetailPosHttpCommon(TestPointOfSaleHttpCommon):
    """Core's POS test set-up, the cashier role for ``pos_user`` and English labels
    for the core tour helpers (databases are created with only zh_CN)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.pos_user.write(
            {
                "groups_id": [
                    Command.link(
                        cls.env.ref(
                            "retail_wholesale.retail_wholesale_group_cashier"
                        ).id
                    )
                ],
                "lang": "en_US",
            }
        )
        # loyalty programs of other modules' data would add points to every order
        cls.env["loyalty.program"].search([]).write({"active": False})

    @classmethod
    def _create_retail_product(cls, name, price, **values):
        return cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "available_in_pos": True,
                "list_price": price,
                "taxes_id": [Command.clear()],
                **values,
            }
        )

    def _open_session(self, config=None):
        config = config or self.main_pos_config
        config.with_user(self.pos_user).open_ui()
        return config.current_session_id

    def _session_orders(self, session):
        return self.env["pos.order"].search([("session_id", "=", session.id)])
