/**
 * 挂单 / 取单: an order is held on the server under a name, so that any till of the
 * store can resume it; its lines come back at their held prices and lots (and what other
 * addons keep with them: see heldLineExtensions).
 */
import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { ConnectionLostError } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { SelectionPopup } from "@point_of_sale/app/utils/input_popups/selection_popup";
import { TextInputPopup } from "@point_of_sale/app/utils/input_popups/text_input_popup";
import { checkedLots, isExpiryTracked } from "@retail_pos_ext/app/lot_expiry/lot_expiry";

const HELD_MODEL = "retail.pos.held.order";

/**
 * Other addons keep more with a held line and bring it back: each entry of this registry
 * may have
 * - heldValues(line): values kept with the held line (the server keeps them too when its
 *   retail.pos.held.order._retail_held_line does),
 * - restoreLine(heldLine, restored): an order line that already stands for the held line
 *   on resume (nothing more is added for it), or null,
 * - addValues(heldLine, restored): [values, options] for the line added for it, or null;
 * `restored` maps the held lines' uuids to the order lines they came back as.
 */
export const heldLineExtensions = registry.category("retail_pos_ext.held_order_lines");

function extraHeldValues(line) {
    return Object.assign({}, ...heldLineExtensions.getAll().map((ext) => ext.heldValues?.(line)));
}

/** The lines of an order as the server keeps them while it is held. */
function heldOrderValues(order, name) {
    return {
        name,
        partner_id: order.get_partner()?.id || false,
        amount_total: order.get_total_with_tax(),
        lines: order
            .get_orderlines()
            .filter((line) => !line.is_reward_line)
            .map((line) => ({
                product_id: line.product_id.id,
                qty: line.get_quantity(),
                price_unit: line.get_unit_price(),
                discount: line.get_discount(),
                customer_note: line.get_customer_note() || "",
                lot_names: (line.pack_lot_ids || []).map((lot) => lot.lot_name).filter(Boolean),
                retail_markdown_percent: line.retail_markdown_percent || 0,
                // a price the pricelist gave follows the pricelist again on resume
                // (a member picked then buys at their grade's price)
                price_type: line.price_type,
                // the line, which other lines of the order may refer to
                uuid: line.uuid,
                ...extraHeldValues(line),
            })),
    };
}

/** Calls the held orders' server; tells the cashier when it cannot be reached. */
async function callHeldOrders(pos, method, args) {
    try {
        return await pos.data.call(HELD_MODEL, method, args);
    } catch (error) {
        if (error instanceof ConnectionLostError) {
            pos.dialog.add(AlertDialog, {
                title: _t("No connection"),
                body: _t(
                    "Held orders are kept on the server so that every till of the store can resume them: try again when the connection is back.",
                ),
            });
            return null;
        }
        throw error;
    }
}

/** 挂单: keep the current order on the server under a name and start a new one. */
export async function holdOrder(pos) {
    const order = pos.get_order();
    if (!order || order.is_empty()) {
        return false;
    }
    if (order.payment_ids.length || order.get_orderlines().some((l) => l.combo_parent_id)) {
        pos.dialog.add(AlertDialog, {
            title: _t("This order cannot be held"),
            body: _t(
                "Only orders without payments and without combo products can be held. Remove the payments first.",
            ),
        });
        return false;
    }
    const name = await makeAwaitable(pos.dialog, TextInputPopup, {
        title: _t("Hold Order"),
        placeholder: _t("A name or a note to find it again, e.g. the customer's name"),
        startingValue: order.get_partner()?.name || "",
    });
    if (name === undefined || name === null) {
        return false;
    }
    if (!name.trim()) {
        pos.dialog.add(AlertDialog, {
            title: _t("Name missing"),
            body: _t("Give the held order a name, e.g. the customer's name."),
        });
        return false;
    }
    const values = heldOrderValues(order, name.trim());
    const heldId = await callHeldOrders(pos, "retail_hold", [pos.config.id, values]);
    if (!heldId) {
        return false;
    }
    await pos.deleteOrders([order]);
    order.uiState.displayed = false;
    pos.add_new_order();
    // digits typed for the held order's lines must not carry over
    pos.numberBuffer.reset();
    pos.notification.add(_t("Order held: %s", values.name), { type: "success" });
    return heldId;
}

