"""18.0.1.2.0: the till's figures moved to the bridge ``retail_reports_pos``
(installed by itself with the reports and the till).

A database upgraded from an earlier version has the till (the reports depended on
it): the bridge is marked to be installed in this same update (an auto-installed
module is installed when a module it depends on is installed, not when one is
updated), and the records that moved to it take their xml ids along, so that they
are updated in place rather than deleted and created again: the POS analysis menu and
the ``pos`` value of the sales fact's source."""

MOVED = (
    "retail_reports_menu_pos_analysis",
    "selection__retail_sales_report__source__pos",
)
TILL_STATES = ("installed", "to upgrade", "to install")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "SELECT 1 FROM ir_module_module WHERE name = 'retail_pos_ext' AND state IN %s",
        [TILL_STATES],
    )
    if not cr.fetchone():
        return
    cr.execute(
        """
        UPDATE ir_module_module
           SET state = 'to install'
         WHERE name = 'retail_reports_pos' AND state = 'uninstalled'
        """
    )
    cr.execute(
        "SELECT 1 FROM ir_module_module WHERE name = 'retail_reports_pos' "
        "AND state IN %s",
        [TILL_STATES],
    )
    if not cr.fetchone():  # the bridge is not on the addons path
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'retail_reports_pos'
         WHERE module = 'retail_reports' AND name IN %s
        """,
        [MOVED],
    )
