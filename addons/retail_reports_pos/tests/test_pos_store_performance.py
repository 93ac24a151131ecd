from odoo.tests import tagged

from odoo.addons.retail_reports.tests import test_retail_store_performance as base

from .common import PosSalesCommon


@tagged("post_install", "-at_install")
class TestPosStorePerformance(PosSalesCommon, base.TestRetailStorePerformance):
    """The store's 24 at the till count in its sales, margin and transactions."""


@tagged("post_install", "-at_install")
class TestPosStoreTargetTour(PosSalesCommon, base.TestRetailStoreTargetTour):
    pass
