"""Amounts in Chinese capitals (人民币大写), as written on invoices and statements.

The printed documents' side of the rule the till's receipt follows
(``retail_pos_ext/static/src/app/receipt/amount_in_words.js``): where both are installed,
``retail_reports_pos``'s tests check this one against the receipt's table of cases,
``retail_pos_ext/static/tests/amount_in_words_cases.json``.
"""

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
DIGIT_UNITS = ("", "拾", "佰", "仟")
# 10万亿 yuan, in fen: amounts below it are written exactly
MAX_CENTS = 10**15 - 1


def _section(number):
    """0 < number < 10000: digits with their units, 零 for skipped digits."""
    text, zero_pending = "", False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if not digit:
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += DIGITS[digit] + DIGIT_UNITS[position]
    return text


def _integer(number):
    """number > 0: 亿 above 万 above sections of four digits."""
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if number >= size:
            low = number % size
            text = _integer(number // size) + unit
            if low:
                text += ("零" if low < size // 10 else "") + _integer(low)
            return text
    return _section(number)


def amount_to_chinese_capitals(amount):
    """``amount`` in yuan (a number), rounded to the fen, in capitals: 0.05 → 伍分,
    10 → 壹拾元整, 19.1 → 壹拾玖元壹角, 100001.1 → 壹拾万零壹元壹角, -12.5 → 负壹拾贰元伍角.

    Raises ``ValueError`` when the amount is 10万亿 yuan or more."""
    cents = int(
        (abs(Decimal(str(amount))) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    if cents > MAX_CENTS:
        raise ValueError(f"{amount} is too large to be written in Chinese capitals")
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _integer(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        text = (text or "零元") + "整"
    else:
        if jiao:
            text += DIGITS[jiao] + "角"
        elif yuan:
            text += "零"
        if fen:
            text += DIGITS[fen] + "分"
    return ("负" if cents and amount < 0 else "") + text
