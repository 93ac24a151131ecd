/**
 * Books at the till: accessories (配件) that follow their book line, 定价 and 码洋 of a
 * book line, the order's 码洋合计 / 实洋合计, and quantities in cases, bundles and copies
 * (件/包/本) typed by the cashier.
 */
import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { formatCurrency } from "@point_of_sale/app/models/utils/currency";
import { makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { TextInputPopup } from "@point_of_sale/app/utils/input_popups/text_input_popup";
import {
    discountLabel,
    formatPackQty,
    PackQtyError,
    parsePackQty,
} from "@retail_book_pos/app/books/pack_qty";

/** The accessory lines (配件) that were added with this book line. */
export function accessoryLines(line) {
    return (line.order_id?.lines || []).filter(
        (other) => other.retail_accessory_parent_uuid === line.uuid,
    );
}

/** 配件: the accessories of a book line that it does not have yet, for its quantity. */
export async function addAccessories(pos, line) {
    const accessories = line.product_id.retail_pos_accessories || [];
    if (!accessories.length || line.get_quantity() <= 0 || line.refunded_orderline_id) {
        return;
    }
    const order = line.order_id;
    const existing = new Set(accessoryLines(line).map((other) => other.product_id.id));
    for (const [productId, perCopy] of accessories) {
        const product = pos.models["product.product"].get(productId);
        if (!product || existing.has(productId)) {
            continue;
        }
        await pos.addLineToOrder(
            {
                product_id: product,
                qty: line.get_quantity() * perCopy,
                retail_accessory_parent_uuid: line.uuid,
            },
            order,
            { merge: false },
            false,
        );
    }
    order.select_orderline(line);
}

/** A book line's accessories follow its quantity. */
export function syncAccessoryQuantities(line) {
    const perCopy = Object.fromEntries(line.product_id.retail_pos_accessories || []);
    for (const accessory of accessoryLines(line)) {
        const wanted = line.get_quantity() * (perCopy[accessory.product_id.id] || 0);
        if (accessory.get_quantity() !== wanted) {
            accessory.set_quantity(wanted);
        }
    }
}

/** An accessory line stays apart from other lines of its product. */
export function isAccessory(line) {
    return Boolean(line.retail_accessory_parent_uuid);
}

/** 定价, 码洋 (quantity × 定价) and the discount of a book line; null otherwise. */
export function bookAmounts(line) {
    const product = line.product_id;
    if (!product?.retail_is_book || !product.retail_cover_price) {
        return null;
    }
    const cover = line.get_quantity() * product.retail_cover_price;
    const net = line.get_price_without_tax();
    return {
        coverPrice: product.retail_cover_price,
        cover,
        net,
        discount: cover ? discountLabel((100 * net) / cover) : "",
    };
}

/** What a book line adds to the line's display: its 件/包/本 and its 定价, 码洋, discount. */
export function bookDisplayData(line) {
    const data = {};
    const product = line.product_id;
    if (product?.retail_bundle_qty) {
        const packs = formatPackQty(
            line.get_quantity(),
            product.retail_bundle_qty,
            product.retail_case_bundles,
        );
        data.retailPackQty = `${packs} = ${line.get_quantity()}本`;
    }
    const book = bookAmounts(line);
    if (book) {
        data.retailBook = {
            coverPrice: formatCurrency(book.coverPrice, line.currency),
            cover: formatCurrency(book.cover, line.currency),
            discount: book.discount,
        };
    }
    return data;
}

/** 码洋合计 / 实洋合计 of the order's books for the receipt; null without books. */
export function bookTotals(order) {
    const books = order
        .get_orderlines()
        .map((line) => bookAmounts(line))
        .filter(Boolean);
    if (!books.length) {
        return null;
    }
    const cover = books.reduce((total, book) => total + book.cover, 0);
    const net = books.reduce((total, book) => total + book.net, 0);
    return {
        cover: formatCurrency(cover, order.currency),
        net: formatCurrency(net, order.currency),
        discount: cover ? discountLabel((100 * net) / cover) : "",
    };
}

function packQtyErrorMessage(error, product) {
    if (error.code === "no_case") {
        return _t(
            "%(product)s is not packed in cases (件): enter the quantity in bundles (包) or copies (本).",
            { product: product.display_name },
        );
    }
    if (error.code === "no_bundle") {
        return _t("%(product)s is not bundled (包): enter the quantity in copies (本).", {
            product: product.display_name,
        });
    }
    return _t(
        "%(text)s is not a quantity: enter copies (12) or cases, bundles and copies such as 3件2包5本, 3件 or 2包5本.",
        { text: error.text },
    );
}

/** 件/包/本: the cashier types the quantity of the selected book line in cases,
 * bundles and copies (3件2包5本); the line takes the copies. */
export async function enterPackQty(pos) {
    const line = pos.get_order()?.get_selected_orderline();
    const product = line?.product_id;
    if (!product?.retail_bundle_qty) {
        return false;
    }
    const text = await makeAwaitable(pos.dialog, TextInputPopup, {
        title: _t("Quantity in cases, bundles and copies"),
        placeholder: _t("e.g. 3件2包5本, 3件, 2包5本 or 12"),
        startingValue: formatPackQty(
            line.get_quantity(),
            product.retail_bundle_qty,
            product.retail_case_bundles,
        ),
    });
    if (text === undefined || text === null) {
        return false;
    }
    let quantity;
    try {
        quantity = parsePackQty(text, product.retail_bundle_qty, product.retail_case_bundles);
    } catch (error) {
        if (!(error instanceof PackQtyError)) {
            throw error;
        }
        pos.dialog.add(AlertDialog, {
            title: _t("Not a quantity"),
            body: packQtyErrorMessage(error, product),
        });
        return false;
    }
    const problem = line.set_quantity(line.get_quantity() < 0 ? -quantity : quantity);
    if (problem && problem !== true) {
        pos.dialog.add(AlertDialog, problem);
        return false;
    }
    return quantity;
}
