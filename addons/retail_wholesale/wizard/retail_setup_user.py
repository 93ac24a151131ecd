from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError

ROLES = [
    ("cashier", "Cashier"),
    ("warehouse_keeper", "Warehouse Keeper"),
    ("buyer", "Buyer"),
    ("accountant", "Accountant"),
    ("store_manager", "Store Manager"),
    ("hq_admin", "Head Office Administrator"),
]


class RetailSetupUser(models.TransientModel):
    _name = "retail.setup.user"
    _description = "Setup Assistant Staff"

    wizard_id = fields.Many2one(
        comodel_name="retail.setup.wizard", required=True, ondelete="cascade"
    )
    name = fields.Char(required=True)
    login = fields.Char(required=True, help="What the person types to log in.")
    password = fields.Char(
        required=True, help="The first password; the person changes it later."
    )
    email = fields.Char(
        help="Odoo signs the person's notes and messages with it (a cashier's opening "
        "of the register too). Empty: the login at the domain of the company's email."
    )
    role = fields.Selection(selection=ROLES, required=True, default="cashier")
    warehouse_ids = fields.Many2many(
        comodel_name="stock.warehouse",
        string="Stores",
        help="The stores the person works in; head office staff see every store.",
    )

    def _retail_emails(self, company):
        """{line: email}: the line's, its login when it is an address, else the login
        at the domain of the company's email; a person without any is refused."""
        domain = (company.email or "").rpartition("@")[2].strip()
        emails = {}
        for line in self:
            login = line.login.strip()
            email = (line.email or "").strip() or (
                login if "@" in login else domain and f"{login}@{domain}"
            )
            if not email:
                raise ValidationError(
                    self.env._(
                        "%(name)s: give an email address, or the company's in step 1 "
                        "(Odoo signs the person's notes and messages with it).",
                        name=line.name,
                    )
                )
            emails[line] = email
        return emails

    def _retail_create_users(self):
        """The users of these lines, each with the group of its role and its stores;
        all lines are checked before any user is made."""
        if not self:
            raise UserError(self.env._("Add at least one person, or skip this step."))
        company = self.wizard_id.company_id
        foreign = self.sudo().warehouse_ids.filtered(lambda w: w.company_id != company)
        if foreign:
            raise ValidationError(
                self.env._(
                    "%(warehouse)s is not a store of %(company)s.",
                    warehouse=foreign[0].name,
                    company=company.name,
                )
            )
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        logins = [line.login.strip() for line in self]
        taken = Users.search([("login", "in", logins)])
        for line, login in zip(self, logins, strict=True):
            if logins.count(login) > 1:
                raise ValidationError(
                    self.env._("Login %(login)s is given to two people.", login=login)
                )
            if login in taken.mapped("login"):
                raise ValidationError(
                    self.env._("Login %(login)s is already a user.", login=login)
                )
            if len(line.password or "") < 6:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the password must have at least 6 characters.",
                        name=line.name,
                    )
                )
            if line.role not in ("hq_admin", "accountant", "buyer") and not (
                line.warehouse_ids
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s (%(role)s) works in a store: choose the stores.",
                        name=line.name,
                        role=dict(
                            line._fields["role"]._description_selection(self.env)
                        )[line.role],
                    )
                )
        emails = self._retail_emails(company)
        # making users needs the access rights manager; the lines were checked above
        # and get only a retail role's group
        return Users.with_context(no_reset_password=True).create(
            [
                {
                    "name": line.name.strip(),
                    "login": line.login.strip(),
                    "password": line.password,
                    "lang": "zh_CN"
                    if self.env["res.lang"]._lang_get("zh_CN")
                    else False,
                    "tz": "Asia/Shanghai",
                    "email": emails[line],
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.set(
                            self.env.ref(
                                f"retail_wholesale.retail_wholesale_group_{line.role}"
                            ).ids
                        )
                    ],
                    "retail_warehouse_ids": [Command.set(line.warehouse_ids.ids)],
                }
                for line in self
            ]
        )
