from . import report_pos_order
