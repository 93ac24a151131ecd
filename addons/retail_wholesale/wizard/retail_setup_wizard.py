import re

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

STEPS = [
    ("company", "Company"),
    ("stores", "Stores"),
    ("staff", "Staff"),
    ("imports", "Opening Data"),
]
# a warehouse's code is at most 5 characters (stock.warehouse.code)
CODE = re.compile(r"^[A-Za-z0-9]{1,5}$")


class RetailSetupWizard(models.TransientModel):
    """The setup assistant (开账向导) of a company going live from an empty database:
    the company (China, CNY, the Chinese chart, fiscal year and opening date), head
    office and its stores with their resupply routes, the staff by role and store, then
    the opening data from the xlsx templates (products, customers, suppliers, opening
    stock, opening balances). Each step is written when the user goes on to the next,
    so a step that fails leaves the earlier ones done and nothing of its own."""

    _name = "retail.setup.wizard"
    _description = "Setup Assistant"

    step = fields.Selection(
        selection=STEPS, default=lambda self: self._default_step(), required=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        default=lambda self: self.env.company,
        required=True,
        readonly=True,
    )
    company_name = fields.Char(
        required=True, default=lambda self: self.env.company.name
    )
    vat = fields.Char(
        string="Unified Social Credit Code",
        default=lambda self: self.env.company.vat,
        help="统一社会信用代码: 18 characters, printed on invoices and statements.",
    )
    street = fields.Char(default=lambda self: self.env.company.street)
    city = fields.Char(default=lambda self: self.env.company.city)
    state_id = fields.Many2one(
        comodel_name="res.country.state",
        string="Province",
        domain="[('country_id.code', '=', 'CN')]",
        default=lambda self: self.env.company.state_id,
    )
    zip = fields.Char(default=lambda self: self.env.company.zip)
    phone = fields.Char(default=lambda self: self.env.company.phone)
    email = fields.Char(default=lambda self: self.env.company.email)
    opening_date = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="The day the company starts working in Odoo (启用日期): the opening "
        "balances and the opening stock are booked on the day before. The fiscal "
        "year is the calendar year.",
    )
    hq_name = fields.Char(
        string="Head Office Warehouse",
        default=lambda self: self._default_hq().name,
    )
    hq_code = fields.Char(
        string="Head Office Code",
        default=lambda self: self._default_hq().code,
    )
    store_ids = fields.One2many(
        comodel_name="retail.setup.store", inverse_name="wizard_id", string="Stores"
    )
    user_ids = fields.One2many(
        comodel_name="retail.setup.user", inverse_name="wizard_id", string="Staff"
    )
    warehouse_ids = fields.Many2many(
        comodel_name="stock.warehouse",
        compute="_compute_warehouse_ids",
        string="Warehouses",
    )

    @api.model
    def _default_step(self):
        """Where the assistant reopens: the company step until the company is set up
        in China, then the stores until it has one, then the opening data (Back
        reaches the staff)."""
        company = self.env.company
        if company.chart_template != "cn":
            return "company"
        if not self.env["stock.warehouse"].search_count(
            [("company_id", "=", company.id), ("retail_role", "=", "store")], limit=1
        ):
            return "stores"
        return "imports"

    @api.model
    def _default_hq(self, company=None):
        """The company's head office warehouse, else its first warehouse."""
        company = company or self.env.company
        Warehouse = self.env["stock.warehouse"]
        return Warehouse._retail_first_head_offices(company).get(
            company
        ) or Warehouse.search([("company_id", "=", company.id)], order="id", limit=1)

    @api.depends("step")
    def _compute_warehouse_ids(self):
        for wizard in self:
            wizard.warehouse_ids = self.env["stock.warehouse"].search(
                [("company_id", "=", wizard.company_id.id)]
            )

    # ------------------------------------------------------------------ steps
    def _reopen(self, step):
        self.step = step
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Setup Assistant"),
        }

    def _check_company_allowed(self):
        """The assistant sets up a company of the user's only (it writes the company,
        its chart and its users as the superuser)."""
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(
                self.env._(
                    "You may not set up %(company)s.", company=self.company_id.name
                )
            )

    def action_apply_company(self):
        """Step 1: the company's details, Chinese set-up and fiscal year."""
        self.ensure_one()
        self._check_company_allowed()
        vat = (self.vat or "").strip().upper()
        if vat and not re.fullmatch(r"[0-9A-HJ-NPQRTUWXY]{18}", vat):
            raise ValidationError(
                self.env._(
                    "Unified Social Credit Code %(vat)s is not valid: it has 18 digits "
                    "and capital letters (no I, O, S, V or Z).",
                    vat=vat,
                )
            )
        company = self.company_id
        company._retail_setup_china()
        company.sudo().write(
            {
                "name": self.company_name.strip(),
                "vat": vat or False,
                "street": self.street,
                "city": self.city,
                "state_id": self.state_id.id,
                "zip": self.zip,
                "phone": self.phone,
                "email": self.email,
                # the fiscal year is the calendar year (会计年度)
                "fiscalyear_last_month": "12",
                "fiscalyear_last_day": 31,
                "account_opening_date": self.opening_date,
            }
        )
        return self._reopen("stores")

    def _check_codes(self, codes):
        """Codes of warehouses: valid, unique in the list and not yet taken."""
        seen = set()
        for name, code in codes:
            if not CODE.match(code or ""):
                raise ValidationError(
                    self.env._(
                        "Store %(name)s: code %(code)s must be 1 to 5 letters or "
                        "digits.",
                        name=name,
                        code=code or "",
                    )
                )
            if code.upper() in seen:
                raise ValidationError(
                    self.env._("Code %(code)s is given to two stores.", code=code)
                )
            seen.add(code.upper())

    def action_apply_stores(self):
        """Step 2: head office (总部仓) and the stores, each resupplied from head
        office; ``_retail_setup_stores`` adds what other addons give a store."""
        self.ensure_one()
        self._check_company_allowed()
        Warehouse = self.env["stock.warehouse"]
        hq = self._default_hq(self.company_id)
        lines = self.store_ids
        if not lines:
            raise UserError(self.env._("Add at least one store."))
        self._check_codes(
            [(self.hq_name, self.hq_code)] + [(line.name, line.code) for line in lines]
        )
        taken = Warehouse.with_context(active_test=False).search(
            [
                ("code", "in", [c.upper() for c in lines.mapped("code")]),
                ("company_id", "=", self.company_id.id),
            ]
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "Code %(code)s is already the warehouse %(warehouse)s.",
                    code=taken[0].code,
                    warehouse=taken[0].name,
                )
            )
        hq.write(
            {"name": self.hq_name, "code": self.hq_code.upper(), "retail_role": "hq"}
        )
        stores = Warehouse.create(
            [
                {
                    "name": line.name.strip(),
                    "code": line.code.upper(),
                    "retail_role": "store",
                    "company_id": self.company_id.id,
                }
                for line in lines
            ]
        )
        # 门店要货: each store is resupplied from head office
        stores.write({"resupply_wh_ids": [Command.set(hq.ids)]})
        for line, store in zip(lines, stores, strict=True):
            line.warehouse_id = store
        self._retail_setup_stores(lines)
        return self._reopen("staff")

    def _retail_setup_stores(self, lines):
        """Hook: what other addons give each new store (the till addon: a till)."""
        return True

    def action_apply_staff(self):
        """Step 3: a user per person, with their role and stores."""
        self.ensure_one()
        self._check_company_allowed()
        self.user_ids._retail_create_users()
        # their first passwords are kept by the users only, not in the assistant
        self.user_ids.unlink()
        return self._reopen("imports")

    def action_back(self):
        self.ensure_one()
        steps = [key for key, __ in STEPS]
        return self._reopen(steps[max(steps.index(self.step) - 1, 0)])

    def action_skip(self):
        """Go on without writing this step (staff can be added later)."""
        self.ensure_one()
        steps = [key for key, __ in STEPS]
        return self._reopen(steps[min(steps.index(self.step) + 1, len(steps) - 1)])

    def _open_import(self, model, kind):
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_kind": kind},
        }

    def action_import_products(self):
        return self._open_import("retail.master.import", "products")

    def action_import_customers(self):
        return self._open_import("retail.master.import", "customers")

    def action_import_suppliers(self):
        return self._open_import("retail.master.import", "suppliers")

    def action_import_stock(self):
        return self._open_import("retail.opening.import", "stock")

    def action_import_balances(self):
        return self._open_import("retail.opening.import", "balances")


def opening_move_date(company):
    """The date of the opening entries: the day before the company's opening date,
    as core's opening move."""
    return company.account_opening_date - relativedelta(days=1)
