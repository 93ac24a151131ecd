from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL
from odoo.tools.translate import code_translations

# the description retail_member's year-end clearing (积分年底清零) gives the card
# history lines it writes, in the language of whoever ran it
EXPIRY_DESCRIPTION = "Points of the year expired"

SECTIONS = ("levels", "stored_value", "moves", "points")


class RetailMemberAnalysis(models.TransientModel):
    """Member analysis (会员分析) of a period and a company: members per level and
    store and the new ones; the stored value cards' outstanding balance (the paid part,
    a liability on 预收账款, and the bonus part) against the ledger; top-ups and
    spending per store; points issued, redeemed and expired.

    A member's store is the store of the user who registered them when that user works
    in exactly one store of the company (a cashier at their till): customers have no
    home store field. A card movement's store is its order's (a sale order's
    warehouse, a till's store), else its member's (adjustments, the year-end clearing).

    Each section is one SQL query, built by the model of its lines (``_rows``); the
    stores are those the record rules of ``retail.analysis.store`` let the user see
    (a store manager: their stores), with the members and movements of no store when
    no store is chosen. The stored value balance is the company's, one liability.
    """

    _name = "retail.member.analysis"
    _inherit = ["retail.analysis.wizard"]
    _description = "Member Analysis"
    _retail_pdf_report = "retail_member_reports.retail_member_analysis_pdf"
    _retail_line_fields = ("level_line_ids", "stored_value_line_ids", "points_line_ids")

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    warehouse_ids = fields.Many2many(
        domain="[('company_id', '=', company_id)]",
        help="Leave empty for every store you may see, and the members and card "
        "movements of no store.",
    )
    computed = fields.Boolean(readonly=True)
    member_count = fields.Integer(string="Members", readonly=True)
    new_member_count = fields.Integer(
        string="New Members",
        readonly=True,
        help="Members registered in the period.",
    )
    stored_value_accounts = fields.Char(
        string="Liability Accounts",
        readonly=True,
        help="The accounts of the stored value card's top-up and payment products "
        "(预收账款).",
    )
    stored_value_paid = fields.Monetary(
        string="Paid Part",
        readonly=True,
        help="What the members paid in and have not spent yet: owed to them.",
    )
    stored_value_bonus = fields.Monetary(
        string="Bonus Part",
        readonly=True,
        help="Top-up bonuses (充值赠送) not spent yet: not on the ledger.",
    )
    stored_value_total = fields.Monetary(string="Balance on Cards", readonly=True)
    stored_value_ledger = fields.Monetary(
        string="Ledger Balance",
        readonly=True,
        help="Credit balance of the liability accounts in the company's posted "
        "journal items.",
    )
    stored_value_difference = fields.Monetary(
        string="Difference",
        readonly=True,
        help="Paid part less the ledger balance: 0 when the ledger holds what the "
        "cards hold (a till's session not closed yet is not on the ledger yet).",
    )
    level_line_ids = fields.One2many(
        "retail.member.analysis.level", "analysis_id", string="Members per Level"
    )
    stored_value_line_ids = fields.One2many(
        "retail.member.analysis.move",
        "analysis_id",
        string="Top-ups and Spending",
        domain=[("kind", "=", "stored_value")],
    )
    points_line_ids = fields.One2many(
        "retail.member.analysis.move",
        "analysis_id",
        string="Points",
        domain=[("kind", "=", "points")],
    )

    # --- the queries --------------------------------------------------------

    def _sql_bounds(self):
        Report = self.env["retail.sales.report"]
        return (
            Report._retail_day_start(self.date_from),
            Report._retail_day_start(fields.Date.add(self.date_to, days=1)),
        )

    def _store_filter(self, warehouse):
        """SQL condition on the column ``warehouse``: the stores chosen, else every
        store the user may see (archived ones too) and no store."""
        stores = SQL("%s IN %s", warehouse, self._period_warehouses(archived=True))
        if not self.warehouse_ids:
            stores = SQL("(%s IS NULL OR %s)", warehouse, stores)
        return stores

    def _user_store_query(self):
        """Rows (user_id, warehouse_id) of the users working in exactly one store of
        the company (``res.users._retail_single_store``)."""
        return SQL(
            """
            SELECT rel.user_id, MIN(store.id) AS warehouse_id
              FROM res_users_retail_warehouse_rel rel
              JOIN stock_warehouse store ON store.id = rel.warehouse_id
             WHERE store.retail_role = 'store' AND store.company_id = %(company)s
          GROUP BY rel.user_id
            HAVING COUNT(*) = 1
            """,
            company=self.company_id.id,
        )

    def _expiry_descriptions(self):
        """The descriptions of the year-end clearing's history lines, in every
        installed language."""
        langs = [code for code, __ in self.env["res.lang"].get_installed()]
        return tuple(
            {EXPIRY_DESCRIPTION}
            | {
                code_translations.get_python_translations("retail_member", lang).get(
                    EXPIRY_DESCRIPTION, EXPIRY_DESCRIPTION
                )
                for lang in langs
            }
        )

    def _stored_value_accounts(self):
        """The liability accounts of the company's stored value card: those of its
        top-up and payment products."""
        program = self.company_id.sudo().retail_stored_value_program_id
        products = (
            program.rule_ids.with_context(active_test=False).product_ids
            | program.reward_ids.discount_line_product_id
        ).with_company(self.company_id)
        return products.property_account_income_id

    def _stored_value_figures(self):
        """The cards' balance (paid and bonus parts) and the ledger's: read in SQL as
        the company's totals, which a store manager may see without reading the
        journal items."""
        program = self.company_id.sudo().retail_stored_value_program_id
        accounts = self._stored_value_accounts()
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(SUM(points - COALESCE(retail_stored_value_bonus, 0)), 0),
                       COALESCE(SUM(COALESCE(retail_stored_value_bonus, 0)), 0)
                  FROM loyalty_card
                 WHERE program_id = %s
                """,
                program.id or 0,
            )
        )
        paid, bonus = self.env.cr.fetchone()
        ledger = 0.0
        if accounts:
            self.env.cr.execute(
                SQL(
                    """
                    SELECT COALESCE(-SUM(balance), 0)
                      FROM account_move_line
                     WHERE parent_state = 'posted' AND company_id = %s
                       AND account_id IN %s
                    """,
                    self.company_id.id,
                    tuple(accounts.ids),
                )
            )
            ledger = self.env.cr.fetchone()[0]
        currency = self.company_id.currency_id
        return {
            "stored_value_accounts": ", ".join(accounts.sudo().mapped("display_name")),
            "stored_value_paid": paid,
            "stored_value_bonus": bonus,
            "stored_value_total": paid + bonus,
            "stored_value_ledger": ledger,
            "stored_value_difference": currency.round(paid - ledger),
        }

    # --- actions ------------------------------------------------------------

    def action_compute(self):
        self.ensure_one()
        if self.company_id not in self.env.companies:
            raise AccessError(
                self.env._(
                    "You cannot analyse the members of %(company)s.",
                    company=self.company_id.display_name,
                )
            )
        self.env.flush_all()  # the queries read partners, cards and journal items
        levels = self.env["retail.member.analysis.level"]._rows(self)
        moves = self.env["retail.member.analysis.move"]._rows(self)
        self.write(
            {
                "level_line_ids": [fields.Command.clear()]
                + [fields.Command.create(row) for row in levels],
                "stored_value_line_ids": [fields.Command.clear()]
                + [
                    fields.Command.create(row)
                    for row in moves
                    if row["kind"] == "stored_value"
                ],
                "points_line_ids": [fields.Command.clear()]
                + [
                    fields.Command.create(row)
                    for row in moves
                    if row["kind"] == "points"
                ],
                "member_count": sum(row["members"] for row in levels),
                "new_member_count": sum(row["new_members"] for row in levels),
                "computed": True,
                **self._stored_value_figures(),
            }
        )
        return self._retail_reopen()

    def _retail_computed(self):
        return self.computed

    # --- tables: xlsx and PDF -----------------------------------------------

    def _retail_table(self):
        """The table of the section in the context (``retail_member_section``),
        members per level by default."""
        self.ensure_one()
        if not self._retail_computed():
            self.action_compute()
        section = self.env.context.get("retail_member_section") or "levels"
        return {
            "subtitle": self._period_subtitle(),
            **getattr(self, f"_table_{section}")(),
        }

    def _retail_tables(self):
        return [
            self.with_context(retail_member_section=section)._retail_table()
            for section in SECTIONS
        ]

    def _retail_print_tables(self):
        return [
            self.with_context(retail_member_section=section)._retail_print_table()
            for section in SECTIONS
        ]

    def _period_subtitle(self):
        return self.env._(
            "%(company)s, %(period)s",
            company=self.company_id.name,
            period=super()._period_subtitle(),
        )

    def _store_name(self, warehouse):
        return warehouse.name or self.env._("No store")

    def _table_levels(self):
        rows = [
            (
                line.level_id.name or "",
                self._store_name(line.warehouse_id),
                line.members,
                line.new_members,
            )
            for line in self.level_line_ids
        ]
        rows.append((self.env._("Total"), "", self.member_count, self.new_member_count))
        return {
            "title": self.env._("Members per Level and Store"),
            "sheet_name": self.env._("Members"),
            "headers": [
                self.env._("Member Level"),
                self.env._("Store"),
                self.env._("Members"),
                self.env._("New Members"),
            ],
            "rows": rows,
            "bold_rows": (len(rows) - 1,),
        }

    def _table_stored_value(self):
        rows = [
            (self.env._("Paid Part"), self.stored_value_paid),
            (self.env._("Bonus Part"), self.stored_value_bonus),
            (self.env._("Balance on Cards"), self.stored_value_total),
            (
                self.env._(
                    "Ledger Balance (%(accounts)s)",
                    accounts=self.stored_value_accounts or "-",
                ),
                self.stored_value_ledger,
            ),
            (
                self.env._("Difference (Paid Part - Ledger)"),
                self.stored_value_difference,
            ),
        ]
        return {
            "title": self.env._("Stored Value Outstanding"),
            "sheet_name": self.env._("Stored Value"),
            "headers": [self.env._("Figure"), self.env._("Amount")],
            "rows": rows,
            "bold_rows": (2, 4),
        }

    def _table_moves(self):
        lines = self.stored_value_line_ids
        rows = [
            (
                self._store_name(line.warehouse_id),
                line.issued,
                line.used,
                line.issued - line.used,
            )
            for line in lines
        ]
        issued, used = sum(lines.mapped("issued")), sum(lines.mapped("used"))
        rows.append((self.env._("Total"), issued, used, issued - used))
        return {
            "title": self.env._("Top-ups and Spending per Store"),
            "sheet_name": self.env._("Top-ups and Spending"),
            "headers": [
                self.env._("Store"),
                self.env._("Top-ups"),
                self.env._("Spending"),
                self.env._("Net"),
            ],
            "rows": rows,
            "bold_rows": (len(rows) - 1,),
        }

    def _table_points(self):
        lines = self.points_line_ids
        rows = [
            (
                line.program_id.name or "",
                self._store_name(line.warehouse_id),
                line.issued,
                line.used,
                line.expired,
            )
            for line in lines
        ]
        rows.append(
            (
                self.env._("Total"),
                "",
                sum(lines.mapped("issued")),
                sum(lines.mapped("used")),
                sum(lines.mapped("expired")),
            )
        )
        return {
            "title": self.env._("Points Issued, Redeemed and Expired"),
            "sheet_name": self.env._("Points"),
            "headers": [
                self.env._("Loyalty Program"),
                self.env._("Store"),
                self.env._("Issued"),
                self.env._("Redeemed"),
                self.env._("Expired"),
            ],
            "rows": rows,
            "bold_rows": (len(rows) - 1,),
        }

    def _retail_file_name(self):
        return self.env._(
            "Members %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )
