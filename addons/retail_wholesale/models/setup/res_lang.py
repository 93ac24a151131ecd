import os

from odoo import api, models
from odoo.modules.module import get_module_path
from odoo.tools.translate import TranslationImporter


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _retail_load_core_terms(self):
        """Load ``i18n_extra`` (core terms whose Chinese Odoo leaves in English) over
        the translations in the database: Odoo keeps a translation it already has, and
        core's zh_CN gave these their English words."""
        folder = os.path.join(get_module_path("retail_wholesale"), "i18n_extra")
        importer = TranslationImporter(self.env.cr, verbose=False)
        files = [
            (path, code)
            for code, __ in self.get_installed()
            if os.path.isfile(path := os.path.join(folder, f"{code}.po"))
        ]
        for path, code in files:
            importer.load_file(path, code)
        if files:
            importer.save(overwrite=True, force_overwrite=True)
        self._retail_name_payment_method_lines()
        return True

    @api.model
    def _retail_name_payment_method_lines(self):
        """A journal's payment method line is named after its method once, in the
        language of the moment (untranslated text): one still bearing the method's
        English name takes the method's name in its company's language."""
        Line = self.env["account.payment.method.line"].sudo()
        methods = Line.payment_method_id.search([])
        english = {m.id: m.name for m in methods.with_context(lang="en_US")}
        lines = Line.search(
            [("name", "in", list(set(english.values()))), ("journal_id", "!=", False)]
        )
        for lang, group in lines.grouped(
            lambda line: line.journal_id.company_id.partner_id.lang
        ).items():
            if not lang or lang == "en_US":
                continue
            names = {m.id: m.name for m in methods.with_context(lang=lang)}
            for line in group:
                if line.name == english[line.payment_method_id.id]:
                    line.name = names[line.payment_method_id.id]
