"""The columns of the master data templates (商品, 客户, 供应商 导入模板)."""

import re

# The workbooks are for Chinese users: their headers and notes are Chinese whatever
# the language of the user, like the price matrix's.
GRADE_PREFIX = "等级价:"
YES = {"是", "y", "yes", "true", "1"}
NO = {"否", "n", "no", "false", "0"}
CATEGORY_SEPARATOR = re.compile(r"\s*[/／]\s*")


def column(key, header, note, example="", required=False, field=None):
    """One column of a template: ``key`` in the rows read, its Chinese ``header``,
    the ``note`` of the sheet 说明, the ``example`` of the example row and, for the
    columns loaded by base_import, the ``field`` path."""
    return {
        "key": key,
        "header": header,
        "note": note,
        "example": example,
        "required": required,
        "field": field,
    }
