"""The book trade moved out of retail_wholesale into retail_book, and the till's books out
of retail_pos_ext into retail_book_pos.

Before this version's code is loaded, the records those addons now own change hands in
ir_model_data (models, fields, selections, model inheritances, constraints, access
rights, views, report templates, actions, menus), and so do the constraints' module in
ir_model_constraint; retail_book (and retail_book_pos where the till is installed) are
marked to install, so that Odoo loads them in the same run. Then nothing is removed at
the end of the update: the fields, their columns and tables, the accessories, the
views and menus are the new addons' records, and every value stays where it is.

retail_book is installed on every database that had retail_wholesale, whether it sells
books or not: the book fields and their columns are on every product, sale, purchase and
invoice line and stock move, the Books menu and the import were there for every user,
and an upgrade changes no behaviour and loses no column. A database without books may
uninstall retail_book afterwards. retail_book_pos installs itself with retail_book and
retail_pos_ext (auto_install), so it is marked whenever the till is installed.

retail_pos_ext's pre-migration runs the same steps (each is done once), so that upgrading
only the till keeps the till's book fields too.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# models of retail_book, with all their fields, access rights and constraints
BOOK_MODELS = (
    "retail.book.accessory",
    "retail.book.import",
    "retail.book.line.mixin",
    "retail.book.document.mixin",
)
# fields retail_book adds to models of other addons
BOOK_FIELDS = (
    # product.template, and product.product through its template
    "retail_is_book",
    "retail_isbn",
    "retail_cover_price",
    "retail_author",
    "retail_publisher",
    "retail_edition",
    "retail_publication_date",
    "retail_bundle_qty",
    "retail_case_bundles",
    "retail_pack_structure",
    "retail_accessory_ids",
    # sale, purchase and invoice lines (retail.book.line.mixin), stock moves
    "retail_cover_amount",
    "retail_net_amount",
    "retail_discount_percent",
    "retail_discount_label",
    "retail_pack_qty_text",
    "retail_pack_done_text",
    "retail_accessory_parent_id",
    "retail_accessory_line_ids",
    # orders and invoices (retail.book.document.mixin)
    "retail_cover_amount_total",
    "retail_net_amount_total",
)
BOOK_FIELD_MODELS = (
    "product.template",
    "product.product",
    "sale.order",
    "sale.order.line",
    "purchase.order",
    "purchase.order.line",
    "account.move",
    "account.move.line",
    "account.bank.statement.line",
    "stock.move",
)
# views, report templates, actions and menus of retail_book (the return-rate views
# retail_customer_grade_view_list_book and view_partner_property_form_book stay)
BOOK_RECORDS = (
    "product_template_form_view_book",
    "product_template_search_view_book",
    "product_template_action_book",
    "product_template_menu_book",
    "view_order_form_book",
    "view_quotation_tree_book",
    "purchase_order_form_book",
    "view_move_form_book",
    "view_picking_form_book",
    "retail_book_import_view_form",
    "retail_book_import_action",
    "retail_book_import_menu",
    "report_saleorder_document",
    "report_invoice_document",
    "report_delivery_document",
    "stock_report_delivery_aggregated_move_lines",
)
# what retail_book_pos adds to the till's models
TILL_FIELDS = {
    "pos.order.line": (
        "retail_cover_price",
        "retail_cover_amount",
        "retail_net_amount",
        "retail_discount_percent",
        "retail_discount_label",
        "retail_pack_qty_text",
        "retail_accessory_parent_uuid",
    ),
    "product.product": ("retail_pos_accessories",),
}
TILL_MIXINS = ("retail.book.line.mixin",)


def _move_xmlids(cr, source, target, condition, *params):
    """Give the ir_model_data rows ``d`` of ``source`` that match ``condition`` (SQL
    with ``params``) to ``target`` (a row ``target`` has already, from an earlier
    partial upgrade, wins)."""
    condition = SQL(condition, *params)
    cr.execute(
        SQL(
            """
            DELETE FROM ir_model_data d
             WHERE d.module = %s AND (%s)
               AND EXISTS (SELECT 1 FROM ir_model_data t
                            WHERE t.module = %s AND t.name = d.name)
            """,
            source,
            condition,
            target,
        )
    )
    cr.execute(
        SQL(
            "UPDATE ir_model_data d SET module = %s WHERE d.module = %s AND (%s)",
            target,
            source,
            condition,
        )
    )
    return cr.rowcount


def _field_ids(cr, condition):
    cr.execute(SQL("SELECT id FROM ir_model_fields WHERE %s", condition))
    return tuple(row[0] for row in cr.fetchall()) or (0,)


def _move_constraints(cr, source, target, model_ids, field_ids):
    """Move the SQL constraints of the models ``model_ids`` and the foreign keys of the
    fields ``field_ids`` from ``source`` to ``target``: their xmlids and the module they
    belong to."""
    cr.execute(
        """
        SELECT c.id FROM ir_model_constraint c
          JOIN ir_module_module m ON m.id = c.module
         WHERE m.name = %s
           AND (c.model IN %s
                OR c.name IN (SELECT replace(f.model, '.', '_') || '_' || f.name || '_fkey'
                                FROM ir_model_fields f WHERE f.id IN %s))
        """,
        [source, model_ids, field_ids],
    )
    constraint_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    moved = _move_xmlids(
        cr,
        source,
        target,
        "d.model = 'ir.model.constraint' AND d.res_id IN %s",
        constraint_ids,
    )
    cr.execute(
        """
        UPDATE ir_model_constraint
           SET module = (SELECT id FROM ir_module_module WHERE name = %s)
         WHERE id IN %s
        """,
        [target, constraint_ids],
    )
    return moved


def _move(cr, source, target, models, field_ids, inherits_parents, records):
    """Move the records of ``models``, the fields ``field_ids``, the inheritances of
    ``inherits_parents`` and the named ``records`` from ``source`` to ``target``."""
    models = tuple(models) or ("",)
    inherits_parents = tuple(inherits_parents) or ("",)
    records = tuple(records) or ("",)
    cr.execute("SELECT id FROM ir_model WHERE model IN %s", [models])
    model_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    moved = {}
    moved["models"] = _move_xmlids(
        cr, source, target, "d.model = 'ir.model' AND d.res_id IN %s", model_ids
    )
    cr.execute(
        "SELECT id FROM ir_model_fields WHERE model_id IN %s OR id IN %s",
        [model_ids, field_ids],
    )
    all_field_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    moved["fields"] = _move_xmlids(
        cr,
        source,
        target,
        "d.model = 'ir.model.fields' AND d.res_id IN %s",
        all_field_ids,
    )
    moved["selections"] = _move_xmlids(
        cr,
        source,
        target,
        """d.model = 'ir.model.fields.selection' AND d.res_id IN (
               SELECT id FROM ir_model_fields_selection WHERE field_id IN %s)""",
        all_field_ids,
    )
    moved["inherits"] = _move_xmlids(
        cr,
        source,
        target,
        """d.model = 'ir.model.inherit' AND d.res_id IN (
               SELECT i.id FROM ir_model_inherit i JOIN ir_model p ON p.id = i.parent_id
                WHERE p.model IN %s)""",
        inherits_parents,
    )
    moved["access"] = _move_xmlids(
        cr,
        source,
        target,
        """d.model = 'ir.model.access' AND d.res_id IN (
               SELECT id FROM ir_model_access WHERE model_id IN %s)""",
        model_ids,
    )
    moved["records"] = _move_xmlids(
        cr,
        source,
        target,
        """d.model NOT IN ('ir.model', 'ir.model.fields', 'ir.model.fields.selection',
                           'ir.model.inherit', 'ir.model.access', 'ir.model.constraint')
           AND d.name IN %s""",
        records,
    )
    moved["constraints"] = _move_constraints(
        cr, source, target, model_ids, all_field_ids
    )
    _logger.info("retail books: %s → %s: %s", source, target, moved)
    return moved


def _mark_to_install(cr, name):
    cr.execute(
        """
        UPDATE ir_module_module SET state = 'to install'
         WHERE name = %s AND state IN ('uninstalled', 'to install')
        """,
        [name],
    )
    cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [name])
    row = cr.fetchone()
    if not row:
        # the module list was not updated (it is on -u): no such addon on this server
        raise RuntimeError(
            f"The addon {name} is missing from this server's addons path: it holds the "
            "books that retail_wholesale and retail_pos_ext held before, add it."
        )
    _logger.info("retail books: %s is %s", name, row[0])


def _installed(cr, name):
    cr.execute(
        """
        SELECT 1 FROM ir_module_module
         WHERE name = %s AND state IN ('installed', 'to upgrade', 'to install')
        """,
        [name],
    )
    return bool(cr.fetchone())


def split_books(cr):
    """Hand the books of retail_wholesale to retail_book and those of retail_pos_ext to
    retail_book_pos, and mark them to install. Runs once whichever addon comes first."""
    _mark_to_install(cr, "retail_book")
    _move(
        cr,
        "retail_wholesale",
        "retail_book",
        BOOK_MODELS,
        _field_ids(
            cr, SQL("model IN %s AND name IN %s", BOOK_FIELD_MODELS, BOOK_FIELDS)
        ),
        ("retail.book.line.mixin", "retail.book.document.mixin"),
        BOOK_RECORDS,
    )
    if _installed(cr, "retail_pos_ext"):
        _mark_to_install(cr, "retail_book_pos")
        condition = SQL(" OR ").join(
            SQL("(model = %s AND name IN %s)", model, names)
            for model, names in TILL_FIELDS.items()
        )
        _move(
            cr,
            "retail_pos_ext",
            "retail_book_pos",
            (),
            _field_ids(cr, condition),
            TILL_MIXINS,
            (),
        )


def migrate(cr, version):
    if not version:
        return
    split_books(cr)
