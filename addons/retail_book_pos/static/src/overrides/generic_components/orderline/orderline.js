import { addOrderlineFields } from "@retail_pos_ext/overrides/generic_components/orderline/orderline";

addOrderlineFields({
    retailPackQty: { type: String, optional: true },
    retailBook: { type: Object, optional: true },
});
