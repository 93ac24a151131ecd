"""ISBN normalisation, without a database, on python-stdnum's ISBN checks.

``normalize("7-5321-0001-4")`` returns the ISBN-13 the book is known by (its barcode);
bad input raises :class:`IsbnError`, whose ``code`` says what is wrong so that the
message can tell the user.
"""

import re

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import InvalidChecksum, InvalidComponent

ISBN13_PREFIXES = ("978", "979")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u00a0]+")
_FORMATS = {10: re.compile(r"[0-9]{9}[0-9X]"), 13: re.compile(r"[0-9]{13}")}


class IsbnError(ValueError):
    """``code``: empty, characters, length, prefix or checksum."""

    def __init__(self, code, value):
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


def compact(value):
    """The ISBN without hyphens, dashes and spaces, with an upper case X."""
    return _SEPARATORS.sub("", value or "").upper()


def normalize(value):
    """The ISBN-13 of an ISBN-10 or ISBN-13 typed with or without separators."""
    isbn = compact(value)
    if not isbn:
        raise IsbnError("empty", value)
    if len(isbn) not in (10, 13):
        # stdnum also takes 9-digit SBNs: a book's number here is an ISBN
        code = "length" if re.fullmatch(r"[0-9X]*", isbn) else "characters"
        raise IsbnError(code, value)
    if not _FORMATS[len(isbn)].fullmatch(isbn):
        raise IsbnError("characters", value)
    if len(isbn) == 13 and not isbn.startswith(ISBN13_PREFIXES):
        raise IsbnError("prefix", value)
    try:
        return stdnum_isbn.validate(isbn, convert=True)
    except InvalidChecksum:
        raise IsbnError("checksum", value) from None
    except InvalidComponent:
        raise IsbnError("prefix", value) from None


def is_valid(value):
    try:
        normalize(value)
    except IsbnError:
        return False
    return True
