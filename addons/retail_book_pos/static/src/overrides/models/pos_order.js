import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { accessoryLines, bookTotals } from "@retail_book_pos/app/books/book_lines";

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

    /** The receipt's books: 码洋合计 / 实洋合计. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        const books = bookTotals(this);
        if (books) {
            result.retailBookTotals = books;
        }
        return result;
    },
});
