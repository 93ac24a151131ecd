"""Write a simple report table as an xlsx workbook with xlsxwriter."""

import io

from odoo.tools.misc import xlsxwriter


def table_xlsx(title, subtitle, headers, rows, sheet_name=None, bold_rows=()):
    """Bytes of a workbook: the title in A1, the subtitle in A2, the headers on row 4
    and one line per row below; numbers are written as numbers."""
    return tables_xlsx(
        [
            {
                "title": title,
                "subtitle": subtitle,
                "headers": headers,
                "rows": rows,
                "sheet_name": sheet_name,
                "bold_rows": bold_rows,
            }
        ]
    )


def tables_xlsx(tables):
    """Bytes of a workbook with one sheet per table (dicts of title, subtitle,
    headers, rows and optionally sheet_name and bold_rows), laid out as
    ``table_xlsx``."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    number = workbook.add_format({"num_format": "#,##0.00"})
    number_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
    for table in tables:
        sheet = workbook.add_worksheet((table.get("sheet_name") or table["title"])[:31])
        sheet.write(0, 0, table["title"], bold)
        sheet.write(1, 0, table["subtitle"])
        for col, text in enumerate(table["headers"]):
            sheet.write(3, col, text, bold)
        bold_rows = table.get("bold_rows") or ()
        for index, row in enumerate(table["rows"]):
            is_bold = index in bold_rows
            for col, value in enumerate(row):
                if isinstance(value, bool) or value is None or value == "":
                    sheet.write_blank(4 + index, col, None)
                elif isinstance(value, int | float):
                    sheet.write_number(
                        4 + index, col, value, number_bold if is_bold else number
                    )
                else:
                    sheet.write(4 + index, col, value, bold if is_bold else None)
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, max(len(table["headers"]) - 1, 1), 16)
    workbook.close()
    return output.getvalue()


def download_action(record, file_name, content):
    """An action downloading ``content`` as ``file_name``, attached to ``record``
    (to no record when it is empty: reports read from SQL views cannot be written)."""
    values = {"name": file_name, "raw": content}
    if record:
        values.update(res_model=record._name, res_id=record.id)
    attachment = record.env["ir.attachment"].create(values)
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{attachment.id}?download=true",
        "target": "download",
    }
