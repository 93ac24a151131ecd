"""18.0.1.3.0: the backups moved out of retail_wholesale into retail_backup.

Before this version's code is loaded, the backup's records change hands in
ir_model_data (the model, its fields and selection values, its access right, the list
view, action, menu, scheduled job and retention parameter), and retail_backup is marked
to install so that Odoo loads it in the same run: nothing is removed at the end of the
update, the backups made so far stay listed and the nightly job keeps running.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

RECORDS = (
    "model_retail_backup",
    "access_retail_backup_system",
    "retail_backup_view_list",
    "retail_backup_action",
    "retail_wholesale_menu_backups",
    "retail_backup_cron",
    "retail_backup_cron_ir_actions_server",
    "retail_backup_keep_param",
)


def migrate(cr, version):
    if not version:
        return
    backup = SQL(
        """
        module = 'retail_wholesale'
        AND (name IN %s
             OR starts_with(name, 'field_retail_backup__')
             OR starts_with(name, 'selection__retail_backup__'))
        """,
        RECORDS,
    )
    # a row retail_backup has already (an earlier partial upgrade) wins
    cr.execute(
        SQL(
            """
            DELETE FROM ir_model_data d WHERE %s
               AND EXISTS (SELECT 1 FROM ir_model_data t
                            WHERE t.module = 'retail_backup' AND t.name = d.name)
            """,
            backup,
        )
    )
    cr.execute(
        SQL("UPDATE ir_model_data SET module = 'retail_backup' WHERE %s", backup)
    )
    moved = cr.rowcount
    cr.execute(
        """
        UPDATE ir_module_module SET state = 'to install'
         WHERE name = 'retail_backup' AND state = 'uninstalled'
        """
    )
    cr.execute("SELECT state FROM ir_module_module WHERE name = 'retail_backup'")
    row = cr.fetchone()
    if not row:
        raise RuntimeError(
            "The addon retail_backup is missing from this server's addons path: it "
            "holds the backups retail_wholesale held before, add it."
        )
    _logger.info(
        "retail backups: %s records handed to retail_backup (%s)", moved, row[0]
    )
