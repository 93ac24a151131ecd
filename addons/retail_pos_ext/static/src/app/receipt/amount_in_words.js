/**
 * Amounts in Chinese capitals (人民币大写), as written on receipts, cheques and invoices.
 * Checked against the table of cases in static/tests/amount_in_words_cases.json (receipt tour).
 */

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const DIGIT_UNITS = ["", "拾", "佰", "仟"];
// 10万亿 yuan, in fen: amounts below it are written exactly
const MAX_CENTS = 1e15 - 1;

function sectionToChinese(section) {
    let text = "";
    let zeroPending = false;
    for (let position = 3; position >= 0; position--) {
        const digit = Math.floor(section / 10 ** position) % 10;
        if (!digit) {
            zeroPending = Boolean(text);
            continue;
        }
        if (zeroPending) {
            text += "零";
            zeroPending = false;
        }
        text += DIGITS[digit] + DIGIT_UNITS[position];
    }
    return text;
}

/** number > 0: 亿 above 万 above sections of four digits, 零 for skipped digits. */
function integerToChinese(number) {
    for (const [unit, size] of [
        ["亿", 1e8],
        ["万", 1e4],
    ]) {
        if (number >= size) {
            const low = number % size;
            let text = integerToChinese(Math.floor(number / size)) + unit;
            if (low) {
                text += (low < size / 10 ? "零" : "") + integerToChinese(low);
            }
            return text;
        }
    }
    return sectionToChinese(number);
}

/**
 * @param {number} amount in yuan, rounded to the fen
 * @returns {string} e.g. 0.05 → 伍分, 10 → 壹拾元整, 19.1 → 壹拾玖元壹角, 100001.1 → 壹拾万零壹元壹角,
 *      -12.5 → 负壹拾贰元伍角
 */
export function amountToChineseCapitals(amount) {
    const cents = Math.round(Math.abs(amount) * 100);
    if (!(cents <= MAX_CENTS)) {
        throw new Error(`${amount} is too large to be written in Chinese capitals`);
    }
    const yuan = Math.floor(cents / 100);
    const jiao = Math.floor(cents / 10) % 10;
    const fen = cents % 10;
    let text = "";
    if (yuan) {
        // a leading 1 is written: 壹拾玖元 for 19 (the rules of written amounts, unlike
        // speech, which says 拾玖)
        text = integerToChinese(yuan) + "元";
    }
    if (!jiao && !fen) {
        text = (text || "零元") + "整";
    } else {
        if (jiao) {
            text += DIGITS[jiao] + "角";
        } else if (yuan) {
            text += "零";
        }
        if (fen) {
            text += DIGITS[fen] + "分";
        }
    }
    return (cents && amount < 0 ? "负" : "") + text;
}
