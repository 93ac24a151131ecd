from . import controllers
from . import models


def post_init_hook(env):
    """The companies set up before the members addon get their stored value card."""
    env["res.company"].search([])._retail_ensure_stored_value_program()
