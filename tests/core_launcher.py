"""Start an Odoo 18 server that runs every selected test once, with the full registry.

Odoo runs a module's ``at_install`` tests while it loads that module, before the modules
that depend on it: core's ``stock`` tests would then run without our addons' overrides.
This launcher takes the same arguments as ``odoo-bin`` (used on an installed database,
without ``-i``/``-u``) and changes test selection so that:

- nothing runs while the modules load;
- the post-install phase runs the selected ``at_install`` and ``post_install`` tests, once
  every installed module (ours included) is loaded.

``--core-part=plain`` keeps the tests that open no browser, ``--core-part=tours`` only the
browser tours (an ``HttpCase`` test whose method calls ``start_tour``, ``start_pos_tour``
or ``browser_js``), ``--core-part=all`` (the default) both. It is run by
``tests/run_core.py``.
"""

import os

os.environ["TZ"] = "UTC"  # as odoo-bin does, before anything reads the time zone

import inspect
import re
import sys
import time

import odoo

time.tzset()

BROWSER_CALL = re.compile(r"\b(?:start_tour|start_pos_tour|browser_js)\(")
PARTS = ("plain", "tours", "all")


def is_tour(test):
    """Whether a test drives a browser: an HttpCase test calling one of the tour helpers."""
    from odoo.tests.common import HttpCase

    if not isinstance(test, HttpCase):
        return False
    method = getattr(type(test), test._testMethodName)
    try:
        source = inspect.getsource(method)
    except (OSError, TypeError):
        return True  # unreadable: treat as a tour so that it runs where browsers do
    return bool(BROWSER_CALL.search(source))


def patch_test_selection(part):
    from odoo.tests import loader

    make_suite = loader.make_suite

    def make_suite_after_load(module_names, position="at_install"):
        if position == "at_install":
            return loader.OdooSuite([])
        suite = make_suite(module_names, "at_install,post_install")
        if part == "all":
            return suite
        return loader.OdooSuite(
            [test for test in suite if is_tour(test) == (part == "tours")]
        )

    loader.make_suite = make_suite_after_load


def main():
    part = "all"
    args = []
    for arg in sys.argv[1:]:
        if arg.startswith("--core-part="):
            part = arg.split("=", 1)[1]
        else:
            args.append(arg)
    if part not in PARTS:
        sys.exit(f"--core-part must be one of {', '.join(PARTS)}")
    config = odoo.tools.config
    parse_config = config.parse_config

    def parse_then_patch(*a, **kw):
        parse_config(*a, **kw)
        if config["init"] or config["update"]:
            sys.exit("run the core tests on an installed database, without -i or -u")
        patch_test_selection(part)

    config.parse_config = parse_then_patch
    sys.argv = [sys.argv[0], *args]
    odoo.cli.main()


if __name__ == "__main__":
    main()
