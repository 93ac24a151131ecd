"""The till's books moved into retail_book_pos: retail_wholesale's pre-migration of
18.0.1.2.0 hands them over (and the back office's books to retail_book) and marks both
to install. It runs here too, for an upgrade of the till alone; each step is done once."""

import importlib.util
from os.path import join

from odoo.modules.module import get_module_path


def migrate(cr, version):
    if not version:
        return
    path = join(
        get_module_path("retail_wholesale"),
        "migrations",
        "18.0.1.2.0",
        "pre-migrate.py",
    )
    spec = importlib.util.spec_from_file_location("retail_wholesale_split_books", path)
    split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split)
    split.split_books(cr)