/** 取单: choose one of the store's held orders and continue it on this till. */
export async function resumeHeldOrder(pos) {
    const heldOrders = await callHeldOrders(pos, "retail_list", [pos.config.id]);
    if (!heldOrders) {
        return false;
    }
    if (!heldOrders.length) {
        pos.dialog.add(AlertDialog, {
            title: _t("Held Orders"),
            body: _t("No order is on hold in this store."),
        });
        return false;
    }
    const selected = await makeAwaitable(pos.dialog, SelectionPopup, {
        title: _t("Resume a held order"),
        list: heldOrders.map((held) => ({
            id: held.id,
            item: held,
            label: [
                held.name,
                pos.env.utils.formatCurrency(held.amount_total),
                _t("%s lines", held.line_count),
                held.user_name,
                held.config_name,
            ].join(" · "),
        })),
    });
    if (!selected) {
        return false;
    }
    const data = await callHeldOrders(pos, "retail_resume", [[selected.id], pos.config.id]);
    if (!data) {
        return false;
    }
    return await restoreHeldOrder(pos, data);
}

/**
 * A line comes back at its held price, which the till would keep whatever happens next
 * (a line added with a price is "manual"); a price the pricelist gave when the order was
 * held follows the pricelist again, so that a member picked after resuming buys at their
 * grade's price. Manual prices and markdowns stay.
 */
export function restorePriceType(orderLine, heldLine) {
    if (orderLine && heldLine.price_type === "original" && !heldLine.retail_markdown_percent) {
        orderLine.price_type = "original";
    }
}

async function restoreOrder(pos, data) {
    const missing = [...new Set(data.lines.map((line) => line.product_id))].filter(
        (id) => !pos.models["product.product"].get(id),
    );
    if (missing.length) {
        await pos.data.read("product.product", missing);
    }
    let order = pos.get_order();
    if (!order || !order.is_empty()) {
        order = pos.add_new_order();
    }
    if (data.partner_id) {
        const partner =
            pos.models["res.partner"].get(data.partner_id) ||
            (await pos.data.read("res.partner", [data.partner_id]))[0];
        if (partner) {
            order.set_partner(partner);
        }
    }
    return order;
}

export async function restoreHeldOrder(pos, data) {
    const order = await restoreOrder(pos, data);
    // the held lines' uuids → the restored lines, for lines that refer to others
    const restored = {};
    const extensions = heldLineExtensions.getAll();
    for (const line of data.lines) {
        const product = pos.models["product.product"].get(line.product_id);
        const already = extensions.map((ext) => ext.restoreLine?.(line, restored)).find(Boolean);
        if (already) {
            restored[line.uuid] = already;
            continue;
        }
        if (line.lot_names?.length && isExpiryTracked(product)) {
            // a lot may have expired (or come within the markdown) while held
            const lots = line.lot_names.map((lot_name) => ({ lot_name }));
            if (!(await checkedLots(pos, product, { newPackLotLines: lots }))) {
                continue;
            }
        }
        const extra = extensions.map((ext) => ext.addValues?.(line, restored)).filter(Boolean);
        await pos.addLineToOrder(
            {
                product_id: product,
                qty: line.qty,
                price_unit: line.price_unit,
                discount: line.discount,
                customer_note: line.customer_note,
                // the same lots as when the order was held, without asking again
                ...(line.lot_names?.length
                    ? { pack_lot_ids: line.lot_names.map((lot_name) => ["create", { lot_name }]) }
                    : {}),
                ...(line.retail_markdown_percent
                    ? { retail_markdown_percent: line.retail_markdown_percent }
                    : {}),
                ...Object.assign({}, ...extra.map(([values]) => values)),
            },
            order,
            Object.assign({}, ...extra.map(([, options]) => options)),
            false,
        );
        const restoredLine = order.get_selected_orderline();
        restorePriceType(restoredLine, line);
        if (line.uuid) {
            restored[line.uuid] = restoredLine;
        }
    }
    pos.numberBuffer.reset();
    pos.notification.add(_t("Order resumed: %s", data.name), { type: "success" });
    return order;
}
