from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .store_order_common import StoreOrderCommon


@tagged("post_install", "-at_install")
class TestRetailStoreOrder(StoreOrderCommon):
    """From the store's request to head office's approval or rejection, and who may do what."""

    # ------------------------------------------------------------------ creation
    def test_order_gets_a_number_the_store_and_its_head_office(self):
        order = self._order({self.apple: 10})
        self.assertRegex(order.name, r"^YH/\d{4}/\d{5}$")
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.hq_warehouse_id, self.hq_warehouse)
        self.assertEqual(order.requested_by_id, self.manager)
        self.assertEqual(order.company_id, self.env.company)
        self.assertEqual(self._line(order, self.apple).approved_qty, 10)

    def test_store_manager_orders_through_the_form_head_office_approves_in_it(self):
        with Form(self.env["retail.store.order"].with_user(self.manager)) as form:
            # the manager works in one store: it is the default
            self.assertEqual(form.store_warehouse_id, self.store_warehouse)
            self.assertEqual(form.hq_warehouse_id, self.hq_warehouse)
            with form.line_ids.new() as line:
                line.product_id = self.apple
                line.requested_qty = 12
                self.assertEqual(line.hq_qty_available, 100)
        order = form.record
        order.action_submit()
        with (
            Form(order.with_user(self.buyer)) as form,
            form.line_ids.edit(0) as line,
        ):
            line.approved_qty = 8
        order.with_user(self.buyer).action_approve()
        self.assertEqual(
            (order.state, order.line_ids.requested_qty, order.line_ids.approved_qty),
            ("partial", 12, 8),
        )

    def test_requested_quantity_must_be_positive(self):
        for qty in (0, -3):
            with self.assertRaisesRegex(
                ValidationError,
                "The requested quantity of Apple Box must be positive",
            ):
                self._order({self.apple: qty})

    def test_only_storable_products_can_be_ordered(self):
        service = self.env["product.product"].create(
            {"name": "Window Cleaning", "type": "service"}
        )
        with self.assertRaisesRegex(ValidationError, "Window Cleaning is not tracked"):
            self._order({service: 1})

    # ------------------------------------------------------------------ submit
    def test_empty_order_cannot_be_submitted(self):
        order = self._order({})
        with self.assertRaisesRegex(UserError, "Add the products the store needs"):
            order.action_submit()
        self.assertEqual(order.state, "draft")

    def test_product_head_office_does_not_stock_is_refused_at_submit(self):
        order = self._order({self.apple: 5, self.durian: 2})
        with self.assertRaises(UserError) as error:
            order.action_submit()
        message = str(error.exception)
        self.assertIn("Durian Box", message)
        self.assertNotIn("Apple Box", message)
        self.assertEqual(order.state, "draft")

    def test_product_on_its_way_to_head_office_can_be_ordered(self):
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.hq_warehouse.in_type_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.hq_warehouse.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "Mango",
                            "product_id": self.mango.id,
                            "product_uom_qty": 20,
                            "product_uom": self.mango.uom_id.id,
                            "location_id": self.env.ref(
                                "stock.stock_location_suppliers"
                            ).id,
                            "location_dest_id": self.hq_warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        order = self._order({self.mango: 5})
        order.action_submit()
        self.assertEqual(order.state, "submitted")

    # ------------------------------------------------------------------ approve
    def test_full_approval_ships_along_the_resupply_route(self):
        order = self._submitted({self.apple: 10, self.pear: 5})
        order.with_user(self.buyer).action_approve()
        self.assertEqual(order.state, "approved")
        self.assertEqual(order.approved_by_id, self.buyer)
        self.assertEqual(order.picking_count, 2)
        self.assertEqual(
            self._picking_moves(order),
            {
                (self.hq_warehouse.lot_stock_id, self.transit): {
                    self.apple: 10,
                    self.pear: 5,
                },
                (self.transit, self.store_warehouse.lot_stock_id): {
                    self.apple: 10,
                    self.pear: 5,
                },
            },
        )
        self.assertEqual(
            self._hq_delivery(order).picking_type_id, self.hq_warehouse.out_type_id
        )
        self.assertEqual(
            self._store_receipt(order).picking_type_id,
            self.store_warehouse.in_type_id,
        )
        self.assertEqual(set(order.picking_ids.mapped("origin")), {order.name})
        action = order.action_view_pickings()
        self.assertEqual(action["domain"], [("id", "in", order.picking_ids.ids)])

    def test_state_changes_are_logged_in_the_chatter(self):
        order = self._order({self.apple: 10})
        self._flush_tracking()
        order.action_submit()
        self._flush_tracking()
        order.with_user(self.buyer).action_approve()
        self._flush_tracking()
        tracked = order.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")), ["Approved", "Submitted"]
        )

    def test_partial_approval_ships_the_approved_quantities(self):
        order = self._submitted({self.apple: 10, self.pear: 5})
        self._line(order, self.apple).with_user(self.buyer).approved_qty = 6
        self._line(order, self.pear).with_user(self.buyer).approved_qty = 0
        order.with_user(self.buyer).action_approve()
        self.assertEqual(order.state, "partial")
        self.assertEqual(
            self._picking_moves(order),
            {
                (self.hq_warehouse.lot_stock_id, self.transit): {self.apple: 6},
                (self.transit, self.store_warehouse.lot_stock_id): {self.apple: 6},
            },
        )
        body = order.message_ids[0].body
        self.assertIn("<li>Apple Box: 10.0 Units requested, 6.0 approved</li>", body)
        self.assertIn("<li>Pear Box: 5.0 Units requested, 0.0 approved</li>", body)

    def test_head_office_cannot_approve_more_than_requested(self):
        order = self._submitted({self.apple: 10})
        with self.assertRaisesRegex(ValidationError, "more Apple Box than the store"):
            self._line(order, self.apple).with_user(self.buyer).approved_qty = 12

    def test_nothing_approved_must_be_rejected_instead(self):
        order = self._submitted({self.apple: 10})
        self._line(order, self.apple).with_user(self.buyer).approved_qty = 0
        with self.assertRaisesRegex(UserError, "reject it instead"):
            order.with_user(self.buyer).action_approve()
        self.assertEqual(order.state, "submitted")
        self.assertFalse(order.picking_ids)

    def test_store_staff_cannot_approve(self):
        order = self._submitted({self.apple: 10})
        with self.assertRaisesRegex(
            AccessError, "Only head office administrators and buyers"
        ):
            order.with_user(self.manager).action_approve()
        with self.assertRaises(AccessError):
            order.with_user(self.role_users["cashier"]).action_approve()
        with self.assertRaises(AccessError):
            self._line(order, self.apple).with_user(self.manager).approved_qty = 1
        with self.assertRaises(AccessError):
            order.with_user(self.manager).write({"state": "approved"})
        order.invalidate_recordset()
        self.assertEqual(order.state, "submitted")
        self.assertEqual(self._line(order, self.apple).approved_qty, 10)
        # priced as expected (no supply pricelist: at cost), not approved
        self.assertEqual(
            self._line(order, self.apple).price_unit, self.apple.standard_price
        )
        self.assertFalse(order.approved_by_id)
        self.assertFalse(order.procurement_group_id)
        self.assertFalse(
            self.env["stock.move"].search([("product_id", "=", self.apple.id)])
        )

    def test_approving_twice_is_refused(self):
        order = self._submitted({self.apple: 10})
        order.with_user(self.buyer).action_approve()
        pickings = order.picking_ids
        with self.assertRaisesRegex(UserError, "only submitted store orders can be"):
            order.with_user(self.role_users["hq_admin"]).action_approve()
        order.invalidate_recordset()
        self.assertEqual(order.picking_ids, pickings)
        self.assertEqual(
            sum(pickings.move_ids.mapped("product_uom_qty")), 20
        )  # 10 out of head office, 10 into the store

    def test_store_without_resupply_route_cannot_be_approved(self):
        self.manager.retail_warehouse_ids |= self.other_store
        order = self._order({self.apple: 10}, store=self.other_store)
        order.action_submit()
        with self.assertRaisesRegex(
            UserError, "Store Test Store West is not resupplied"
        ):
            order.with_user(self.buyer).action_approve()
        self.assertEqual(order.state, "submitted")
        self.assertFalse(order.picking_ids)

    # ------------------------------------------------------------------ reject
    def test_rejection_needs_a_reason_and_logs_it(self):
        order = self._submitted({self.apple: 10})
        with self.assertRaisesRegex(UserError, "the reason is required"):
            order.with_user(self.buyer)._action_reject("  ")
        self.assertEqual(order.state, "submitted")
        with self.assertRaises(AccessError):
            order.with_user(self.manager)._action_reject("Not needed")
        self.assertEqual(order.state, "submitted")

        action = order.with_user(self.buyer).action_open_reject_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.buyer)
            .with_context(**action["context"])
            .create({"reason": "Apple season is over"})
        )
        wizard.action_reject()
        self.assertEqual(order.state, "rejected")
        self.assertEqual(order.reject_reason, "Apple season is over")
        self.assertIn("Rejected: Apple season is over", order.message_ids[0].body)
        self.assertFalse(order.picking_ids)

    def test_rejected_order_can_be_revised_and_submitted_again(self):
        order = self._submitted({self.apple: 10})
        self._line(order, self.apple).with_user(self.buyer).approved_qty = 4
        order.with_user(self.buyer)._action_reject("Too many")
        order.action_draft()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.reject_reason)
        self.assertEqual(self._line(order, self.apple).approved_qty, 10)
        self._line(order, self.apple).requested_qty = 6
        self.assertEqual(self._line(order, self.apple).approved_qty, 6)
        order.action_submit()
        self.assertEqual(order.state, "submitted")

    # ------------------------------------------------------------------ access
    def test_store_manager_of_another_store_cannot_read_the_order(self):
        order = self._order({self.apple: 10})
        other = order.with_user(self.other_manager)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            order.line_ids.with_user(self.other_manager).read(["requested_qty"])
        self.assertFalse(
            self.env["retail.store.order"]
            .with_user(self.other_manager)
            .search([("id", "=", order.id)])
        )
        for role in ("hq_admin", "buyer", "keeper"):
            self.assertEqual(
                order.with_user(self.role_users[role]).read(["name"])[0]["name"],
                order.name,
            )
        self.assertEqual(
            order.line_ids.with_user(self.role_users["hq_admin"]).read(
                ["requested_qty"]
            )[0]["requested_qty"],
            10,
        )

    def test_store_manager_orders_only_for_own_stores(self):
        with self.assertRaises(AccessError):
            self._order({self.apple: 10}, user=self.other_manager)

    def test_cashier_has_no_access_to_store_orders(self):
        with self.assertRaises(AccessError):
            self.env["retail.store.order"].with_user(self.role_users["cashier"]).search(
                []
            )

    def test_only_draft_orders_can_be_deleted_by_the_store(self):
        draft = self._order({self.apple: 10})
        submitted = self._submitted({self.pear: 5})
        with self.assertRaisesRegex(
            UserError, "only draft store orders can be deleted"
        ):
            submitted.with_user(self.manager).unlink()
        self.assertTrue(submitted.exists())
        draft.with_user(self.manager).unlink()
        self.assertFalse(draft.exists())

    def test_submitted_lines_cannot_change(self):
        order = self._submitted({self.apple: 10})
        with self.assertRaisesRegex(UserError, "can no longer change"):
            self._line(order, self.apple).requested_qty = 20
        self.assertEqual(self._line(order, self.apple).requested_qty, 10)
