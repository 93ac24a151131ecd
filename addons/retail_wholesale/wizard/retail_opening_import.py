import base64

from odoo import fields, models
from odoo.exceptions import UserError

from .retail_file_import import XLSX_ERRORS, _text

# the workbooks are for Chinese users: Chinese headers whatever the user's language
STOCK_COLUMNS = ("仓库编码", "商品编码", "批次号", "到期日", "数量", "单位成本")
BALANCE_COLUMNS = ("科目编码", "科目名称", "往来单位", "借方金额", "贷方金额", "摘要")
STOCK_NOTES = [
    ("仓库编码", "必填。总部仓或门店的编码（开账向导第 2 步所设），如 HQ、XH。"),
    ("商品编码", "必填。商品资料中的商品编码（或条码）；先导入商品。"),
    ("批次号", "启用保质期（批次）管理的商品必填，其他商品留空。"),
    ("到期日", "启用保质期管理的商品必填，格式 2026-12-31。"),
    ("数量", "必填，大于 0，按商品的库存单位。每个仓库、商品、批次一行。"),
    (
        "单位成本",
        (
            "必填，不含税单价（元）。期初库存按此金额记入库存商品，"
            "期初余额中库存商品科目的金额须与之相等。"
        ),
    ),
]
BALANCE_NOTES = [
    (
        "科目编码",
        "必填。会计科目编码，如 1002（银行存款）、1122（应收账款）、4001（实收资本）。",
    ),
    ("科目名称", "选填，仅供核对。"),
    (
        "往来单位",
        "应收账款、应付账款等往来科目必填：客户或供应商名称（先导入客户、供应商）。",
    ),
    ("借方金额", "借方余额（元）。每行只填借方或贷方之一。"),
    ("贷方金额", "贷方余额（元）。借方合计必须等于贷方合计，否则整张表不导入。"),
    (
        "摘要",
        "选填。库存商品科目的余额由期初库存导入形成，此处金额须与期初库存金额一致。",
    ),
]


class RetailOpeningImport(models.TransientModel):
    """开账 (going live): the opening stock and the opening balances, from xlsx
    templates, all rows or none.

    Opening stock: one row per warehouse, product and lot, moved in from the company's
    opening stock location at the row's unit cost, so that the stock valuation (the
    moving average, the journal entry Dr 库存商品) is that of the row, dated the day
    before the opening date. The entry's other side is the account core balances
    opening entries with (本年利润 / undistributed profits); the opening balances
    then take it back.

    Opening balances (期初余额): one row per account, and per customer or supplier on
    the receivable and payable accounts; refused unless debits equal credits. Posted
    as the company's opening entry (core's ``account_opening_move_id``). The stock
    valuation accounts must carry exactly the value of the opening stock imported;
    their lines go to the account the opening stock was credited to, so the ledger's
    库存商品 is the stock's own value, once."""

    _name = "retail.opening.import"
    _inherit = [
        "retail.file.import",
        "retail.opening.import.stock",
        "retail.opening.import.balances",
    ]
    _description = "Opening Data Import"

    kind = fields.Selection(
        selection=[("stock", "Opening Stock"), ("balances", "Opening Balances")],
        required=True,
        default="stock",
    )
    file = fields.Binary(string="Workbook", required=False)

    # ------------------------------------------------------------------ template
    def action_download_template(self):
        self.ensure_one()
        if self.kind == "stock":
            product = self.env["product.product"].search(
                [("is_storable", "=", True), ("default_code", "!=", False)], limit=1
            )
            warehouse = self.env["stock.warehouse"].search(
                [("company_id", "=", self.env.company.id)], limit=1
            )
            example = [
                warehouse.code or "HQ",
                product.default_code or "G0001",
                "",
                "",
                100,
                2.5,
            ]
            return self._retail_template_action(
                "期初库存导入模板.xlsx", list(STOCK_COLUMNS), [example], STOCK_NOTES
            )
        examples = [
            ["1002", "银行存款", "", 50000, None, "开户行余额"],
            ["3001", "实收资本", "", None, 50000, ""],
        ]
        return self._retail_template_action(
            "期初余额导入模板.xlsx", list(BALANCE_COLUMNS), examples, BALANCE_NOTES
        )

    # ------------------------------------------------------------------ reading
    def _read_rows(self, columns):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the filled-in template to import."))
        try:
            rows = self._read_xlsx_rows(base64.b64decode(self.file))
        except (*XLSX_ERRORS, OSError):
            raise UserError(
                self.env._(
                    "%(file)s is not an Excel workbook (.xlsx): download the template, "
                    "fill it in and import it.",
                    file=self.filename or self.env._("The file"),
                )
            ) from None
        header = [_text(cell) for cell in rows[0]] if rows else []
        missing = [column for column in columns if column not in header]
        if missing:
            raise UserError(
                self.env._(
                    "%(file)s is not the template: its first row lacks the columns "
                    "%(columns)s.",
                    file=self.filename or self.env._("The file"),
                    columns=", ".join(missing),
                )
            )
        result = self._map_rows(rows, {c: header.index(c) for c in columns})
        if not result:
            raise UserError(self.env._("The file has no rows to import."))
        return result

    def action_import(self):
        self.ensure_one()
        company = self.env.company
        if not company.account_opening_date:
            raise UserError(
                self.env._("Set the opening date in the setup assistant first.")
            )
        if self.kind == "stock":
            rows = self._read_rows(STOCK_COLUMNS)
            errors, checked = self._check_stock_rows(rows)
            if errors:
                self._retail_report_errors(errors)
            else:
                self._write_stock(checked)
            return self._retail_reopen(self.env._("Import Opening Stock"))
        rows = self._read_rows(BALANCE_COLUMNS)
        errors, checked, totals = self._check_balance_rows(rows)
        if errors:
            self._retail_report_errors(errors)
        else:
            self._write_balances(checked, totals)
        return self._retail_reopen(self.env._("Import Opening Balances"))
