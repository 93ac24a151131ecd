from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

# the preset payment methods shared by the tills of a company: kind, journal code
SHARED_PAYMENT_PRESETS = (
    ("wechat", "WXP"),
    ("alipay", "ALP"),
    ("unionpay", "UNP"),
)


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_warehouse_id = fields.Many2one(
        related="picking_type_id.warehouse_id",
        string="Store",
        store=True,
        index=True,
        help="The store (warehouse) this point of sale sells from.",
    )
    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Sales Channel",
        default=lambda self: self.env["retail.channel"].search(
            [("code", "=", "RETAIL"), ("company_id", "=", self.env.company.id)], limit=1
        ),
        check_company=True,
        help="Orders of this till count in this channel in the analyses.",
    )
    retail_store_name = fields.Char(
        related="retail_warehouse_id.name",
        string="Store Name",
    )

    @api.model
    def _load_pos_data(self, data):
        """A store's till sells at its pricelist even when the cashier may not choose
        another (the pricelist option off): core then drops the till's pricelist and a
        walk-in customer paid the list price, so a flash sale or promotion on that
        pricelist reached members only (their grade brings a pricelist)."""
        result = super()._load_pos_data(data)
        for values in result["data"]:
            config = self.browse(values["id"])
            if (
                not values.get("pricelist_id")
                and config.retail_warehouse_id.retail_role == "store"
            ):
                values["pricelist_id"] = config.pricelist_id.id
        return result

    @api.model_create_multi
    def create(self, vals_list):
        configs = super().create(vals_list)
        configs._retail_add_default_payment_presets()
        return configs

    def write(self, vals):
        # a till's settings are its managers': cashiers only use the till
        if not (
            self.env.su or self.env.user.has_group("point_of_sale.group_pos_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only point of sale managers change the settings of %(tills)s.",
                    tills=", ".join(self.mapped("name")),
                )
            )
        return super().write(vals)

    def _retail_add_default_payment_presets(self):
        """New tills of a company in renminbi get the Chinese payment methods, unless
        the company turned that off or has no chart of accounts yet (no journals to
        post them to)."""
        cny = self.env.ref("base.CNY", raise_if_not_found=False)
        configs = self.filtered(
            lambda config: (
                config.company_id.currency_id == cny
                and config.company_id.retail_pos_payment_presets
                and config.company_id.chart_template
            )
        )
        if configs:
            # whoever may create a till may give it the company's payment methods
            configs.sudo().action_retail_add_payment_presets()

    def action_retail_add_payment_presets(self):
        """Give each till the Chinese payment methods: its own cash, WeChat Pay, Alipay
        and UnionPay card (bank journals shared by the company's tills). Methods of
        these kinds that exist in the company are reused. Members pay with their
        stored value (储值卡) through core's eWallet (retail_member), not a payment
        method: the former "会员储值" method charged to the member's account is no
        longer created (archived by the 18.0.1.2.0 migration)."""
        if open_configs := self.filtered("has_active_session"):
            raise UserError(
                self.env._(
                    "Close the session of %(tills)s before changing its payment "
                    "methods.",
                    tills=", ".join(open_configs.mapped("name")),
                )
            )
        PaymentMethod = self.env["pos.payment.method"]
        existing = PaymentMethod.search(
            [
                ("company_id", "in", self.company_id.ids),
                ("retail_payment_kind", "in", tuple(dict(SHARED_PAYMENT_PRESETS))),
            ]
        )
        for config in self:
            company = config.company_id
            methods = config.payment_method_ids
            if not methods.filtered("is_cash_count"):
                methods |= config._retail_create_cash_payment_method()
            for kind in dict(SHARED_PAYMENT_PRESETS):
                if methods.filtered(lambda m, kind=kind: m.retail_payment_kind == kind):
                    continue
                method = existing.filtered(
                    lambda m, kind=kind, company=company: (
                        m.retail_payment_kind == kind and m.company_id == company
                    )
                )[:1]
                if not method:
                    method = config._retail_create_payment_method(kind)
                    existing |= method
                methods |= method
            config.payment_method_ids = [Command.set(methods.ids)]
        return True

    def _retail_create_cash_payment_method(self):
        self.ensure_one()
        method = self.with_company(self.company_id)._create_cash_payment_method(
            {"name": self.env._("Cash %(till)s", till=self.name)}
        )
        method.write({"name": self.env._("Cash"), "retail_payment_kind": "cash"})
        method.update_field_translations(
            "name", self._retail_translations(lambda env: env._("Cash"))
        )
        return method

    def _retail_translations(self, label):
        """{language: label(env of that language)} for the installed languages: a
        method created by a user of one language reads well in the others."""
        return {
            code: label(self.with_context(lang=code).env)
            for code, __ in self.env["res.lang"].get_installed()
        }

    def _retail_create_payment_method(self, kind):
        self.ensure_one()
        company = self.company_id
        names = dict(
            self.env["pos.payment.method"]
            ._fields["retail_payment_kind"]
            ._description_selection(self.env)
        )
        values = {
            "name": names[kind],
            "retail_payment_kind": kind,
            "company_id": company.id,
        }
        code = dict(SHARED_PAYMENT_PRESETS)[kind]
        Journal = self.env["account.journal"]
        journal = Journal.search(
            [("code", "=", code), *Journal._check_company_domain(company)], limit=1
        ) or Journal.create(
            {
                "name": names[kind],
                "code": code,
                "type": "bank",
                "company_id": company.id,
            }
        )
        values["journal_id"] = journal.id
        method = self.env["pos.payment.method"].create(values)
        method.update_field_translations(
            "name",
            self._retail_translations(
                lambda env: dict(
                    env["pos.payment.method"]
                    ._fields["retail_payment_kind"]
                    ._description_selection(env)
                )[kind]
            ),
        )
        return method
