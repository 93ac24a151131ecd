import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { registry } from "@web/core/registry";
import { scan_barcode } from "@point_of_sale/../tests/tours/utils/common";

registry.category("web_tour.tours").add("retail_member_pos_level_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Test Member Qian"),
            ProductScreen.addOrderline("Retail Level Tea", "2"),
            ProductScreen.totalAmountIs("200.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the receipt shows the level the member has just reached",
                trigger: ".pos-receipt .retail-member-level:contains('Test Silver')",
            },
            {
                content: "the points earned are the level's: 200 yuan × 1.5",
                trigger: ".pos-receipt .retail-member-points:contains('300')",
            },
            ReceiptScreen.clickNextOrder(),
            {
                content: "the customer list shows the new level too",
                trigger: ".set-partner",
                run: "click",
            },
            {
                content: "Test Member Qian is at Test Silver",
                trigger:
                    ".partner-line:contains('Test Member Qian') .retail-partner-grade:contains('Test Silver')",
            },
            Chrome.endTour(),
        ].flat(),
});

// 电子会员卡: the member shows the card's code (QR or barcode) and the cashier scans it
registry.category("web_tour.tours").add("retail_member_pos_card_scan_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            scan_barcode("0420004242426"),
            {
                content: "the scanned card's member is the order's customer",
                trigger: ".product-screen .set-partner:contains('Test Member Qian')",
            },
            Chrome.endTour(),
        ].flat(),
});
