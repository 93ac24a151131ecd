/* global posmodel */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import { sellForCash } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_pos_ext_offline_backlog_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "the server becomes unreachable; the backlog is sent 2 orders a call",
                trigger: ".pos",
                run() {
                    const pos = posmodel;
                    Object.defineProperty(pos, "retailSyncChunkSize", { value: 2 });
                    pos.data.network.offline = true;
                    // the "connection lost" notice was seen: don't stack its dialog
                    pos.data.network.warningTriggered = true;
                    // the till handles the lost connection (its dialog, the order kept)
                    // but the error service still logs it, which fails a tour
                    const consoleError = console.error;
                    console.error = (...args) => {
                        if (!String(args[0]).includes("ConnectionLostError")) {
                            consoleError(...args);
                        }
                    };
                },
            },
            sellForCash("Desk Pad"),
            sellForCash("Desk Pad"),
            sellForCash("Desk Pad"),
            sellForCash("Desk Pad"),
            sellForCash("Desk Pad"),
            {
                content: "five orders wait on the till",
                trigger: ".pos",
                run() {
                    const pos = posmodel;
                    const { orderToCreate } = pos.getPendingOrder();
                    if (orderToCreate.length !== 5) {
                        throw new Error(`${orderToCreate.length} pending orders, expected 5`);
                    }
                },
            },
            {
                content: "the server is back: the backlog drains",
                trigger: ".pos",
                async run() {
                    const pos = posmodel;
                    pos.data.network.offline = false;
                    await pos.syncAllOrders();
                    // a second attempt (a till retrying) sends nothing again
                    await pos.syncAllOrders();
                    const { orderToCreate } = pos.getPendingOrder();
                    if (orderToCreate.length) {
                        throw new Error(`${orderToCreate.length} orders still pending`);
                    }
                },
            },
            Chrome.endTour(),
        ].flat(),
});
