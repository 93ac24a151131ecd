/* global posmodel */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { sellForCash } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

/**
 * The server as the till sees it, through the browser's XMLHttpRequest (Odoo's rpc):
 * - "down": requests to the server fail as when it is unreachable;
 * - "lost": requests reach the server but their answer is lost on the way back;
 * - "up": back to normal.
 * Counts the order synchronisations attempted and those that reached the server.
 */
function setServer(mode) {
    return {
        content: `the server is ${mode}`,
        trigger: "body",
        run: () => {
            const state = (window.retailServer ||= { mode: "up", attempts: 0, reached: 0 });
            if (!state.installed) {
                state.installed = true;
                // the till handles a lost connection (it shows its own dialog and keeps
                // the order) but the error service still logs it as an error, which
                // fails a test: while the server is away, that log is left out
                const consoleError = console.error;
                console.error = (...args) => {
                    if (state.mode !== "up" && String(args[0]).includes("ConnectionLostError")) {
                        state.connectionLostLogs = (state.connectionLostLogs || 0) + 1;
                        return;
                    }
                    return consoleError(...args);
                };
                const proto = XMLHttpRequest.prototype;
                const { open, send, setRequestHeader } = proto;
                proto.open = function (method, url) {
                    this.retailRequest = { method, url: String(url), headers: [] };
                    return open.apply(this, arguments);
                };
                proto.setRequestHeader = function (name, value) {
                    this.retailRequest?.headers.push([name, value]);
                    return setRequestHeader.apply(this, arguments);
                };
                proto.send = function (body) {
                    const request = this.retailRequest;
                    const toServer = request && request.url.includes("/web/dataset/call_kw/");
                    if (!toServer || state.mode === "up") {
                        if (request?.url.includes("/pos.order/sync_from_ui")) {
                            state.attempts++;
                            state.reached++;
                        }
                        return send.apply(this, arguments);
                    }
                    if (request.url.includes("/pos.order/sync_from_ui")) {
                        state.attempts++;
                    }
                    const fail = () => this.dispatchEvent(new ProgressEvent("error"));
                    if (state.mode === "down") {
                        setTimeout(fail, 10);
                        return;
                    }
                    // "lost": the server gets the request, the till never hears back
                    if (request.url.includes("/pos.order/sync_from_ui")) {
                        state.reached++;
                    }
                    const real = new XMLHttpRequest();
                    real.retailRequest = { ...request, passThrough: true };
                    open.call(real, request.method, request.url);
                    for (const [name, value] of request.headers) {
                        setRequestHeader.call(real, name, value);
                    }
                    real.addEventListener("loadend", fail);
                    send.call(real, body);
                };
            }
            state.mode = mode;
        },
    };
}

function checkPendingOrders(count) {
    return {
        content: `${count} order(s) wait to be synchronised`,
        trigger: "body",
        run: async () => {
            for (let i = 0; i < 100; i++) {
                const pending = posmodel.getPendingOrder().orderToCreate.length;
                if (pending === count) {
                    return;
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            throw new Error(
                `expected ${count} pending orders, found ${
                    posmodel.getPendingOrder().orderToCreate.length
                }`,
            );
        },
    };
}

registry.category("web_tour.tours").add("retail_pos_ext_offline_sync_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // the server cannot be reached: the till sells on, the order waits
            setServer("down"),
            ProductScreen.addOrderline("Desk Pad", "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            Dialog.confirm("Continue with limited functionality"),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            checkPendingOrders(1),
            // the server gets the next synchronisation but its answer is lost
            setServer("lost"),
            sellForCash("Desk Pad"),
            checkPendingOrders(2),
            {
                content: "the server received the orders once already",
                trigger: "body",
                run: () => {
                    if (!(window.retailServer.reached >= 1 && window.retailServer.attempts >= 2)) {
                        throw new Error(JSON.stringify(window.retailServer));
                    }
                },
            },
            // back online: both orders are sent again, the server keeps one of each
            setServer("up"),
            {
                content: "the browser is online again",
                trigger: "body",
                run: () => window.dispatchEvent(new Event("online")),
            },
            checkPendingOrders(0),
            Chrome.endTour(),
        ].flat(),
});
