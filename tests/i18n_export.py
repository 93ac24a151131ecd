"""Regenerate or check each addon's ``i18n/<addon>.pot`` and ``i18n/zh_CN.po``.

    bin/retail i18n            export into a scratch database with the addons installed,
                               write the .pot, and merge it into zh_CN.po (existing
                               translations are kept, new terms come with an empty msgstr)
    bin/retail i18n --check DB compare what DB exports with the committed files: exits 1
                               when a .pot is stale or a zh_CN.po term is untranslated

Terms are exported with ``odoo-bin --i18n-export``, never written by hand.
"""

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from odoo_cli import ADDONS, ROOT, odoo_cmd


def odoo(*args):
    subprocess.run(odoo_cmd("--log-level=warn", "--stop-after-init", *args), check=True)


def export_pot(db, addon, target):
    odoo("-d", db, f"--i18n-export={target}", f"--modules={addon}")
    return polib.pofile(str(target))


def untranslated(po):
    return [e.msgid for e in po if not e.obsolete and not e.msgstr and not e.fuzzy]


GLOSSARY = ROOT / "i18n" / "glossary.csv"


def glossary_problems(addon, po):
    """Terms of ``i18n/glossary.csv`` translated otherwise: a label that is the term
    (case aside, a trailing colon aside) must read as the glossary says, and a text
    naming the term must not use a translation the glossary rules out."""
    with GLOSSARY.open(encoding="utf-8") as glossary:
        rows = list(csv.DictReader(glossary))
    problems = []
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        label = entry.msgid.strip().rstrip(":").casefold()
        text = entry.msgstr.strip().rstrip(":：")
        for row in rows:
            english = row["english"].casefold()
            if label == english and text != row["chinese"]:
                problems.append(
                    f"{addon}: {entry.msgid!r} reads {entry.msgstr!r}, the glossary "
                    f"says {row['chinese']!r}"
                )
            avoid = [word for word in row["avoid"].split("|") if word]
            if avoid and re.search(rf"\b{re.escape(english)}", entry.msgid.casefold()):
                problems += [
                    f"{addon}: {entry.msgid!r} reads {entry.msgstr!r}: the glossary "
                    f"says {row['chinese']!r}, not {word!r}"
                    for word in avoid
                    if word in entry.msgstr
                ]
    return problems


def check(db):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for addon in ADDONS:
            fresh = export_pot(db, addon, Path(tmp) / f"{addon}.pot")
            i18n = ROOT / "addons" / addon / "i18n"
            pot_path, po_path = i18n / f"{addon}.pot", i18n / "zh_CN.po"
            if not pot_path.exists() or not po_path.exists():
                problems.append(f"{addon}: missing {pot_path.name} or zh_CN.po")
                continue
            key = lambda e: (e.msgctxt, e.msgid)  # noqa: E731
            fresh_ids = {key(e) for e in fresh}
            committed = {key(e) for e in polib.pofile(str(pot_path))}
            po = polib.pofile(str(po_path))
            if fresh_ids != committed:
                missing = sorted(i[1] for i in fresh_ids - committed)[:5]
                problems.append(
                    f"{addon}: {pot_path.name} is stale (e.g. {missing}); run bin/retail i18n"
                )
            not_in_po = sorted(i[1] for i in fresh_ids - {key(e) for e in po})[:5]
            if not_in_po:
                problems.append(f"{addon}: zh_CN.po lacks {not_in_po}")
            problems += glossary_problems(addon, po)
            if todo := untranslated(po):
                problems.append(
                    f"{addon}: {len(todo)} untranslated in zh_CN.po, e.g. {todo[:5]}"
                )
    for problem in problems:
        print(f"[i18n] {problem}")
    return 1 if problems else 0


def regenerate():
    db = f"rw_i18n_{os.getpid()}"
    odoo(
        "-d", db, "-i", ",".join(ADDONS), "--without-demo=all", "--load-language=zh_CN"
    )
    try:
        for addon in ADDONS:
            i18n = ROOT / "addons" / addon / "i18n"
            i18n.mkdir(exist_ok=True)
            pot = export_pot(db, addon, i18n / f"{addon}.pot")
            po_path = i18n / "zh_CN.po"
            po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
            po.metadata = {
                **pot.metadata,
                "Language": "zh_CN",
                "Plural-Forms": "nplurals=1; plural=0;",
            }
            po.merge(pot)
            for entry in [e for e in po if e.obsolete]:
                po.remove(entry)
            po.save(str(po_path))
            print(
                f"[i18n] {addon}: {len(pot)} terms, {len(untranslated(po))} untranslated"
            )
    finally:
        subprocess.run(["dropdb", "--if-exists", db], check=False)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", metavar="DB", help="check against this database")
    args = parser.parse_args()
    return check(args.check) if args.check else regenerate()


if __name__ == "__main__":
    sys.exit(main())
