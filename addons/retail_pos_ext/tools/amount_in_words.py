"""Amounts in Chinese capitals (人民币大写), as written on receipts, cheques and invoices.

The JavaScript twin used on POS receipts is
``static/src/app/receipt/amount_in_words.js``; both follow the same table of cases
(``tests/test_amount_in_words.py``).
"""

DIGITS = "零壹贰叁肆伍陆柒捌玖"
DIGIT_UNITS = ("", "拾", "佰", "仟")
# 10万亿 yuan, in fen: amounts below it are written exactly (the JavaScript twin too)
MAX_CENTS = 10**13 * 100 - 1


def _section_to_chinese(section):
    """0 < section < 10000, without leading 零."""
    text = ""
    zero_pending = False
    for position in range(3, -1, -1):
        digit = section // 10**position % 10
        if not digit:
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += DIGITS[digit] + DIGIT_UNITS[position]
    return text


def _integer_to_chinese(number):
    """number > 0: 亿 above 万 above sections of four digits, 零 for skipped digits."""
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if number >= size:
            high, low = divmod(number, size)
            text = _integer_to_chinese(high) + unit
            if low:
                text += ("零" if low < size // 10 else "") + _integer_to_chinese(low)
            return text
    return _section_to_chinese(number)


def amount_to_chinese_capitals(amount):
    """Return ``amount`` (yuan, rounded to the fen) in Chinese capitals.

    ``0.05`` → 伍分, ``10`` → 拾元整, ``100001.1`` → 壹拾万零壹元壹角,
    ``1000000000`` → 壹拾亿元整, ``-12.5`` → 负拾贰元伍角.
    """
    cents = round(abs(amount) * 100)
    if cents > MAX_CENTS:
        raise ValueError(f"{amount} is too large to be written in Chinese capitals")
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = ""
    if yuan:
        text = _integer_to_chinese(yuan)
        if 10 <= yuan < 20:
            # 拾元 rather than 壹拾元, as for 10 to 19 when spoken; 壹拾万 keeps its 壹
            text = text.removeprefix("壹")
        text += "元"
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
