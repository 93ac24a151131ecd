// eslint for the addons' JavaScript (the lint step of bin/retail test).
import js from "@eslint/js";
import globals from "globals";

export default [
    js.configs.recommended,
    {
        files: ["addons/**/*.js"],
        languageOptions: {
            ecmaVersion: 2024,
            sourceType: "module",
            globals: {
                ...globals.browser,
                odoo: "readonly",
                owl: "readonly",
            },
        },
        rules: {
            "no-unused-vars": ["error", { args: "none" }],
        },
    },
];
