"""Quantities of books in cases, bundles and copies (件/包/本), without a database.

A book's pack structure: 1 件 (case) = ``case_bundles`` 包 (bundles) and 1 包 =
``bundle_qty`` 本 (copies, the base unit). ``parse_pack_qty("3件2包5本", 10, 4)`` is
3 × 40 + 2 × 10 + 5 = 145 copies; ``format_pack_qty(145, 10, 4)`` is "3件2包5本".
"""

import re

CASE, BUNDLE, UNIT = "件", "包", "本"
_PATTERN = re.compile(
    r"(?:(?P<case>\d+)\s*件)?\s*(?:(?P<bundle>\d+)\s*包)?\s*(?:(?P<unit>\d+)\s*本)?"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．　", "0123456789. ")


class PackQtyError(ValueError):
    """``code``: syntax (not a quantity), no_bundle (包 on a book without bundles) or
    no_case (件 on a book without cases)."""

    def __init__(self, code, text):
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


def pack_sizes(bundle_qty, case_bundles):
    """(copies per bundle, copies per case); 0 where the book has no such pack."""
    bundle = int(bundle_qty or 0) if (bundle_qty or 0) > 0 else 0
    case = bundle * int(case_bundles or 0) if bundle and (case_bundles or 0) > 0 else 0
    return bundle, case


def parse_pack_qty(text, bundle_qty=0, case_bundles=0):
    """Copies in a quantity such as "3件2包5本", "3件", "2包5本", "12 本" or "12"."""
    value = (text or "").translate(_FULL_WIDTH).strip()
    if _NUMBER.fullmatch(value):
        return float(value)
    match = _PATTERN.fullmatch(value)
    if not value or not match or not any(match.groupdict().values()):
        raise PackQtyError("syntax", text)
    bundle, case = pack_sizes(bundle_qty, case_bundles)
    cases, bundles, units = (int(match[group] or 0) for group in match.groupdict())
    if match["case"] and not case:
        raise PackQtyError("no_case", text)
    if match["bundle"] and not bundle:
        raise PackQtyError("no_bundle", text)
    return float(cases * case + bundles * bundle + units)


def format_pack_qty(qty, bundle_qty=0, case_bundles=0):
    """ "3件2包5本" for 145 copies of a 1件 = 4包, 1包 = 10本 book; parts that are 0 are
    left out, "0本" for nothing, and copies only for a book without packs."""
    qty = qty or 0.0
    sign = "-" if qty < 0 else ""
    qty = abs(qty)
    bundle, case = pack_sizes(bundle_qty, case_bundles)
    if qty != int(qty) or not bundle:
        return f"{sign}{qty:g}{UNIT}"
    rest = int(qty)
    parts = []
    for size, name in ((case, CASE), (bundle, BUNDLE)):
        if size and rest >= size:
            parts.append(f"{rest // size}{name}")
            rest %= size
    if rest or not parts:
        parts.append(f"{rest}{UNIT}")
    return sign + "".join(parts)
