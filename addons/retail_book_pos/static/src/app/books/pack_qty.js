/**
 * Quantities of books in cases, bundles and copies (件/包/本) at the till: the twin of
 * retail_book/tools/pack_qty.py, both checked against the table of cases in
 * static/tests/pack_qty_cases.json (a Python test and the books tour).
 *
 * A book's pack structure: 1 件 (case) = caseBundles 包 (bundles) and 1 包 = bundleQty
 * 本 (copies, the base unit). parsePackQty("3件2包5本", 10, 4) is 145 copies;
 * formatPackQty(145, 10, 4) is "3件2包5本".
 */

const CASE = "件";
const BUNDLE = "包";
const UNIT = "本";
const PATTERN = /^(?:(\d+)\s*件)?\s*(?:(\d+)\s*包)?\s*(?:(\d+)\s*本)?$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const FULL_WIDTH = "０１２３４５６７８９．　";
const HALF_WIDTH = "0123456789. ";

/** code: "syntax" (not a quantity), "no_bundle" (包 on a book without bundles) or
 * "no_case" (件 on a book without cases). */
export class PackQtyError extends Error {
    constructor(code, text) {
        super(`${code}: ${JSON.stringify(text)}`);
        this.code = code;
        this.text = text;
    }
}

function toHalfWidth(text) {
    return [...text]
        .map((char) => {
            const index = FULL_WIDTH.indexOf(char);
            return index < 0 ? char : HALF_WIDTH[index];
        })
        .join("");
}

/** [copies per bundle, copies per case]; 0 where the book has no such pack. */
export function packSizes(bundleQty, caseBundles) {
    const bundle = bundleQty > 0 ? Math.trunc(bundleQty) : 0;
    const kase = bundle && caseBundles > 0 ? bundle * Math.trunc(caseBundles) : 0;
    return [bundle, kase];
}

/** Copies in a quantity such as "3件2包5本", "3件", "2包5本", "12 本" or "12". */
export function parsePackQty(text, bundleQty = 0, caseBundles = 0) {
    const value = toHalfWidth(text || "").trim();
    if (NUMBER.test(value)) {
        return parseFloat(value);
    }
    const match = PATTERN.exec(value);
    if (!value || !match || !(match[1] || match[2] || match[3])) {
        throw new PackQtyError("syntax", text);
    }
    const [bundle, kase] = packSizes(bundleQty, caseBundles);
    if (match[1] && !kase) {
        throw new PackQtyError("no_case", text);
    }
    if (match[2] && !bundle) {
        throw new PackQtyError("no_bundle", text);
    }
    const [cases, bundles, units] = [match[1], match[2], match[3]].map((part) =>
        parseInt(part || "0", 10),
    );
    return cases * kase + bundles * bundle + units;
}

/** "3件2包5本" for 145 copies of a 1件 = 4包, 1包 = 10本 book; parts that are 0 are left
 * out, "0本" for nothing, and copies only for a book without packs. */
export function formatPackQty(qty, bundleQty = 0, caseBundles = 0) {
    qty = qty || 0;
    const sign = qty < 0 ? "-" : "";
    qty = Math.abs(qty);
    const [bundle, kase] = packSizes(bundleQty, caseBundles);
    if (qty !== Math.trunc(qty) || !bundle) {
        return `${sign}${parseFloat(qty.toPrecision(6))}${UNIT}`;
    }
    let rest = qty;
    const parts = [];
    for (const [size, name] of [
        [kase, CASE],
        [bundle, BUNDLE],
    ]) {
        if (size && rest >= size) {
            parts.push(`${Math.floor(rest / size)}${name}`);
            rest %= size;
        }
    }
    if (rest || !parts.length) {
        parts.push(`${rest}${UNIT}`);
    }
    return sign + parts.join("");
}

/** 65 → "6.5折": the Chinese way of saying 65 % of the cover price. */
export function discountLabel(percent) {
    if (!percent) {
        return "";
    }
    return `${parseFloat((percent / 10).toFixed(2))}折`;
}
