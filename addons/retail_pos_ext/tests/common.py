import uuid

from odoo import Command, fields

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon


def make_cashier(user, store, *group_commands):
    """Give ``user`` the cashier role at ``store`` (after ``group_commands`` on their
    groups), in English: the core tour helpers click on English labels (databases are
    created with only zh_CN)."""
    env = user.env
    env["res.lang"]._activate_lang("en_US")
    user.write(
        {
            "groups_id": [
                *group_commands,
                Command.link(
                    env.ref("retail_wholesale.retail_wholesale_group_cashier").id
                ),
            ],
            "lang": "en_US",
            # cashiers reach the tills of their stores only
            "retail_warehouse_ids": [Command.link(store.id)],
        }
    )


class RetailPosHttpCommon(TestPointOfSaleHttpCommon):
    """Core's POS test set-up, the cashier role (and no other right) for ``pos_user``
    and English labels
    for the core tour helpers (databases are created with only zh_CN)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a cashier has the cashier role only: core's test user also has stock rights
        make_cashier(
            cls.pos_user,
            cls.main_pos_config.picking_type_id.warehouse_id,
            Command.unlink(cls.env.ref("stock.group_stock_user").id),
        )
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
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

    def _sync_order(self, session, lines, payments, user=None, **order):
        """Send an order as the till does: ``lines`` (product, quantity, unit price),
        ``payments`` (method, amount); a negative quantity makes a refund; ``order``:
        the other keywords of ``_order_payload`` (line values, lots, customer)."""
        user = user or self.pos_user
        data = self._order_payload(session, lines, payments, user, **order)
        result = self.env["pos.order"].with_user(user).sync_from_ui([data])
        self.last_sync_result = result
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _order_payload(
        self,
        session,
        lines,
        payments,
        user=None,
        line_values=None,
        lots=None,
        partner=None,
    ):
        """The order as the till sends it: ``line_values``: more values of every line
        (lots, markdown); ``lots``: {product: lot name}; ``partner``: the customer."""
        lots = lots or {}
        user = user or self.pos_user
        total = round(sum(qty * price for _product, qty, price in lines), 2)
        order_uuid = str(uuid.uuid4())
        stamp = fields.Datetime.to_string(fields.Datetime.now())
        data = {
            "uuid": order_uuid,
            "name": f"Order {order_uuid}",
            "session_id": session.id,
            "sequence_number": 1,
            "date_order": stamp,
            "user_id": user.id,
            "partner_id": partner.id if partner else False,
            "pricelist_id": session.config_id.pricelist_id.id,
            "fiscal_position_id": False,
            "lines": [
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": price,
                        "discount": 0,
                        "price_subtotal": qty * price,
                        "price_subtotal_incl": qty * price,
                        "tax_ids": [],
                        "pack_lot_ids": [Command.create({"lot_name": lots[product]})]
                        if product in lots
                        else [],
                        **(line_values or {}),
                    }
                )
                for product, qty, price in lines
            ],
            "payment_ids": [
                Command.create(
                    {
                        "amount": amount,
                        "payment_date": stamp,
                        "payment_method_id": method.id,
                    }
                )
                for method, amount in payments
            ],
            "amount_paid": total,
            "amount_total": total,
            "amount_tax": 0,
            "amount_return": 0,
            "to_invoice": False,
            "last_order_preparation_change": "{}",
            "state": "paid",
        }
        return data


class RetailPosHeldCommon(RetailPosHttpCommon):
    """Two products of a held order (挂单) and the order as the till holds it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.HeldOrder = cls.env["retail.pos.held.order"]
        cls.tea = cls._create_retail_product("Retail Held Tea", 10.0)
        cls.cake = cls._create_retail_product("Retail Held Cake", 5.5)

    def _held_values(self, name="Zhang table 3", **values):
        """What the till sends to hold an order of 2 teas and a cake."""
        return {
            "name": name,
            "amount_total": 25.5,
            "lines": [
                {"product_id": self.tea.id, "qty": 2, "price_unit": 10.0},
                {
                    "product_id": self.cake.id,
                    "qty": 1,
                    "price_unit": 5.5,
                    "discount": 0,
                    "customer_note": "no sugar",
                },
            ],
            **values,
        }
