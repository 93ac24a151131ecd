"""ISBN checksums and normalisation, without a database.

``normalize("7-5321-0001-X")`` returns the ISBN-13 the book is known by (its barcode);
bad input raises :class:`IsbnError`, whose ``code`` says what is wrong.
"""

import re

ISBN13_PREFIXES = ("978", "979")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u00a0]+")


class IsbnError(ValueError):
    """``code``: empty, characters, length, prefix or checksum."""

    def __init__(self, code, value):
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


def compact(value):
    """The ISBN without hyphens and spaces, with an upper case X."""
    return _SEPARATORS.sub("", value or "").upper()


def isbn10_check_digit(first9):
    total = sum((10 - i) * int(d) for i, d in enumerate(first9))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def isbn13_check_digit(first12):
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def normalize(value):
    """The ISBN-13 of an ISBN-10 or ISBN-13 typed with or without separators."""
    isbn = compact(value)
    if not isbn:
        raise IsbnError("empty", value)
    if len(isbn) == 10:
        if not (isbn[:9].isdigit() and (isbn[9].isdigit() or isbn[9] == "X")):
            raise IsbnError("characters", value)
        if isbn10_check_digit(isbn[:9]) != isbn[9]:
            raise IsbnError("checksum", value)
        first12 = "978" + isbn[:9]
        return first12 + isbn13_check_digit(first12)
    if len(isbn) == 13:
        if not isbn.isdigit():
            raise IsbnError("characters", value)
        if not isbn.startswith(ISBN13_PREFIXES):
            raise IsbnError("prefix", value)
        if isbn13_check_digit(isbn[:12]) != isbn[12]:
            raise IsbnError("checksum", value)
        return isbn
    if not re.fullmatch(r"[0-9X]*", isbn):
        raise IsbnError("characters", value)
    raise IsbnError("length", value)


def is_valid(value):
    try:
        normalize(value)
    except IsbnError:
        return False
    return True


def to_isbn10(value):
    """The ISBN-10 of a 978 ISBN, or None (979 ISBNs have none)."""
    isbn = normalize(value)
    if not isbn.startswith("978"):
        return None
    return isbn[3:12] + isbn10_check_digit(isbn[3:12])
