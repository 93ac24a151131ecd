/**
 * 配件 of held orders (挂单/取单): an accessory line is held with the uuid of its book
 * line, and on resume it is the accessory line the restored book brought again, at its
 * held price; failing that it is added again, linked to the restored book line.
 */
import { registry } from "@web/core/registry";
import { restorePriceType } from "@retail_pos_ext/app/held_orders/held_orders";
import { accessoryLines } from "@retail_book_pos/app/books/book_lines";

function restoredBook(heldLine, restored) {
    const parent = heldLine.retail_accessory_parent_uuid;
    return parent ? restored[parent] || null : null;
}

/** Restoring a book added its accessories again: they keep their held price. */
function restoreAccessory(book, line) {
    const accessory = accessoryLines(book).find((other) => other.product_id.id === line.product_id);
    if (accessory) {
        accessory.set_unit_price(line.price_unit);
        accessory.set_discount(line.discount);
        if (line.customer_note) {
            accessory.set_customer_note(line.customer_note);
        }
        restorePriceType(accessory, line);
    }
    return accessory;
}

registry.category("retail_pos_ext.held_order_lines").add("retail_book_pos.accessories", {
    heldValues: (line) => ({
        // 配件: an accessory line finds its book line again on resume
        retail_accessory_parent_uuid: line.retail_accessory_parent_uuid || "",
    }),
    restoreLine(heldLine, restored) {
        const book = restoredBook(heldLine, restored);
        return (book && restoreAccessory(book, heldLine)) || null;
    },
    addValues(heldLine, restored) {
        const book = restoredBook(heldLine, restored);
        return book ? [{ retail_accessory_parent_uuid: book.uuid }, { merge: false }] : null;
    },
});
