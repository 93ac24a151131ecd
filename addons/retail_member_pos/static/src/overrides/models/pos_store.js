import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /** A customer created at the till registers a member (会员注册): the server asks for
     * a mobile number nobody has and gives the company's lowest level. */
    async editPartner(partner) {
        this.retailRegistering = !partner;
        try {
            return await super.editPartner(...arguments);
        } finally {
            this.retailRegistering = false;
        }
    },
    editPartnerContext() {
        const context = super.editPartnerContext(...arguments);
        return this.retailRegistering ? { ...context, retail_member_registration: true } : context;
    },
});
