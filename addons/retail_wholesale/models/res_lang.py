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
        return True
