import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { accessoryLines, bookTotals } from "@retail_pos_ext/app/books/book_lines";
import { receiptAdditions } from "@retail_pos_ext/app/receipt/receipt";

patch(PosOrder.prototype, {
    /** Removing a book line removes the accessories added with it. */
    removeOrderline(line) {
        const accessories = accessoryLines(line);
        const result = super.removeOrderline(...arguments);
        for (const accessory of accessories) {
            if (this.lines.includes(accessory)) {
                super.removeOrderline(accessory);
            }
        }
        return result;
    },

    /** A Chinese receipt: the total in capitals, the member and the points earned, the
     * books' 码洋合计 / 实洋合计. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        Object.assign(result, receiptAdditions(this, result));
        const books = bookTotals(this);
        if (books) {
            result.retailBookTotals = books;
        }
        return result;
    },
});
