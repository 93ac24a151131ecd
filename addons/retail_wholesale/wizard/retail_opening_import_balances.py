from odoo import Command, api, models
from odoo.exceptions import UserError

from .retail_file_import import _number, _text, amount_text
from .retail_setup_wizard import opening_move_date


class RetailOpeningImportBalances(models.AbstractModel):
    """The opening balances of ``retail.opening.import``: rows checked, refused
    unless balanced and the inventory at the opening stock's value, then posted as
    the company's opening entry."""

    _name = "retail.opening.import.balances"
    _description = "Opening Balances Import"

    def _find_account(self, code):
        """The company's account of ``code``, also as written short (1122 for the
        chart's 112200)."""
        Account = self.env["account.account"]
        domain = Account._check_company_domain(self.env.company)
        account = Account.search([*domain, ("code", "=", code)], limit=1)
        if not account and code.isdigit():
            digits = self.env.company.chart_template and len(
                Account.search(domain, limit=1).code or ""
            )
            if digits and len(code) < digits:
                account = Account.search(
                    [*domain, ("code", "=", code.ljust(digits, "0"))], limit=1
                )
        return account

    def _stock_accounts(self):
        """The stock valuation accounts of the company's product categories."""
        return (
            self.env["product.category"]
            .search([])
            .mapped("property_stock_valuation_account_id")
        )

    def _check_balance_rows(self, rows):
        """(errors, [(row, account, partner, balance, label)], (debit, credit))."""
        company = self.env.company
        currency = company.currency_id
        if company.account_opening_move_id.state == "posted":
            raise UserError(
                self.env._(
                    "The opening entry %(entry)s is already posted: reset it to draft "
                    "to import the opening balances again.",
                    entry=company.account_opening_move_id.name,
                )
            )
        partners = self._balance_partners(rows)
        errors, checked = [], []
        debit_total = credit_total = 0.0
        for number, values in rows:
            account, problems = self._check_balance_account(values)
            partner, partner_problems = self._check_balance_partner(
                values, partners, account
            )
            problems += partner_problems
            debit, credit, amount_problems = self._check_amounts(values)
            problems += amount_problems
            if problems:
                errors.extend((number, column, message) for column, message in problems)
                continue
            debit, credit = currency.round(debit or 0.0), currency.round(credit or 0.0)
            debit_total += debit
            credit_total += credit
            checked.append(
                (number, account, partner, debit - credit, _text(values["摘要"]))
            )
        if not errors:
            errors += self._check_stock_value(checked)
            if currency.compare_amounts(debit_total, credit_total):
                last = rows[-1][0]
                errors.append(
                    (
                        last,
                        "贷方金额",
                        self.env._(
                            "The debits (%(debit)s) do not equal the credits "
                            "(%(credit)s): the difference is %(difference)s.",
                            debit=amount_text(debit_total),
                            credit=amount_text(credit_total),
                            difference=amount_text(debit_total - credit_total),
                        ),
                    )
                )
        return errors, checked, (debit_total, credit_total)

    def _balance_partners(self, rows):
        """{name or code: partners} of the customers and suppliers of ``rows``."""
        names = {_text(values["往来单位"]) for __, values in rows} - {""}
        Partner = self.env["res.partner"]
        partners = {}
        for partner in Partner.search(
            ["|", ("name", "in", list(names)), ("ref", "in", list(names))]
        ):
            for key in (partner.name, partner.ref):
                if key in names:
                    partners.setdefault(key, Partner)
                    partners[key] |= partner
        return partners

    def _check_balance_account(self, values):
        """(account, [(column, message)]) of a row of balances."""
        problems = []
        code = _text(values["科目编码"])
        account = self._find_account(code) if code else None
        if not code:
            problems.append(("科目编码", self.env._("The account code is missing.")))
        elif not account:
            problems.append(
                (
                    "科目编码",
                    self.env._("Unknown account code %(code)s.", code=code),
                )
            )
        elif account.deprecated:
            problems.append(
                (
                    "科目编码",
                    self.env._(
                        "Account %(account)s is deprecated.",
                        account=account.display_name,
                    ),
                )
            )
        return account, problems

    @api.model
    def _check_balance_partner(self, values, partners, account):
        """(partner, [(column, message)]) of a row of balances."""
        problems = []
        name = _text(values["往来单位"])
        found = partners.get(name)
        partner = found if found and len(found) == 1 else None
        if name and not found:
            problems.append(
                (
                    "往来单位",
                    self.env._(
                        "Unknown customer or supplier %(name)s: import them first.",
                        name=name,
                    ),
                )
            )
        elif name and len(found) > 1:
            problems.append(
                (
                    "往来单位",
                    self.env._("Several partners are named %(name)s.", name=name),
                )
            )
        elif (
            not name
            and account
            and account.account_type in ("asset_receivable", "liability_payable")
        ):
            problems.append(
                (
                    "往来单位",
                    self.env._(
                        "%(account)s is kept per customer or supplier: give "
                        "the partner.",
                        account=account.display_name,
                    ),
                )
            )
        return partner, problems

    @api.model
    def _check_amounts(self, values):
        """(debit, credit, [(column, message)]) of a row of balances."""
        problems = []
        debit, debit_ok = _number(values["借方金额"])
        credit, credit_ok = _number(values["贷方金额"])
        for column, amount, ok in (
            ("借方金额", debit, debit_ok),
            ("贷方金额", credit, credit_ok),
        ):
            if not ok or (amount is not None and amount < 0):
                problems.append(
                    (
                        column,
                        self.env._(
                            "%(value)s must be an amount, 0 or more.",
                            value=_text(values[column]),
                        ),
                    )
                )
        if debit_ok and credit_ok:
            if debit and credit:
                problems.append(
                    (
                        "借方金额",
                        self.env._("Give the debit or the credit of a row, not both."),
                    )
                )
            elif not debit and not credit:
                problems.append(
                    (
                        "借方金额",
                        self.env._("The row has neither a debit nor a credit."),
                    )
                )
        return debit, credit, problems

    def _check_stock_value(self, checked):
        """The stock valuation accounts of the file against the ledger, where the
        opening stock put its value."""
        company = self.env.company
        currency = company.currency_id
        accounts = self._stock_accounts()
        in_file = {}
        last_row = {}
        for number, account, __, balance, __ in checked:
            if account in accounts:
                in_file[account] = in_file.get(account, 0.0) + balance
                last_row[account] = number
        ledger = dict(
            self.env["account.move.line"]._read_group(
                [
                    ("account_id", "in", accounts.ids),
                    ("parent_state", "=", "posted"),
                    ("company_id", "=", company.id),
                    ("date", "<=", opening_move_date(company)),
                ],
                ["account_id"],
                ["balance:sum"],
            )
        )
        errors = []
        for account in accounts:
            stock_value = currency.round(ledger.get(account, 0.0))
            file_value = currency.round(in_file.get(account, 0.0))
            if currency.compare_amounts(stock_value, file_value):
                errors.append(
                    (
                        last_row.get(account, checked[-1][0] if checked else 2),
                        "借方金额",
                        self.env._(
                            "%(account)s: the opening balance %(balance)s differs "
                            "from the opening stock imported, valued %(stock)s. "
                            "Import the opening stock first, then give its value "
                            "here.",
                            account=account.display_name,
                            balance=amount_text(file_value),
                            stock=amount_text(stock_value),
                        ),
                    )
                )
        return errors

    def _write_balances(self, checked, totals):
        company = self.env.company
        clearing = company.get_unaffected_earnings_account()
        stock_accounts = self._stock_accounts()
        old = company.account_opening_move_id
        values = company._get_default_opening_move_values()
        values["date"] = opening_move_date(company)
        lines = []
        for __, account, partner, balance, label in checked:
            lines.append(
                Command.create(
                    {
                        # the opening stock already booked these: take back its
                        # other side instead
                        "account_id": (
                            clearing if account in stock_accounts else account
                        ).id,
                        "partner_id": partner.id if partner else False,
                        "name": label or self.env._("Opening balance"),
                        "debit": balance if balance > 0 else 0.0,
                        "credit": -balance if balance < 0 else 0.0,
                        "date_maturity": values["date"],
                    }
                )
            )
        move = self.env["account.move"].create({**values, "line_ids": lines})
        move.action_post()
        if old:
            old.unlink()
        company.sudo().account_opening_move_id = move
        debit, credit = totals
        self.write(
            {
                "state": "done",
                "report": self.env._(
                    "Posted the opening entry %(entry)s on %(date)s: %(rows)s rows, "
                    "debits %(debit)s = credits %(credit)s.",
                    entry=move.name,
                    date=values["date"],
                    rows=len(checked),
                    debit=amount_text(debit),
                    credit=amount_text(credit),
                ),
            }
        )
