def net_unit_price(line):
    """The unit price a line sells at after its discount: sale order lines and till
    lines both carry ``price_unit`` and ``discount`` (a percentage)."""
    return line.price_unit * (1 - (line.discount or 0.0) / 100.0)
