from odoo import models
from odoo.tools.misc import formatLang


class RetailTableMixin(models.AbstractModel):
    """An analysis printed as a table: ``_retail_table()`` gives its title, subtitle,
    headers, rows and the indexes of its total rows, the same table as its xlsx
    export; the PDF template prints ``_retail_print_table()``."""

    _name = "retail.table.mixin"
    _description = "Printable Analysis"

    def _retail_table(self):
        """{"title", "subtitle", "headers", "rows", "bold_rows"} of these records."""
        raise NotImplementedError()

    def _retail_print_table(self):
        table = self._retail_table()
        bold = set(table.get("bold_rows", ()))
        return {
            **table,
            "rows": [
                {
                    "bold": index in bold,
                    "cells": [self._retail_print_cell(value) for value in row],
                }
                for index, row in enumerate(table["rows"])
            ],
        }

    def _retail_print_cell(self, value):
        """{"text", "numeric"}: amounts with two decimals and thousands separators,
        integers as they are, empty values blank."""
        if isinstance(value, bool) or value is None:
            return {"text": "", "numeric": False}
        if isinstance(value, int):
            return {"text": str(value), "numeric": True}
        if isinstance(value, float):
            return {"text": formatLang(self.env, value), "numeric": True}
        return {"text": str(value), "numeric": False}
