import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { patch } from "@web/core/utils/patch";

patch(PosOrder.prototype, {
    /** The member's level (会员等级) on the receipt: the one reached with this order,
     * as the server answered the order's synchronisation. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        result.retailMemberLevel = this.get_partner()?.retail_member_level_name || "";
        return result;
    },
});
