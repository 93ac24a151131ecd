"""18.0.1.1.0: the statement lines have their 行次 and no longer count the stock interim
accounts (140201, 140202) in 存货.

The lines are ``noupdate`` data, copied to every company: each company's lines get their
row numbers, and the formulas still as the module shipped them are corrected (a formula
the accountant changed is left alone)."""

# (code, 行次) of the lines, the statement being read from the code's prefix
ROWS = [
    ("IS01", 1),
    ("IS02", 2),
    ("IS03", 3),
    ("IS04", 11),
    ("IS05", 14),
    ("IS06", 18),
    ("IS07", 20),
    ("IS08", 21),
    ("IS09", 22),
    ("IS10", 24),
    ("IS11", 30),
    ("IS12", 31),
    ("IS13", 32),
    ("BS01", 1),
    ("BS02", 2),
    ("BS03", 3),
    ("BS04", 4),
    ("BS05", 5),
    ("BS06", 6),
    ("BS07", 7),
    ("BS08", 8),
    ("BS09", 9),
    ("BS10", 14),
    ("BS11", 15),
    ("BS12", 16),
    ("BS13", 17),
    ("BS14", 20),
    ("BS15", 21),
    ("BS16", 22),
    ("BS17", 23),
    ("BS18", 24),
    ("BS19", 25),
    ("BS20", 26),
    ("BS21", 27),
    ("BS22", 28),
    ("BS23", 29),
    ("BS24", 30),
    ("BS25", 31),
    ("BS26", 32),
    ("BS27", 33),
    ("BS28", 34),
    ("BS29", 35),
    ("BS30", 36),
    ("BS31", 37),
    ("BS32", 38),
    ("BS33", 39),
    ("BS34", 40),
    ("BS35", 41),
    ("BS36", 42),
    ("BS37", 43),
    ("BS38", 44),
    ("BS39", 45),
    ("BS40", 46),
    ("BS41", 47),
    ("BS42", 48),
    ("BS43", 49),
    ("BS44", 50),
    ("BS45", 51),
    ("BS46", 52),
    ("BS47", 53),
    ("CF01", 1),
    ("CF02", 2),
    ("CF03", 3),
    ("CF04", 4),
    ("CF05", 5),
    ("CF06", 6),
    ("CF07", 7),
    ("CF08", 8),
    ("CF09", 10),
    ("CF10", 13),
    ("CF11", 14),
    ("CF12", 15),
    ("CF13", 18),
    ("CF14", 19),
    ("CF15", 20),
]

# code: (formula as shipped before, formula now)
FORMULAS = {
    "BS09": (
        "1401+1402+1403+1404+1405+1406+1407+1408+1411+1421+4001+4101+4401+4403",
        (
            "1401+1402-140201-140202+1403+1404+1405+1406+1407+1408+1411+1421+4001"
            "+4101+4401+4403"
        ),
    ),
    "IS02": ("5401+5402", "5401+5402+140201+140202"),
    "BS45": ("-(3103+3104+5)", "-(3103+3104+5+140201+140202)"),
}

STATEMENTS = {"IS": "income", "BS": "balance", "CF": "cash_flow"}


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE retail_statement_line AS line
           SET retail_row = row.retail_row
          FROM unnest(%s::varchar[], %s::varchar[], %s::int[])
               AS row(statement, code, retail_row)
         WHERE line.statement = row.statement
           AND line.code = row.code
           AND COALESCE(line.retail_row, 0) = 0
        """,
        [
            [STATEMENTS[code[:2]] for code, __ in ROWS],
            [code for code, __ in ROWS],
            [row for __, row in ROWS],
        ],
    )
    for code, (old, new) in FORMULAS.items():
        cr.execute(
            """
            UPDATE retail_statement_line
               SET formula = %s
             WHERE statement = %s AND code = %s AND formula = %s
            """,
            [new, STATEMENTS[code[:2]], code, old],
        )
