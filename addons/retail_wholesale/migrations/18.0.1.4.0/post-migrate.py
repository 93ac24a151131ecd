"""18.0.1.4.0: members (会员等级) came as the addons retail_member and retail_member_pos,
installed by themselves with a new database. An existing one gets them in the same update:
they are marked to install here (with what they need, sale_loyalty among it), and Odoo
loads them before the update ends."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    module = env["ir.module.module"].search(
        [("name", "=", "retail_member"), ("state", "=", "uninstalled")]
    )
    if module:
        # retail_member_pos follows by itself where the till is installed
        module.button_install()
        _logger.info("retail members: retail_member marked to install")
