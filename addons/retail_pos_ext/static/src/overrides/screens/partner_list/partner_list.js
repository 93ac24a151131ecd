import { patch } from "@web/core/utils/patch";
import { PartnerList } from "@point_of_sale/app/screens/partner_list/partner_list";

patch(PartnerList.prototype, {
    /** Members are also found by their card number (loyalty card, or the reference on
     * their form) when the cashier searches the server ("Search more"). */
    getPhoneSearchTerms() {
        return [...super.getPhoneSearchTerms(...arguments), "ref", "retail_card_code"];
    },
});
