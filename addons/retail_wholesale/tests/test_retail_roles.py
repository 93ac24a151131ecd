from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestRetailRoles(RetailCommon):
    def _has(self, role, xmlid):
        return self.role_users[role].has_group(xmlid)

    def test_roles_imply_the_core_rights_they_need(self):
        expected = {
            "cashier": {"base.group_user"},
            "keeper": {"stock.group_stock_user"},
            "buyer": {"purchase.group_purchase_user", "stock.group_stock_user"},
            "accountant": {"account.group_account_user"},
            "store_manager": {
                "retail_wholesale.retail_wholesale_group_cashier",
                "stock.group_stock_user",
                "sales_team.group_sale_salesman_all_leads",
            },
            "hq_admin": {
                "retail_wholesale.retail_wholesale_group_store_manager",
                "retail_wholesale.retail_wholesale_group_buyer",
                "retail_wholesale.retail_wholesale_group_accountant",
                "sales_team.group_sale_manager",
                "purchase.group_purchase_manager",
                "stock.group_stock_manager",
                "account.group_account_manager",
            },
        }
        for role, groups in expected.items():
            for xmlid in groups:
                self.assertTrue(self._has(role, xmlid), f"{role} should have {xmlid}")

    def test_roles_do_not_get_rights_beyond_their_job(self):
        not_expected = {
            "cashier": [
                "stock.group_stock_user",
                "purchase.group_purchase_user",
                "sales_team.group_sale_salesman",
                "account.group_account_invoice",
            ],
            "keeper": ["purchase.group_purchase_user", "stock.group_stock_manager"],
            "buyer": ["sales_team.group_sale_salesman", "stock.group_stock_manager"],
            "accountant": ["stock.group_stock_user", "purchase.group_purchase_user"],
            "store_manager": [
                "purchase.group_purchase_user",
                "stock.group_stock_manager",
                "sales_team.group_sale_manager",
                "retail_wholesale.retail_wholesale_group_hq_admin",
            ],
        }
        for role, groups in not_expected.items():
            for xmlid in groups:
                self.assertFalse(
                    self._has(role, xmlid), f"{role} must not have {xmlid}"
                )

    def test_cashier_cannot_read_purchases_buyer_can_create_them(self):
        supplier = self.env["res.partner"].create({"name": "Supplier Ltd"})
        with self.assertRaises(AccessError):
            self.env["purchase.order"].with_user(self.role_users["cashier"]).search([])
        order = (
            self.env["purchase.order"]
            .with_user(self.role_users["buyer"])
            .create({"partner_id": supplier.id})
        )
        self.assertEqual(order.state, "draft")

    def test_accountant_invoices_a_sale_order(self):
        """Create Invoice on a sale order (core's wizard) is the accountant's, who has
        no sales rights."""
        customer = self.env["res.partner"].create({"name": "Wholesale Customer Ltd"})
        product = self.env["product.product"].create(
            {"name": "Invoiced Goods", "type": "consu", "list_price": 12.5}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 4})
                ],
            }
        )
        order.action_confirm()
        accountant = self.role_users["accountant"]
        context = {"active_model": "sale.order", "active_ids": order.ids}
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_user(accountant)
            .with_context(**context)
            .create({"advance_payment_method": "delivered"})
        )
        wizard.create_invoices()
        self.assertEqual(len(order.invoice_ids), 1)
        self.assertEqual(order.invoice_ids.amount_untaxed, 50.0)
        self.assertEqual(order.invoice_ids.create_uid, accountant)
        self.assertEqual(order.invoice_status, "invoiced")

    def test_only_roles_with_stock_rights_validate_transfers(self):
        """Core lets invoicing users (the accountant) create and write transfers: goods
        still move only by the hands of those with stock rights."""
        product = self.env["product.product"].create(
            {"name": "Shelf Goods", "is_storable": True}
        )
        stock = self.hq_warehouse.lot_stock_id
        self.env["stock.quant"]._update_available_quantity(product, stock, 10)
        customers = self.env.ref("stock.stock_location_customers")

        def delivery(user):
            picking = (
                self.env["stock.picking"]
                .with_user(user)
                .create(
                    {
                        "picking_type_id": self.hq_warehouse.out_type_id.id,
                        "location_id": stock.id,
                        "location_dest_id": customers.id,
                        "move_ids": [
                            Command.create(
                                {
                                    "name": product.name,
                                    "product_id": product.id,
                                    "product_uom_qty": 2,
                                    "location_id": stock.id,
                                    "location_dest_id": customers.id,
                                }
                            )
                        ],
                    }
                )
            )
            picking.move_ids.write({"quantity": 2, "picked": True})
            return picking

        picking = delivery(self.role_users["accountant"])
        with self.assertRaisesRegex(AccessError, "warehouse keeper"):
            picking.button_validate()
        self.assertEqual(product.with_context(location=stock.id).qty_available, 10)
        picking = delivery(self.role_users["keeper"])
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(product.with_context(location=stock.id).qty_available, 8)

    def test_retail_menu_by_role(self):
        def visible(role):
            menus = (
                self.env["ir.ui.menu"]
                .with_user(self.role_users[role])
                ._visible_menu_ids()
            )
            return {
                xmlid
                for xmlid in (
                    "retail_wholesale.retail_wholesale_menu_root",
                    "retail_wholesale.retail_wholesale_menu_sales",
                    "retail_wholesale.retail_wholesale_menu_purchase",
                    "retail_wholesale.retail_wholesale_menu_stock",
                    "retail_wholesale.retail_wholesale_menu_config",
                )
                if self.env.ref(xmlid).id in menus
            }

        self.assertEqual(
            visible("cashier"), {"retail_wholesale.retail_wholesale_menu_root"}
        )
        self.assertEqual(
            visible("buyer"),
            {
                "retail_wholesale.retail_wholesale_menu_root",
                "retail_wholesale.retail_wholesale_menu_purchase",
                "retail_wholesale.retail_wholesale_menu_stock",
            },
        )
        self.assertEqual(
            visible("store_manager"),
            {
                "retail_wholesale.retail_wholesale_menu_root",
                "retail_wholesale.retail_wholesale_menu_sales",
                "retail_wholesale.retail_wholesale_menu_stock",
            },
        )
        self.assertEqual(len(visible("hq_admin")), 5)
