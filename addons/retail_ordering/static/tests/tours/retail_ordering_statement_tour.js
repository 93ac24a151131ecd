import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_ordering_statement_confirm_tour", {
    steps: () => [
        {
            content: "My Account lists the statements of account",
            trigger: "a[href='/my/statements']",
            run: "click",
        },
        {
            content: "open the statement of November",
            trigger: ".o_retail_statement_row a",
            run: "click",
        },
        {
            content: "the closing balance is shown",
            trigger: ".o_retail_statement tr.fw-bold:last-child:contains(1,500.00)",
        },
        {
            content: "the statement fits the phone's width",
            trigger: ".o_retail_statement",
            run() {
                const card = document.querySelector(".o_retail_statement");
                if (card.scrollWidth > window.innerWidth) {
                    throw new Error(
                        `The statement is ${card.scrollWidth}px wide on a ${window.innerWidth}px screen`,
                    );
                }
            },
        },
        {
            content: "confirm it",
            trigger: ".o_retail_statement_confirm",
            run: "click",
        },
        {
            content: "thanked",
            trigger: ".o_retail_statement_confirmed",
        },
    ],
});
