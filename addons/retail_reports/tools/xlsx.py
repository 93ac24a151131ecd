"""Write a simple report table as an xlsx workbook with xlsxwriter."""

import io

from odoo.tools.misc import xlsxwriter


def table_xlsx(title, subtitle, headers, rows, sheet_name=None, bold_rows=()):
    """Bytes of a workbook: the title in A1, the subtitle in A2, the headers on row 4
    and one line per row below; numbers are written as numbers."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet((sheet_name or title)[:31])
    bold = workbook.add_format({"bold": True})
    number = workbook.add_format({"num_format": "#,##0.00"})
    number_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
    sheet.write(0, 0, title, bold)
    sheet.write(1, 0, subtitle)
    for col, text in enumerate(headers):
        sheet.write(3, col, text, bold)
    for index, row in enumerate(rows):
        is_bold = index in bold_rows
        for col, value in enumerate(row):
            if isinstance(value, bool) or value is None:
                sheet.write_blank(4 + index, col, None)
            elif isinstance(value, int | float):
                sheet.write_number(
                    4 + index, col, value, number_bold if is_bold else number
                )
            else:
                sheet.write(4 + index, col, value, bold if is_bold else None)
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, max(len(headers) - 1, 1), 16)
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
