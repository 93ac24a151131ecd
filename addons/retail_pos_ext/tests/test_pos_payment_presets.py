import importlib.util
from os.path import join

from odoo import Command
from odoo.exceptions import UserError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common import RetailPosHttpCommon

# members pay with their stored value card (core eWallet, retail_member), not a method
PRESET_KINDS = {"cash", "wechat", "alipay", "unionpay"}


@tagged("post_install", "-at_install")
class TestPosPaymentPresets(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tea = cls._create_retail_product("Retail Pay Tea", 20.0)

    def _new_config(self, name):
        return self.env["pos.config"].create(
            {"name": name, "payment_method_ids": [Command.clear()]}
        )

    def test_presets_give_each_till_the_chinese_payment_methods(self):
        east, west = self._new_config("Till East"), self._new_config("Till West")
        (east | west).action_retail_add_payment_presets()
        for config in east | west:
            methods = config.payment_method_ids
            self.assertEqual(set(methods.mapped("retail_payment_kind")), PRESET_KINDS)
            self.assertEqual(len(methods), 4)
        by_kind = {m.retail_payment_kind: m for m in east.payment_method_ids}
        self.assertEqual(by_kind["wechat"].name, "WeChat Pay")
        self.assertEqual(by_kind["wechat"].journal_id.code, "WXP")
        self.assertEqual(by_kind["wechat"].journal_id.type, "bank")
        self.assertEqual(by_kind["alipay"].journal_id.code, "ALP")
        self.assertEqual(by_kind["unionpay"].journal_id.code, "UNP")
        self.assertTrue(by_kind["wechat"].retail_requires_reference)
        self.assertTrue(by_kind["alipay"].retail_requires_reference)
        self.assertFalse(by_kind["unionpay"].retail_requires_reference)
        self.assertEqual(by_kind["wechat"].retail_reference_adapter, "manual")
        # no method charged to the member's account (the former 会员储值)
        self.assertFalse(methods.filtered("split_transactions"))
        self.assertEqual(by_kind["cash"].journal_id.type, "cash")
        # each till counts its own cash; the others are shared by the company's tills
        cash = (east | west).payment_method_ids.filtered("is_cash_count")
        self.assertEqual(len(cash), 2)
        shared = (east.payment_method_ids - by_kind["cash"]).ids
        self.assertEqual(sorted(shared), sorted((west.payment_method_ids - cash).ids))

    def test_preset_methods_read_in_chinese_when_created_in_english(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        east = self._new_config("Till East")
        east.with_context(lang="en_US").action_retail_add_payment_presets()
        methods = east.payment_method_ids.with_context(lang="zh_CN")
        self.assertEqual(
            {m.retail_payment_kind: m.name for m in methods},
            {
                "cash": "现金",
                "wechat": "微信支付",
                "alipay": "支付宝",
                "unionpay": "银联卡",
            },
        )
        self.assertEqual(
            methods.with_context(lang="en_US")
            .filtered(lambda m: m.retail_payment_kind == "wechat")
            .name,
            "WeChat Pay",
        )

    def test_new_tills_in_renminbi_get_the_presets(self):
        cny = self.env.ref("base.CNY")
        cny.active = True
        company = self._create_company(name="Retail CNY Company", currency_id=cny.id)
        Config = self.env["pos.config"].with_company(company)
        first = Config.create({"name": "CNY Till 1", "company_id": company.id})
        second = Config.create({"name": "CNY Till 2", "company_id": company.id})
        shared = {}
        for config in first | second:
            methods = config.payment_method_ids
            self.assertLessEqual(
                PRESET_KINDS, set(methods.mapped("retail_payment_kind"))
            )
            for method in methods.filtered(
                lambda m: m.retail_payment_kind in ("wechat", "alipay", "unionpay")
            ):
                self.assertEqual(method.company_id, company)
                shared.setdefault(method.retail_payment_kind, set()).add(method.id)
        # the two tills share the company's WeChat, Alipay and UnionPay methods
        self.assertEqual(
            {kind: len(ids) for kind, ids in shared.items()},
            {
                "wechat": 1,
                "alipay": 1,
                "unionpay": 1,
            },
        )
        # a company that turned it off gets core's defaults (its methods), no new
        # ones; a company in another currency no Chinese methods
        company.retail_pos_payment_presets = False
        methods = self.env["pos.payment.method"].search_count([])
        Config.create({"name": "CNY Till 3", "company_id": company.id})
        self.assertEqual(self.env["pos.payment.method"].search_count([]), methods)
        self.assertNotEqual(self.env.company.currency_id, cny)
        other = self.env["pos.config"].create({"name": "Till Dollar"})
        self.assertFalse(
            {"wechat", "alipay", "unionpay"}
            & set(other.payment_method_ids.mapped("retail_payment_kind"))
        )

    def test_presets_twice_add_nothing(self):
        config = self._new_config("Till Twice")
        config.action_retail_add_payment_presets()
        methods = config.payment_method_ids
        count = self.env["pos.payment.method"].search_count([])
        journals = self.env["account.journal"].search_count([])
        config.action_retail_add_payment_presets()
        self.assertEqual(config.payment_method_ids, methods)
        self.assertEqual(self.env["pos.payment.method"].search_count([]), count)
        self.assertEqual(self.env["account.journal"].search_count([]), journals)

    def test_presets_refused_while_the_till_is_open(self):
        self._open_session()
        methods = self.main_pos_config.payment_method_ids
        with self.assertRaisesRegex(UserError, "Close the session of"):
            self.main_pos_config.action_retail_add_payment_presets()
        self.assertEqual(self.main_pos_config.payment_method_ids, methods)

    def test_cash_methods_are_of_kind_cash(self):
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")
        self.assertTrue(cash)
        self.assertEqual(set(cash.mapped("retail_payment_kind")), {"cash"})

    def test_pos_loads_the_payment_kind_and_reference_adapter(self):
        self.main_pos_config.action_retail_add_payment_presets()
        session = self._open_session()
        data = session.load_data(["pos.config", "pos.payment.method"])
        wechat = next(
            record
            for record in data["pos.payment.method"]["data"]
            if record["retail_payment_kind"] == "wechat"
        )
        self.assertTrue(wechat["retail_requires_reference"])
        self.assertEqual(wechat["retail_reference_adapter"], "manual")

    def test_wechat_and_alipay_payments_keep_the_payer_reference(self):
        self.main_pos_config.action_retail_add_payment_presets()
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_payment_reference_tour", login="pos_user")
        orders = self._session_orders(session)
        self.assertEqual(len(orders), 3)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        self.assertEqual(
            sorted(
                (p.payment_method_id.retail_payment_kind, p.transaction_id, p.amount)
                for p in orders.payment_ids
            ),
            [
                ("alipay", "2026112222001", 20.0),
                ("wechat", "4200001234", 20.0),
                ("wechat", "4200009999", 20.0),
            ],
        )

    def test_migration_archives_the_receivable_stored_value_method(self):
        """A database of before has the "会员储值" method charged to the member's
        account on its tills: the 18.0.1.2.0 migration archives it and takes it off the
        closed tills; its payments stay."""
        config = self._new_config("Till Of Before")
        config.action_retail_add_payment_presets()
        old = self.env["pos.payment.method"].create(
            {
                "name": "会员储值",
                "retail_payment_kind": "stored_value",
                "split_transactions": True,
            }
        )
        config.payment_method_ids = [Command.link(old.id)]
        path = join(
            get_module_path("retail_pos_ext"),
            "migrations",
            "18.0.1.2.0",
            "post-migrate.py",
        )
        spec = importlib.util.spec_from_file_location("retail_pos_ext_sv", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertFalse(old.active)
        self.assertTrue(old.exists())
        self.assertNotIn(old, config.payment_method_ids)
        self.assertEqual(
            set(config.payment_method_ids.mapped("retail_payment_kind")), PRESET_KINDS
        )
