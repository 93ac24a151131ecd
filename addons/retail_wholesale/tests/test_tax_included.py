from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestTaxIncludedPrices(BaseCommon):
    """Chinese consumer prices include VAT (含税价): a company set up with the Chinese
    chart sells and buys at prices tax included, the VAT being their included part."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {
                "name": "含税价测试公司",
                "country_id": cls.env.ref("base.cn").id,
                "currency_id": cls.env.ref("base.CNY").id,
            }
        )
        cls.env.ref("base.CNY").active = True
        # setting a company up is the administrator's flow
        cls.env["account.chart.template"].try_loading(
            "cn", cls.company, install_demo=False
        )
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.tax_13 = cls.env.ref(f"account.{cls.company.id}_l10n_cn_sales_excluded_13")
        cls.buy_13 = cls.env.ref(
            f"account.{cls.company.id}_l10n_cn_purchase_excluded_13"
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "城市的灯火",
                "list_price": 16.90,
                "taxes_id": [Command.set(cls.tax_13.ids)],
                "supplier_taxes_id": [Command.set(cls.buy_13.ids)],
                "company_id": cls.company.id,
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "散客"})

    def _user(self, login, group):
        return new_test_user(
            self.env,
            login=login,
            groups=group,
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )

    def test_chinese_chart_sets_prices_tax_included(self):
        self.assertEqual(self.company.account_price_include, "tax_included")
        self.assertTrue(self.tax_13.price_include)
        self.assertTrue(self.buy_13.price_include)

    def test_shelf_price_is_the_price_paid(self):
        manager = self._user(
            "tax_incl_manager", "retail_wholesale.retail_wholesale_group_store_manager"
        )
        order = (
            self.env["sale.order"]
            .with_user(manager)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 2}
                        )
                    ],
                }
            )
        )
        self.assertEqual(order.order_line.price_unit, 16.90)
        self.assertAlmostEqual(order.amount_total, 33.80)
        # 13 % VAT included: 33.80 / 1.13 = 29.91 before tax, 3.89 of tax
        self.assertAlmostEqual(order.amount_untaxed, 29.91)
        self.assertAlmostEqual(order.amount_tax, 3.89)

    def _fixed_price_pricelist(self, name, **values):
        """A pricelist of the company selling the product at 10.0."""
        return self.env["product.pricelist"].create(
            {
                "name": name,
                "company_id": self.company.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.product.id,
                            "compute_price": "fixed",
                            "fixed_price": 10.0,
                        }
                    )
                ],
                **values,
            }
        )

    def _order_at(self, pricelist, user):
        """A sale order of 10 products by ``user`` for a customer of a grade buying at
        ``pricelist``."""
        grade = self.env["retail.customer.grade"].create(
            {
                "name": pricelist.name,
                "code": pricelist.name,
                "pricelist_id": pricelist.id,
                "company_id": self.company.id,
            }
        )
        shop = self.env["res.partner"].create(
            {"name": f"{pricelist.name}客户", "retail_grade_id": grade.id}
        )
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": shop.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 10}
                        )
                    ],
                }
            )
        )

    def test_wholesale_quote_before_tax_is_a_pricelist_setting(self):
        """A grade's pricelist may quote before tax (报价不含税): VAT on top of its price;
        by default its prices include VAT like every price of the company."""
        manager = self._user(
            "tax_quote_manager", "retail_wholesale.retail_wholesale_group_store_manager"
        )
        quoting = self._fixed_price_pricelist(
            "批发一级（不含税）", retail_price_tax_excluded=True
        )
        including = self._fixed_price_pricelist("批发二级")
        twin = self.env["account.tax"].search(
            [("retail_included_tax_id", "=", self.tax_13.id)]
        )
        self.assertEqual(len(twin), 1)
        self.assertFalse(twin.price_include)
        self.assertEqual(twin.amount, 13.0)
        # marking another pricelist makes no second twin
        including.retail_price_tax_excluded = True
        including.retail_price_tax_excluded = False
        self.assertEqual(
            self.env["account.tax"].search_count(
                [("retail_included_tax_id", "=", self.tax_13.id)]
            ),
            1,
        )

        before_tax = self._order_at(quoting, manager)
        self.assertEqual(before_tax.pricelist_id, quoting)
        self.assertEqual(before_tax.order_line.price_unit, 10.0)
        self.assertEqual(before_tax.order_line.tax_id, twin)
        self.assertAlmostEqual(before_tax.amount_untaxed, 100.0)
        self.assertAlmostEqual(before_tax.amount_total, 113.0)
        tax_included = self._order_at(including, manager)
        self.assertEqual(tax_included.order_line.tax_id, self.tax_13)
        self.assertAlmostEqual(tax_included.amount_total, 100.0)
        self.assertAlmostEqual(tax_included.amount_untaxed, 88.5)

    def test_purchase_price_includes_input_vat(self):
        buyer = self._user(
            "tax_incl_buyer", "retail_wholesale.retail_wholesale_group_buyer"
        )
        order = (
            self.env["purchase.order"]
            .with_user(buyer)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_qty": 10,
                                "price_unit": 11.30,
                            }
                        )
                    ],
                }
            )
        )
        self.assertAlmostEqual(order.amount_total, 113.0)
        self.assertAlmostEqual(order.amount_untaxed, 100.0)

    def test_company_with_entries_keeps_its_setting(self):
        """Core refuses the switch once a company has entries: reloading the chart then
        leaves the setting as it is rather than failing."""
        other = self.env["res.company"].create(
            {"name": "已记账公司", "country_id": self.env.ref("base.cn").id}
        )
        self.env["account.chart.template"].try_loading("generic_coa", other)
        other.account_price_include = "tax_excluded"
        journal = self.env["account.journal"].search(
            [("company_id", "=", other.id), ("type", "=", "general")], limit=1
        )
        accounts = self.env["account.account"].search(
            [("company_ids", "in", other.ids)], limit=2
        )
        self.env["account.move"].with_company(other).create(
            {
                "journal_id": journal.id,
                "line_ids": [
                    Command.create({"account_id": accounts[0].id, "debit": 10}),
                    Command.create({"account_id": accounts[1].id, "credit": 10}),
                ],
            }
        )
        data = (
            self.env["account.chart.template"]
            .with_company(other)
            ._get_cn_common_retail_res_company()
        )
        self.assertEqual(data, {})
        self.assertEqual(other.account_price_include, "tax_excluded")
