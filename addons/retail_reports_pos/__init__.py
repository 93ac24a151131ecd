from . import report


def uninstall_hook(env):
    """The sales fact's history is rebuilt without the tills' branch: its source
    view keeps the query it was created with, and its refresh would bring the
    tills' lines back into the reports."""
    env["retail.sales.report"].with_context(retail_reports_pos_uninstall=True).init()
