import { patch } from "@web/core/utils/patch";
import { Orderline } from "@point_of_sale/app/generic_components/orderline/orderline";

/**
 * Declare in Orderline's props the fields `shape` ({name: prop description}) that the
 * till's order lines add to their display data (`getDisplayData`): the till's addons
 * declare theirs through it too.
 */
export function addOrderlineFields(shape) {
    patch(Orderline, {
        props: {
            ...Orderline.props,
            line: {
                ...Orderline.props.line,
                shape: {
                    ...Orderline.props.line.shape,
                    ...shape,
                },
            },
        },
    });
}

addOrderlineFields({
    retailNearExpiry: { type: Boolean, optional: true },
    retailMarkdown: { type: String, optional: true },
});
