import io
import zipfile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from odoo import _, fields, models

# what openpyxl raises for a file that is not an xlsx workbook
XLSX_ERRORS = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError)


def _text(value):
    """A cell as text: codes typed as numbers come back as 1001, not 1001.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value):
    """(number, ok): (None, True) for an empty cell, (None, False) for text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int | float):
        return float(value), True
    try:
        return float(str(value).strip()), True
    except ValueError:
        return None, False


class RetailFileImport(models.AbstractModel):
    """What the import wizards share: the uploaded file, the reading of its rows, and
    the report of the rows refused (nothing is imported then) or of what was imported.

    A wizard reads its rows (``_read_rows``), checks all of them before writing anything
    (``_check_rows``: errors ``[(row, column, message)]``), then reports the errors
    (``_retail_report_errors``) or writes what it checked."""

    _name = "retail.file.import"
    _description = "File Import"

    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection(
        selection=[("draft", "Draft"), ("error", "Errors"), ("done", "Done")],
        default="draft",
        required=True,
    )
    report = fields.Text(readonly=True)

    @staticmethod
    def _read_xlsx_rows(data):
        """The rows of the first sheet of the xlsx workbook ``data``, as tuples of
        cells; raises one of ``XLSX_ERRORS`` when ``data`` is not a workbook."""
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return rows

    @staticmethod
    def _map_rows(rows, index):
        """[(row number, {column: value})] of the rows below the header, with the
        cells at the positions ``index`` {column: position}; empty rows skipped."""
        result = []
        for number, row in enumerate(rows[1:], start=2):
            values = {
                column: row[position] if position < len(row) else None
                for column, position in index.items()
            }
            if any(_text(value) for value in values.values()):
                result.append((number, values))
        return result

    def _retail_report_errors(self, errors):
        """Nothing imported: the report names each error, row by row."""
        lines = [
            self.env._(
                "Row %(row)s, column %(column)s: %(message)s",
                row=number,
                column=column,
                message=message,
            )
            for number, column, message in sorted(errors, key=lambda e: e[0])
        ]
        self.write(
            {
                "state": "error",
                "report": _(
                    "Nothing was imported: correct these rows and import the file "
                    "again.\n%(errors)s",
                    errors="\n".join(lines),
                ),
            }
        )

    def _retail_reopen(self, name):
        """The wizard again, showing its report."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": name,
        }
