import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function field(name) {
    return `.modal .o_field_widget[name=${name}]`;
}

function editField(name, value) {
    return { trigger: `${field(name)} input`, run: `edit ${value}` };
}

function clickButton(name) {
    return { trigger: `.modal button[name=${name}]`, run: "click" };
}

/** A line of an editable list of the assistant: ``values`` [field, value]. */
function addLine(list, values) {
    const row = `${field(list)} .o_data_row:last`;
    return [
        { trigger: `${field(list)} .o_field_x2many_list_row_add a`, run: "click" },
        ...values.map(([name, value]) => {
            if (name === "role") {
                return { trigger: `${row} [name=role] select`, run: `select "${value}"` };
            }
            if (name === "warehouse_ids") {
                return [
                    { trigger: `${row} [name=warehouse_ids] input`, run: `edit ${value}` },
                    {
                        trigger: `.o-autocomplete--dropdown-menu a:contains(${value})`,
                        run: "click",
                    },
                ];
            }
            return { trigger: `${row} [name=${name}] input`, run: `edit ${value}` };
        }),
    ].flat();
}

/** Upload the workbook the test stored as the public attachment ``name``, import it
 * and wait for the import's report. */
function importFile(action, kind, name, done) {
    return [
        {
            content: `open ${action}`,
            trigger: "body",
            run: `goToUrl /odoo/action-${action}`,
        },
        {
            trigger: `${field("kind")} input[data-value=${kind}]`,
            run: "click",
        },
        {
            content: `upload ${name}`,
            trigger: `${field("file")} .o_select_file_button`,
            async run() {
                const [attachment] = await rpc("/web/dataset/call_kw/ir.attachment/search_read", {
                    model: "ir.attachment",
                    method: "search_read",
                    args: [[["name", "=", name]], ["id"]],
                    kwargs: {},
                });
                const response = await fetch(`/web/content/${attachment.id}?download=true`);
                const file = new File([await response.blob()], name);
                const transfer = new DataTransfer();
                transfer.items.add(file);
                const input = this.anchor
                    .closest(".o_field_widget")
                    .querySelector("input[type=file]");
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: `${field("file")} .o_clear_file_button` },
        clickButton("action_import"),
        { trigger: `.modal .alert-success:contains(${done})` },
    ];
}

tours.add("retail_go_live_assistant_tour", {
    steps: () =>
        [
            editField("company_name", "上海新开零售有限公司"),
            editField("vat", "91310000MA1K4ABC2X"),
            editField("city", "上海市"),
            editField("email", "service@xinkai-retail.cn"),
            clickButton("action_apply_company"),
            editField("hq_name", "总部仓"),
            editField("hq_code", "HQ"),
            addLine("store_ids", [
                ["name", "徐汇店"],
                ["code", "XH"],
            ]),
            clickButton("action_apply_stores"),
            addLine("user_ids", [
                ["name", "王芳"],
                ["login", "wangfang"],
                ["password", "wangfang"],
                ["role", "cashier"],
                ["warehouse_ids", "徐汇店"],
            ]),
            addLine("user_ids", [
                ["name", "赵店长"],
                ["login", "zhaodian"],
                ["password", "zhaodian"],
                ["role", "store_manager"],
                ["warehouse_ids", "徐汇店"],
            ]),
            clickButton("action_apply_staff"),
            { trigger: ".modal button[name=action_import_balances]" },
            importFile(
                "retail_wholesale.retail_master_import_action",
                "suppliers",
                "go_live_suppliers.xlsx",
                "1 suppliers imported",
            ),
            importFile(
                "retail_wholesale.retail_master_import_action",
                "products",
                "go_live_products.xlsx",
                "2 products imported",
            ),
            importFile(
                "retail_wholesale.retail_master_import_action",
                "customers",
                "go_live_customers.xlsx",
                "1 customers imported",
            ),
            importFile(
                "retail_wholesale.retail_opening_import_action",
                "stock",
                "go_live_stock.xlsx",
                "Imported 3 rows",
            ),
            importFile(
                "retail_wholesale.retail_opening_import_action",
                "balances",
                "go_live_balances.xlsx",
                "Posted the opening entry",
            ),
        ].flat(),
});

tours.add("retail_go_live_till_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.addOrderline("Tour Green Tea 250g", "2"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            Chrome.endTour(),
        ].flat(),
});
