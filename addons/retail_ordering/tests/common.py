from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.retail_wholesale.tests.common import RetailCommon


class OrderingCommon(RetailCommon):
    """Two dealers ordering on the portal in a channel of head office, a grade price
    list with a quantity break, another grade's lower prices, products offered or
    not, and head office's stock of tea of which another customer's order holds 30."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.channel = cls.env["retail.channel"].create(
            {
                "name": "Test Dealer Ordering",
                "code": "TDEALER",
                "company_id": company.id,
            }
        )
        other_channel = cls.env["retail.channel"].create(
            {"name": "Test Other Ordering", "code": "TOTHER", "company_id": company.id}
        )
        cls._products(other_channel)
        cls._grades()
        cls.dealer_a = cls._dealer("常州经销商")
        cls.dealer_b = cls._dealer("无锡经销商")
        cls.user_a = cls._dealer_user("dealer_a", cls.dealer_a)
        cls.user_b = cls._dealer_user("dealer_b", cls.dealer_b)
        cls.hq_sales = new_test_user(
            cls.env,
            login="hq_sales",
            groups="sales_team.group_sale_salesman_all_leads,stock.group_stock_user",
            lang="en_US",
        )
        cls._stock()

    @classmethod
    def _products(cls, other_channel):
        Product = cls.env["product.product"]
        cls.tea = Product.create(
            {
                "name": "Dealer Test Tea",
                "is_storable": True,
                "default_code": "TEA-001",
                "barcode": "6901234567892",
                "list_price": 20.0,
                "retail_pack_qty": 6,
                "retail_min_qty": 6,
                "retail_portal_ok": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.biscuit = Product.create(
            {
                "name": "Dealer Test Biscuit",
                "is_storable": True,
                "default_code": "BIS-002",
                "list_price": 8.0,
                "retail_portal_ok": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.hidden = Product.create(
            {"name": "Dealer Test Hidden", "default_code": "HID-003", "list_price": 5.0}
        )
        cls.elsewhere = Product.create(
            {
                "name": "Dealer Test Elsewhere",
                "default_code": "ELS-004",
                "list_price": 5.0,
                "retail_portal_ok": True,
                "retail_portal_channel_ids": [Command.set(other_channel.ids)],
            }
        )

    @classmethod
    def _grades(cls):
        Pricelist = cls.env["product.pricelist"]
        dealer_prices = Pricelist.create(
            {
                "name": "Dealer Test Prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.tea.id,
                            "fixed_price": 10.0,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.tea.id,
                            "fixed_price": 9.0,
                            "min_quantity": 24,
                        }
                    ),
                ],
            }
        )
        vip_prices = Pricelist.create(
            {
                "name": "Dealer Test VIP Prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.tea.id,
                            "fixed_price": 7.77,
                        }
                    )
                ],
            }
        )
        Grade = cls.env["retail.customer.grade"]
        cls.grade = Grade.create(
            {"name": "Dealer Test Grade", "pricelist_id": dealer_prices.id}
        )
        Grade.create({"name": "Dealer Test VIP", "pricelist_id": vip_prices.id})

    @classmethod
    def _stock(cls):
        company = cls.env.company
        warehouse = company._retail_hq_warehouse()
        cls.env["stock.quant"]._update_available_quantity(
            cls.tea, warehouse.lot_stock_id, 100
        )
        walk_in = cls.env["res.partner"].create({"name": "Dealer Test Other Customer"})
        held = cls.env["sale.order"].create(
            {
                "partner_id": walk_in.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create({"product_id": cls.tea.id, "product_uom_qty": 30})
                ],
            }
        )
        held.action_confirm()

    @classmethod
    def _dealer(cls, name):
        dealer = cls.env["res.partner"].create({"name": name, "is_company": True})
        dealer.retail_grade_id = cls.grade
        dealer.retail_ordering_channel_id = cls.channel
        return dealer

    @classmethod
    def _dealer_user(cls, login, dealer):
        user = new_test_user(
            cls.env, login=login, groups="base.group_portal", lang="en_US"
        )
        user.partner_id.parent_id = dealer
        return user
