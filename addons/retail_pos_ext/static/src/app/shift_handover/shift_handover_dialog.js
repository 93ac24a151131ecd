import { Component } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { usePos } from "@point_of_sale/app/store/pos_hook";

/** The figures of a shift just handed over (交班), with a button to print them. */
export class ShiftHandoverDialog extends Component {
    static template = "retail_pos_ext.ShiftHandoverDialog";
    static components = { Dialog };
    static props = {
        summary: Object,
        print: Function,
        close: Function,
    };

    setup() {
        this.pos = usePos();
    }
    format(amount) {
        return this.env.utils.formatCurrency(amount);
    }
    async print() {
        await this.props.print();
        this.props.close();
    }
}
