import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { holdOrder, listHeldOrders } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

function findCustomer(search, name, grade) {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.inputCustomerSearchbar(search),
        {
            content: "search the server too",
            trigger: ".search-more-button button",
            run: "click",
        },
        {
            content: `${name} shows their grade ${grade}`,
            trigger: `.partner-line:contains('${name}') .retail-partner-grade:contains('${grade}')`,
        },
        ProductScreen.clickCustomer(name),
    ].flat();
}

function sellRiceAt(price) {
    return [
        ProductScreen.addOrderline("Retail Member Rice", "1"),
        ProductScreen.totalAmountIs(price),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.receiptIsThere(),
        ReceiptScreen.clickNextOrder(),
    ].flat();
}

registry.category("web_tour.tours").add("retail_pos_ext_member_pricelist_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // a member found by their loyalty card number buys at the VIP grade's price
            findCustomer("VIP-0002", "Retail Member Wang", "Retail VIP"),
            sellRiceAt("80.00"),
            // a wholesale customer found by phone buys at their grade's price
            findCustomer("13900001111", "Retail Shop Li", "Retail Wholesale"),
            sellRiceAt("70.00"),
            // without a customer, the till's own price
            sellRiceAt("100.00"),
            // held while the member looks for their card, resumed, then the member is
            // picked: their grade's price applies to the resumed line too
            ProductScreen.addOrderline("Retail Member Rice", "1"),
            ProductScreen.totalAmountIs("100.00"),
            holdOrder("Member basket"),
            listHeldOrders(),
            {
                content: "resume the held order",
                trigger: ".selection-item:contains('Member basket')",
                run: "click",
            },
            ProductScreen.totalAmountIs("100.00"),
            findCustomer("VIP-0002", "Retail Member Wang", "Retail VIP"),
            ProductScreen.totalAmountIs("80.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            Chrome.endTour(),
        ].flat(),
});
