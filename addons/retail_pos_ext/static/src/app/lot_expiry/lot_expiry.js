/**
 * Lots with an expiration date at the till: the lot that expires first is taken
 * (FEFO), expired lots are refused, near-expiry lots are marked and sold at their
 * markdown price (临期促销). The server checks the lots again when the order arrives.
 */
import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";

/** Lots known to be close to their expiry, by product id and lot name, as the server
 * told this till when it picked them. */
const nearExpiryLots = new Set();

export function markNearExpiry(productId, lotName) {
    nearExpiryLots.add(`${productId}|${lotName}`);
}

export function isNearExpiry(productId, lotName) {
    return nearExpiryLots.has(`${productId}|${lotName}`);
}

/** Near-expiry markdowns (临期促销) of lots, by product id and lot name, as the server
 * told this till: { price, percent }. */
const lotMarkdowns = new Map();

export function rememberMarkdown(productId, lotName, price, percent) {
    lotMarkdowns.set(`${productId}|${lotName}`, { price, percent });
}

export function getMarkdown(productId, lotName) {
    return lotMarkdowns.get(`${productId}|${lotName}`);
}

export function isExpiryTracked(product) {
    return product.tracking === "lot" && product.use_expiration_date;
}

/** Quantities of each lot of the product already in this till's open orders. */
function lotQuantitiesInUse(pos, product) {
    const used = {};
    for (const lot of pos.models["pos.pack.operation.lot"].getAll()) {
        const line = lot.pos_order_line_id;
        if (line?.product_id?.id === product.id && line.order_id?.state === "draft") {
            used[lot.lot_name] = (used[lot.lot_name] || 0) + (line.qty || 0);
        }
    }
    return used;
}

function refuseExpiredLots(pos, product, lotNames) {
    pos.dialog.add(AlertDialog, {
        title: _t("Expired lot"),
        body: _t(
            "%(product)s: lot %(lots)s is past its expiration date and cannot be sold. Take it off the shelf.",
            { product: product.display_name, lots: lotNames.join(", ") },
        ),
    });
}

/**
 * The lot that expires first among those on hand in the store (FEFO), for an
 * expiry-tracked product, without asking the cashier.
 * @returns {Promise<Object|null|undefined>} the pack lots to use; null when only expired
 *      lots are left (refused); undefined when the till asks the cashier as core does
 */
export async function pickFirstExpiringLot(pos, product) {
    let lots;
    try {
        lots = await pos.data.call(
            "pos.order.line",
            "get_existing_lots",
            [pos.company.id, product.id],
            { context: { config_id: pos.config.id } },
        );
    } catch {
        return undefined;
    }
    const used = lotQuantitiesInUse(pos, product);
    const available = lots.filter((lot) => lot.product_qty > (used[lot.name] || 0));
    const lot = available.find((lot) => !lot.retail_expired);
    if (lot) {
        if (lot.retail_near_expiry) {
            markNearExpiry(product.id, lot.name);
        }
        if (lot.retail_markdown_price !== false && lot.retail_markdown_price !== undefined) {
            rememberMarkdown(
                product.id,
                lot.name,
                lot.retail_markdown_price,
                lot.retail_markdown_percent,
            );
        }
        return { newPackLotLines: [{ lot_name: lot.name }] };
    }
    const expired = available.filter((lot) => lot.retail_expired);
    if (expired.length) {
        refuseExpiredLots(
            pos,
            product,
            expired.map((lot) => lot.name),
        );
        return null;
    }
    return undefined;
}

/** Lots typed or scanned by the cashier (or of a held order): refused when expired. */
export async function checkedLots(pos, product, packLots) {
    if (!packLots || !isExpiryTracked(product)) {
        return packLots;
    }
    const names = [
        ...(packLots.newPackLotLines || []).map((lot) => lot.lot_name),
        ...Object.values(packLots.modifiedPackLotLines || {}),
    ].filter(Boolean);
    if (!names.length) {
        return packLots;
    }
    const { expired, markdowns } = await pos.data.call("pos.order.line", "retail_lot_status", [
        pos.company.id,
        product.id,
        names,
    ]);
    for (const [name, markdown] of Object.entries(markdowns)) {
        rememberMarkdown(product.id, name, markdown.price, markdown.percent);
    }
    if (expired.length) {
        refuseExpiredLots(pos, product, expired);
        return null;
    }
    return packLots;
}

/** A lot barcode scanned for an expiry-tracked product: false when the lot is refused. */
export async function acceptScannedLot(pos, vals, code) {
    if (code?.type !== "lot") {
        return true;
    }
    const product =
        typeof vals.product_id === "number"
            ? pos.models["product.product"].get(vals.product_id)
            : vals.product_id;
    if (!product || !isExpiryTracked(product)) {
        return true;
    }
    return Boolean(await checkedLots(pos, product, { newPackLotLines: [{ lot_name: code.code }] }));
}

/**
 * 临期促销: a line whose lots are all within the company's near-expiry markdown window is
 * sold at the markdown price (the near-expiry board's suggested price) when that is
 * lower than its price; the server checks the lots again.
 */
export function applyMarkdown(line) {
    if (!line || line.retail_markdown_percent || !line.pack_lot_ids?.length) {
        return;
    }
    const markdowns = line.pack_lot_ids.map((lot) => getMarkdown(line.product_id.id, lot.lot_name));
    if (markdowns.some((markdown) => !markdown)) {
        return;
    }
    const price = Math.max(...markdowns.map((markdown) => markdown.price));
    if (price >= line.get_unit_price()) {
        return;
    }
    line.set_unit_price(price);
    line.price_type = "manual";
    line.retail_markdown_percent = markdowns[0].percent;
}

/** What a line with lots adds to its display: translated lot labels (core writes them
 * untranslated), the near-expiry mark and the markdown. */
export function lotDisplayData(line) {
    return {
        packLotLines: line.pack_lot_ids.map((lot) =>
            line.product_id.tracking === "lot"
                ? _t("Lot Number %(lot)s", { lot: lot.lot_name })
                : _t("SN %(lot)s", { lot: lot.lot_name }),
        ),
        retailNearExpiry: line.pack_lot_ids.some((lot) =>
            isNearExpiry(line.product_id.id, lot.lot_name),
        ),
        retailMarkdown: line.retail_markdown_percent
            ? _t("Near-expiry markdown -%(percent)s", {
                  percent: `${parseFloat(line.retail_markdown_percent.toFixed(2))}%`,
              })
            : "",
    };
}
