import { patch } from "@web/core/utils/patch";
import { ResPartner } from "@point_of_sale/app/models/res_partner";

patch(ResPartner.prototype, {
    /** The till finds members by card number too (loyalty card or reference). */
    get searchString() {
        return [super.searchString, this.ref || "", this.retail_card_code || ""]
            .filter(Boolean)
            .join(" ");
    },
});
