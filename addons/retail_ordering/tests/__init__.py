from . import test_portal_statement
from . import test_ordering
from . import test_payment_report
from . import test_catalogue_offers
