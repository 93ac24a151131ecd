from odoo.tests import tagged

from odoo.addons.retail_reports.tests import test_retail_customer_analysis as base

from .common import PosSalesCommon


@tagged("post_install", "-at_install")
class TestPosCustomerAnalysis(PosSalesCommon, base.TestRetailCustomerAnalysis):
    """RFM, repurchase, new and returning customers and grades with the member's
    order at the till (3 days ago)."""


@tagged("post_install", "-at_install")
class TestPosCustomerAnalysisTour(PosSalesCommon, base.TestRetailCustomerAnalysisTour):
    pass
