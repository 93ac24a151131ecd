import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import { registry } from "@web/core/registry";

function fillRegistration(name, mobile) {
    return [
        {
            content: "register a new member",
            trigger: ".modal-header button:contains('Create')",
            run: "click",
        },
        {
            content: "the member's name",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: `edit ${name}`,
        },
        {
            content: "the member's mobile number",
            trigger: ".modal .o_field_widget[name='mobile'] input",
            run: `edit ${mobile}`,
        },
        {
            content: "save",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("retail_member_pos_registration_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            // the number already registered is refused by the server: see the Python
            // tests (an error dialog in a tour fails it)
            fillRegistration("Test Member Li", "13900003333"),
            {
                content: "the new member is the order's customer",
                trigger: ".product-screen .set-partner:contains('Test Member Li')",
            },
            Chrome.endTour(),
        ].flat(),
});
