from odoo import Command
from odoo.tests import new_test_user

from .common import ROLE_GROUPS, RetailCommon


class StoreOrderCommon(RetailCommon):
    """A head office, a store resupplied from it, fruit to order and the people who
    order and approve: the fixtures of the store order tests."""

    @classmethod
    def default_env_context(cls):
        # keep the chatter's tracking on: state changes must be logged
        return {"no_reset_password": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_warehouse.resupply_wh_ids = cls.hq_warehouse
        cls.transit = cls.env.company.internal_transit_location_id
        cls.apple, cls.pear, cls.durian, cls.mango = cls.env["product.product"].create(
            [
                {"name": name, "is_storable": True, "standard_price": cost}
                for name, cost in (
                    ("Apple Box", 4.0),
                    ("Pear Box", 2.5),
                    ("Durian Box", 30.0),
                    ("Mango Box", 6.0),
                )
            ]
        )
        quant = cls.env["stock.quant"]
        quant._update_available_quantity(cls.apple, cls.hq_warehouse.lot_stock_id, 100)
        quant._update_available_quantity(cls.pear, cls.hq_warehouse.lot_stock_id, 50)
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.store_warehouse
        cls.buyer = cls.role_users["buyer"]
        cls.keeper = cls.role_users["keeper"]
        cls.other_store = cls.env["stock.warehouse"].create(
            {"name": "Test Store West", "code": "TSW"}
        )
        cls.other_manager = new_test_user(
            cls.env,
            login="rw_other_store_manager",
            groups=ROLE_GROUPS["store_manager"],
            lang="en_US",
        )
        cls.other_manager.retail_warehouse_ids = cls.other_store

    def _order(self, quantities, store=None, user=None):
        """A store order created by the store manager, with {product: quantity}."""
        return (
            self.env["retail.store.order"]
            .with_user(user or self.manager)
            .create(
                {
                    "store_warehouse_id": (store or self.store_warehouse).id,
                    "line_ids": [
                        Command.create({"product_id": product.id, "requested_qty": qty})
                        for product, qty in quantities.items()
                    ],
                }
            )
        )

    def _submitted(self, quantities):
        order = self._order(quantities)
        order.action_submit()
        return order

    def _line(self, order, product):
        return order.line_ids.filtered(lambda line: line.product_id == product)

    def _picking_moves(self, order):
        """{(source, destination): {product: quantity}} of the order's transfers."""
        result = {}
        for picking in order.picking_ids:
            key = (picking.location_id, picking.location_dest_id)
            self.assertNotIn(key, result)
            result[key] = {
                move.product_id: move.product_uom_qty for move in picking.move_ids
            }
        return result

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _hq_delivery(self, order):
        order.invalidate_recordset(["picking_ids", "picking_count"])
        return order.picking_ids.filtered(
            lambda picking: picking.location_dest_id == self.transit
        )

    def _store_receipt(self, order):
        order.invalidate_recordset(["picking_ids", "picking_count"])
        return order.picking_ids.filtered(
            lambda picking: (
                picking.location_id == self.transit
                and picking.state not in ("done", "cancel")
            )
        )

    def _validate(self, picking, quantities, user, backorder=True):
        picking = picking.with_user(user)
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = quantities[move.product_id]
            move.picked = True
        context = {"skip_backorder": True}
        if not backorder:
            context["picking_ids_not_to_backorder"] = picking.ids
        picking.with_context(**context).button_validate()
        self.assertEqual(picking.state, "done")
