"""Real PDFs in tests: Odoo's test mode renders a report's HTML instead of its PDF;
these render the PDF with wkhtmltopdf, as users get it, and read its text back with
pdftotext (poppler-utils), so that a Chinese title or figure missing from the PDF (a
font without CJK glyphs, text drawn as outlines, a page cut off) fails the test."""

import re
import shutil
import subprocess
import tempfile
import unicodedata
from contextlib import contextmanager

from odoo.tests.common import HOST
from odoo.tools import config

# pdftotext reads a glyph back as the first code point the font maps to it: for some
# characters that is a CJK radical (⽉ for 月, ⻔ for 门). The Kangxi radicals fold
# by NFKC; the supplement's are listed.
_RADICALS = str.maketrans(
    {
        **{
            chr(code): unicodedata.normalize("NFKC", chr(code))
            for code in range(0x2F00, 0x2FD6)
        },
        "\u2ea0": "民",
        "\u2ec4": "西",
        "\u2ec5": "见",
        "\u2ec6": "角",
        "\u2ec9": "贝",
        "\u2ecb": "车",
        "\u2ed3": "长",
        "\u2ed4": "门",
        "\u2eda": "页",
        "\u2edb": "风",
        "\u2edc": "飞",
        "\u2ee2": "马",
        "\u2ee5": "鱼",
        "\u2ee6": "鸟",
        "\u2ee9": "黄",
        "\u2eec": "齐",
        "\u2eee": "齿",
        "\u2ef0": "龙",
        "\u200b": None,  # the zero-width space of a negative monetary (-​5.00)
        "\ufeff": None,
    }
)


@contextmanager
def _served(env):
    """wkhtmltopdf loads the report's style sheets from the test server (not from the
    database's web.base.url), without the session cookie a user's print carries: the
    server must find the test's database by itself (the only one its filter matches),
    and, outside an HttpCase, serve it the way
    HttpCase does (the registry in test mode, the requests on the test's cursor), else
    the server waits for the registry the test holds and wkhtmltopdf for the server."""
    registry = env.registry
    params = env["ir.config_parameter"].sudo()
    report_url = params.get_param("report.url")
    params.set_param("report.url", f"http://{HOST}:{config['http_port']}")
    dbfilter = config["dbfilter"]
    config["dbfilter"] = f"^{re.escape(env.cr.dbname)}$"
    entered = not registry.in_test_mode()
    if entered:
        registry.enter_test_mode(env.cr)
    try:
        yield
    finally:
        if entered:
            registry.leave_test_mode()
        config["dbfilter"] = dbfilter
        params.set_param("report.url", report_url)


def _render(env, report_ref, records, lang):
    with _served(env):
        pdf, report_format = (
            env["ir.actions.report"]
            .with_context(force_report_rendering=True, lang=lang)
            ._render_qweb_pdf(report_ref, records.ids)
        )
    if report_format != "pdf" or not pdf.startswith(b"%PDF"):
        raise AssertionError(f"{report_ref} did not render a PDF")
    return pdf


def pdf_text(env, report_ref, records, lang="zh_CN"):
    """The text of the PDF of ``report_ref`` for ``records``, laid out as printed.
    A PDF in Chinese must be set in the simplified cut of the CJK font, which also
    proves the report's style sheets reached wkhtmltopdf."""
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        raise AssertionError(
            "pdftotext is missing: install poppler-utils (bin/retail test does)."
        )
    pdf = _render(env, report_ref, records, lang)
    if lang.startswith("zh"):
        fonts = _fonts(pdf)
        cjk = {font for font in fonts if "CJK" in font}
        if not cjk or any("CJKsc" not in font for font in cjk):
            raise AssertionError(
                f"{report_ref} is not set in Noto Sans CJK SC: fonts {sorted(fonts)}"
            )
    text = subprocess.run(
        [pdftotext, "-layout", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return text.translate(_RADICALS)


def _fonts(pdf):
    """The names of the fonts embedded in ``pdf``, as pdffonts lists them."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        lines = subprocess.run(
            [shutil.which("pdffonts") or "pdffonts", file.name],
            capture_output=True,
            check=True,
        ).stdout.decode()
    return {line.split()[0] for line in lines.splitlines()[2:] if line.strip()}
