import csv
import io

from odoo import _, models

from ..tools.master_import import column
from .retail_file_import import _number, _text


class RetailMasterImportPartners(models.AbstractModel):
    """The customers' and suppliers' templates, loaded by base_import."""

    _name = "retail.master.import.partners"
    _description = "Master Data Import: Customers and Suppliers"

    def _retail_partner_columns(self):
        return [
            column("contact", "联系人", "可空。新建为该单位的联系人。", "王经理"),
            column("phone", "电话", "可空。", "0571-88880000", field="phone"),
        ]

    def _retail_customer_columns(self):
        grade = self.env["retail.customer.grade"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        contact, phone = self._retail_partner_columns()
        contact["field"] = "child_ids/name"
        return [
            column(
                "name",
                "客户名称",
                "必填。",
                "好邻居便利店",
                required=True,
                field="name",
            ),
            column(
                "ref",
                "客户编码",
                "可空。不能与本文件或系统中其它客户、供应商的编码重复。",
                "KH0001",
                field="ref",
            ),
            column(
                "grade",
                "客户等级",
                "可空。已有客户等级的代码或名称，决定客户的价格表。",
                grade.code or grade.name or "",
                field="retail_grade_id/.id",
            ),
            column(
                "credit_limit",
                "信用额度",
                "可空。0 或以上；启用信用额度控制后，超出额度的订单需经理批准。",
                50000,
                field="credit_limit",
            ),
            contact,
            phone,
            column("mobile", "手机", "可空。", "13800000000", field="mobile"),
            column(
                "street", "地址", "可空。", "杭州市西湖区文三路 1 号", field="street"
            ),
            column(
                "vat",
                "税号",
                "可空。统一社会信用代码（纳税人识别号）。",
                "91330100MA2XXXXX0X",
                field="vat",
            ),
            column("email", "邮箱", "可空。", "shop@example.com", field="email"),
        ]

    def _retail_supplier_columns(self):
        term = self.env.ref(
            "account.account_payment_term_30days", raise_if_not_found=False
        )
        contact, phone = self._retail_partner_columns()
        contact["field"] = "child_ids/name"
        return [
            column(
                "name",
                "供应商名称",
                "必填。",
                "清泉饮品有限公司",
                required=True,
                field="name",
            ),
            column(
                "ref",
                "供应商编码",
                "可空。不能与本文件或系统中其它客户、供应商的编码重复。",
                "GYS0001",
                field="ref",
            ),
            contact,
            phone,
            column(
                "street", "地址", "可空。", "杭州市余杭区仓前街道 8 号", field="street"
            ),
            column("vat", "税号", "可空。", "91330110MA2YYYYY0Y", field="vat"),
            column(
                "bank",
                "开户银行",
                "可空。不存在的银行会被新建。填写时须填银行账号。",
                "中国工商银行杭州分行",
                field="bank_ids/bank_id",
            ),
            column(
                "acc_number",
                "银行账号",
                "可空。请以文本填写，以免 Excel 改变长数字。",
                "6222021202000000001",
                field="bank_ids/acc_number",
            ),
            column(
                "payment_term",
                "付款条件",
                "可空。已有付款条件的名称（如 30 天）。",
                term.name if term else "",
                field="property_supplier_payment_term_id",
            ),
        ]

    def _retail_import_partners(self, rows, columns, errors):
        """(errors, report) of the customer or supplier rows, loaded by base_import:
        nothing imported if any is wrong."""
        errors = errors + []
        loaded = [column for column in columns if column["field"]]
        headers = {column["key"]: column["header"] for column in columns}
        rank = "customer_rank" if self.kind == "customers" else "supplier_rank"
        field_names = [column["field"] for column in loaded] + ["is_company", rank]
        data = self._retail_check_partners(rows, loaded, headers, errors)
        count = 0
        if data:
            # with errors of ours already, a dry run adds core's for the other rows
            core_errors, count = self._retail_load_partners(
                data, loaded, field_names, dryrun=bool(errors)
            )
            errors += core_errors
        if errors:
            return errors, None
        if self.kind == "customers":
            return [], _("%(count)s customers imported.", count=count)
        return [], _("%(count)s suppliers imported.", count=count)

    def _retail_load_partners(self, data, loaded, field_names, dryrun):
        """Load the checked partner rows ``data`` with base_import: ([(row, column,
        message)] of core's errors, number of partners imported). Core rolls back
        everything on an error, and always with ``dryrun``."""
        options = {
            "has_headers": True,
            "separator": ",",
            "quoting": '"',
            "encoding": "utf-8",
            "float_thousand_separator": "",
            "float_decimal_separator": ".",
            "date_format": "",
            "datetime_format": "",
            "name_create_enabled_fields": {"bank_ids/bank_id": True},
        }
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(field_names)
        writer.writerows(line + ["1", "1"] for __, line in data)
        importer = self.env["base_import.import"].create(
            {
                "res_model": "res.partner",
                "file": buffer.getvalue().encode(),
                "file_type": "text/csv",
                "file_name": f"{self.kind}.csv",
            }
        )
        result = importer.execute_import(
            field_names,
            [column["header"] for column in loaded] + [False, False],
            options,
            dryrun=dryrun,
        )
        by_field = {column["field"]: column["header"] for column in loaded}
        numbers = [number for number, __ in data]
        errors = []
        for message in result.get("messages", []):
            if message.get("type") != "error":
                continue
            index = (message.get("rows") or {}).get("from")
            number = numbers[index] if index in range(len(numbers)) else numbers[0]
            field = message.get("field") or ""
            column = by_field.get(field) or next(
                (h for f, h in by_field.items() if f.startswith(f"{field}/")),
                loaded[0]["header"],
            )
            errors.append((number, column, message["message"]))
        return errors, len(result.get("ids") or [])

    def _retail_check_partners(self, rows, loaded, headers, errors):
        """[(row number, text cells in the order of the ``loaded`` columns)] of the
        rows without errors, for base_import; the errors of the others (what core
        does not check) added to ``errors``."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        codes = {_text(values.get("ref")) for __, values in rows} - {""}
        existing = {
            partner.ref: partner
            for partner in Partner.search([("ref", "in", list(codes))])
        }
        grades = self._retail_find_grades()
        data, seen = [], {}
        for number, values in rows:
            cells = {
                column["key"]: _text(values.get(column["key"])) for column in loaded
            }
            problems = []
            if not cells["name"]:
                problems.append(("name", _("The name is missing.")))
            code = cells["ref"]
            if code in seen:
                problems.append(
                    (
                        "ref",
                        _(
                            "Code %(code)s is already on row %(row)s.",
                            code=code,
                            row=seen[code],
                        ),
                    )
                )
            elif code in existing:
                problems.append(
                    (
                        "ref",
                        _(
                            "Code %(code)s is already used by %(partner)s.",
                            code=code,
                            partner=existing[code].display_name,
                        ),
                    )
                )
            if code:
                seen.setdefault(code, number)
            if cells.get("grade"):
                grade = grades.get(cells["grade"].lower())
                if not grade:
                    problems.append(
                        (
                            "grade",
                            _(
                                "Unknown customer grade %(grade)s.",
                                grade=cells["grade"],
                            ),
                        )
                    )
                cells["grade"] = str(grade.id) if grade else ""
            if "credit_limit" in cells:
                limit, ok = _number(values.get("credit_limit"))
                if not ok or (limit is not None and limit < 0):
                    problems.append(
                        (
                            "credit_limit",
                            _(
                                "The credit limit must be a number, zero or more, not "
                                "%(value)s.",
                                value=cells["credit_limit"],
                            ),
                        )
                    )
                cells["credit_limit"] = repr(limit) if ok and limit else ""
            if cells.get("bank") and not cells.get("acc_number"):
                problems.append(
                    ("acc_number", _("The bank account number is missing."))
                )
            errors.extend((number, headers[key], message) for key, message in problems)
            if not problems:
                data.append((number, [cells[column["key"]] for column in loaded]))
        return data
