from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import hmac

# the Chinese chart's 预收账款 (advance from customers): a top-up is owed to the member
# until it is spent
ADVANCE_ACCOUNT = "l10n_cn_common_account_2203"
ADVANCE_CODE = "2203"


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_member_grace_days = fields.Integer(
        string="Level Grace Days",
        default=30,
        help="A member whose spend of the last 12 months falls below their level keeps it "
        "this many more days before the nightly review moves them down (降级宽限期).",
    )

    retail_birthday_days = fields.Integer(
        string="Birthday Coupon Days Before",
        default=7,
        help="Members get their level's birthday coupon (生日礼) this many days before "
        "their birthday; it is valid until the end of the birthday month.",
    )

    retail_stored_value_program_id = fields.Many2one(
        comodel_name="loyalty.program",
        string="Stored Value Card Program",
        readonly=True,
        help="The company's member stored value card (储值卡): core's eWallet, topped up "
        "with its top-up product and spent at the tills and on orders.",
    )

    # 短信: the company's SMS gateway (a Chinese provider: signature + template code)
    retail_sms_provider = fields.Selection(
        selection=[("odoo", "Odoo SMS (IAP)"), ("gateway", "SMS Gateway")],
        string="SMS Provider",
        default="odoo",
        required=True,
        help="SMS Gateway: texts go through the company's provider (Aliyun SMS style: "
        "a signature, an approved template and its parameters), with opt-outs "
        "honoured, a daily limit per number and every text logged.",
    )
    retail_sms_endpoint = fields.Char(string="SMS Gateway URL")
    retail_sms_access_key = fields.Char(string="SMS Access Key")
    retail_sms_secret = fields.Char(string="SMS Secret", groups="base.group_system")
    retail_sms_sign_name = fields.Char(
        string="SMS Signature", help="签名 registered with the provider, e.g. 示例零售."
    )
    retail_sms_template_code = fields.Char(
        string="SMS Template Code",
        help="The provider's approved template whose one parameter, ${content}, is "
        "the text.",
    )
    retail_sms_daily_limit = fields.Integer(
        string="Texts per Number per Day",
        default=5,
        help="A number gets at most this many texts a day from the company.",
    )
    retail_sms_stored_value = fields.Boolean(
        string="Text Stored Value Moves",
        help="Members get a text when their stored value card is topped up or spent "
        "at a till, with the new balance.",
    )
    retail_sms_points_expiry = fields.Boolean(
        string="Text Points Expiry Notices",
        help="Members holding points of a program that clears them on 1 January get "
        "a text the company's days before.",
    )
    retail_points_notice_days = fields.Integer(
        string="Points Notice Days Before",
        default=15,
        help="How many days before 31 December members are told their points expire.",
    )
    retail_sms_reply_url = fields.Char(
        string="SMS Reply Callback",
        compute="_compute_retail_sms_reply_url",
        help="Give this address to the provider as the callback of the members' "
        "replies: a reply of 退订 (TD, T, N) opts the number out.",
    )
    retail_sms_birthday = fields.Boolean(
        string="Text Birthday Greetings",
        help="Members get a birthday greeting with their birthday coupon.",
    )

    def _compute_retail_sms_reply_url(self):
        token = hmac(self.env(su=True), "retail_member.sms_reply", "reply")
        for company in self:
            company.retail_sms_reply_url = (
                f"{company.get_base_url()}/retail/sms/reply/{token}"
            )

    @api.constrains(
        "retail_sms_provider",
        "retail_sms_endpoint",
        "retail_sms_sign_name",
        "retail_sms_template_code",
        "retail_sms_daily_limit",
    )
    def _check_retail_sms_gateway(self):
        for company in self.filtered(lambda c: c.retail_sms_provider == "gateway"):
            missing = [
                company._fields[name].get_description(self.env)["string"]
                for name in (
                    "retail_sms_endpoint",
                    "retail_sms_sign_name",
                    "retail_sms_template_code",
                )
                if not company[name]
            ]
            if missing or company.retail_sms_daily_limit < 1:
                raise ValidationError(
                    self.env._(
                        "The SMS gateway of %(company)s needs %(fields)s and a daily "
                        "limit of at least 1.",
                        company=company.name,
                        fields=", ".join(missing) or "-",
                    )
                )

    def _retail_stored_value_account(self):
        """The company's 预收账款 (2203): the Chinese chart's, or an account of that code
        in another chart; nothing when the company has neither."""
        self.ensure_one()
        account = (
            self.env["account.chart.template"]
            .with_company(self)
            .ref(ADVANCE_ACCOUNT, raise_if_not_found=False)
        )
        if not account:
            Account = self.env["account.account"].with_company(self)
            account = Account.search(
                [
                    ("code", "=like", f"{ADVANCE_CODE}%"),
                    ("account_type", "=", "liability_current"),
                    *Account._check_company_domain(self),
                ],
                order="code",
                limit=1,
            )
        return account

    def _retail_ensure_stored_value_program(self):
        """Each company with a chart of accounts gets its stored value card program
        "会员储值卡" (an eWallet), once: a top-up product without VAT (VAT is due when
        the balance is spent on goods) whose income is the 预收账款 liability, and an
        eWallet payment line product on that same account, so that the account's
        balance is the members' outstanding balance. A company whose chart is loaded
        after the program was made (a generic chart first, the Chinese one later) gets
        the accounts then."""
        for company in self.sudo().filtered("chart_template"):
            if not company.retail_stored_value_program_id:
                company._retail_create_stored_value_program()
            company._retail_stored_value_set_accounts()
        return self.retail_stored_value_program_id

    def _retail_stored_value_set_accounts(self):
        """The top-up and payment products on the company's 预收账款, unless they were
        given another liability account of their own."""
        self.ensure_one()
        program = self.retail_stored_value_program_id
        account = self._retail_stored_value_account()
        products = (
            program.rule_ids.with_context(active_test=False).product_ids
            | program.reward_ids.discount_line_product_id
        ).with_company(self)
        if account:
            products.filtered(
                lambda p: (
                    p.property_account_income_id.account_type != "liability_current"
                )
            ).write({"property_account_income_id": account.id})

    def _retail_stored_value_product_values(self):
        self.ensure_one()
        return {
            "name": self.env._("Stored Value Top-up"),
            "type": "service",
            "list_price": 100.0,
            "sale_ok": True,
            "purchase_ok": False,
            "taxes_id": [Command.clear()],
            "supplier_taxes_id": [Command.clear()],
            "company_id": self.id,
            "retail_stored_value_top_up": True,
        }

    def _retail_create_stored_value_program(self):
        self.ensure_one()
        env = self.env(context=dict(self.env.context, lang="en_US"))
        Product = env["product.product"].with_company(self)
        top_up = Product.create(self._retail_stored_value_product_values())
        Program = env["loyalty.program"].with_company(self)
        values = Program._program_type_default_values()["ewallet"]
        program = Program.create(
            {
                **values,
                "name": "Member Stored Value Card",
                "program_type": "ewallet",
                "company_id": self.id,
                "currency_id": self.currency_id.id,
                "portal_point_name": self.currency_id.symbol,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_amount": 1,
                            "reward_point_mode": "money",
                            "reward_point_split": False,
                            "product_ids": [Command.set(top_up.ids)],
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "discount_applicability": "order",
                            "required_points": 1,
                            "description": "Stored Value",
                        }
                    )
                ],
            }
        )
        spend = program.reward_ids.discount_line_product_id
        spend.write({"company_id": self.id, "taxes_id": [Command.clear()]})
        self._retail_translate_stored_value(program, top_up, spend)
        self.retail_stored_value_program_id = program
        return program

    def _retail_translate_stored_value(self, program, top_up, spend):
        """The names read in each installed language (the program is made in English
        by whoever set the company up)."""
        langs = [code for code, __ in self.env["res.lang"].get_installed()]
        for record, label in (
            (program, lambda env: env._("Member Stored Value Card")),
            (top_up.product_tmpl_id, lambda env: env._("Stored Value Top-up")),
            (spend.product_tmpl_id, lambda env: env._("Stored Value")),
        ):
            record.update_field_translations(
                "name",
                {code: label(self.with_context(lang=code).env) for code in langs},
            )
        program.reward_ids.update_field_translations(
            "description",
            {
                code: self.with_context(lang=code).env._("Stored Value")
                for code in langs
            },
        )
