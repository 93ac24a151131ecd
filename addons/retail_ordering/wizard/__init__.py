from . import retail_portal_reject
