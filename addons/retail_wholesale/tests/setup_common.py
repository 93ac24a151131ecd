import base64
import io
from datetime import date

import xlsxwriter

from odoo import Command

from .common import RetailCommon


def xlsx(headers, rows):
    """An xlsx workbook (base64) with ``headers`` and ``rows`` on its first sheet."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, headers)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(number, column, value, date_format)
            elif value is not None:
                sheet.write(number, column, value)
    workbook.close()
    return base64.b64encode(output.getvalue())


class SetupCommon(RetailCommon):
    """A new, empty company (no chart of accounts, the currency of a new company) and
    its head office administrator, who goes live with the setup assistant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_company = cls.env["res.company"].create({"name": "New Company"})
        cls.admin = cls.role_users["hq_admin"]
        cls.admin.write(
            {
                "company_ids": [Command.link(cls.new_company.id)],
                "company_id": cls.new_company.id,
            }
        )
        cls.admin_env = cls.env(
            user=cls.admin,
            context=dict(cls.env.context, allowed_company_ids=[cls.new_company.id]),
        )
        cls.opening_date = date(date.today().year, 1, 1)

    @classmethod
    def run_company_step(cls, **values):
        wizard = cls.admin_env["retail.setup.wizard"].create(
            {
                "company_name": "上海新开零售有限公司",
                "vat": "91310000MA1K4ABC2X",
                "city": "上海市",
                "email": "service@xinkai-retail.cn",
                "opening_date": cls.opening_date,
                **values,
            }
        )
        wizard.action_apply_company()
        # the chart made new records: read them in a fresh environment
        cls.admin_env = cls.admin_env(context=dict(cls.admin_env.context))
        return wizard

    @classmethod
    def company_env(cls):
        """The company's administrator env (admin rights) for the test's own data."""
        return cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.new_company.id])
        )

    @classmethod
    def make_goods(cls):
        """A lot-tracked product with expiry dates and an untracked one, in a category
        of the new company's default valuation (set by the assistant)."""
        env = cls.company_env()
        category = env["product.category"].create({"name": "食品"})
        cls.milk = env["product.product"].create(
            {
                "name": "纯牛奶 250ml",
                "default_code": "M001",
                "is_storable": True,
                "categ_id": category.id,
                "tracking": "lot",
                "use_expiration_date": True,
                "expiration_time": 180,
                "list_price": 6.0,
            }
        )
        cls.towel = env["product.product"].create(
            {
                "name": "毛巾",
                "default_code": "T001",
                "barcode": "6920000000017",
                "is_storable": True,
                "categ_id": category.id,
                "list_price": 15.0,
            }
        )
        cls.customer = env["res.partner"].create(
            {"name": "华东商贸", "customer_rank": 1}
        )
        cls.supplier = env["res.partner"].create(
            {"name": "江南食品厂", "supplier_rank": 1}
        )

    @classmethod
    def import_opening(cls, kind, headers, rows):
        wizard = cls.admin_env["retail.opening.import"].create(
            {"kind": kind, "file": xlsx(headers, rows), "filename": f"{kind}.xlsx"}
        )
        wizard.action_import()
        return wizard
