from urllib.parse import urlencode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# what a dealer may write in a dispute, per field: enough for a comment, never a flood
NOTE_LIMIT = 2000


class RetailOrderingPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "statement_count" in counters:
            Statement = request.env["retail.partner.statement"]
            values["statement_count"] = (
                Statement.search_count([]) if Statement.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/statements", "/my/statements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_statements(self, page=1, **kw):
        Statement = request.env["retail.partner.statement"]
        values = self._prepare_portal_layout_values()
        pager = portal_pager(
            url="/my/statements",
            total=Statement.search_count([]),
            page=page,
            step=self._items_per_page,
        )
        statements = Statement.search(
            [], limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_statements_history"] = statements.ids[:100]
        values.update(
            statements=statements,
            page_name="statement",
            pager=pager,
            default_url="/my/statements",
        )
        return request.render("retail_ordering.portal_my_statements", values)

    @http.route(
        ["/my/statements/<int:statement_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_statement_page(
        self, statement_id, report_type=None, access_token=None, download=False, **kw
    ):
        try:
            statement_sudo = self._document_check_access(
                "retail.partner.statement", statement_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=statement_sudo,
                report_type=report_type,
                report_ref="retail_reports.retail_partner_statement_pdf",
                download=download,
            )
        values = self._get_page_view_values(
            statement_sudo,
            access_token,
            {
                "statement": statement_sudo,
                "page_name": "statement",
                "can_answer": statement_sudo.state == "sent"
                and not request.env.user._is_public(),
                "message": kw.get("message"),
                "statement_error": request.session.pop("retail_statement_error", None)
                if kw.get("message") == "error"
                else None,
            },
            "my_statements_history",
            False,
        )
        return request.render("retail_ordering.portal_statement_page", values)

    @http.route(
        ["/my/statements/<int:statement_id>/xlsx"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_statement_xlsx(self, statement_id, access_token=None, **kw):
        try:
            statement_sudo = self._document_check_access(
                "retail.partner.statement", statement_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        content = statement_sudo._retail_xlsx()
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Length", len(content)),
                (
                    "Content-Disposition",
                    http.content_disposition(statement_sudo._retail_file_name("xlsx")),
                ),
            ],
        )

    def _retail_answerable_statement(self, statement_id):
        """The statement as the logged-in user may answer it (sudo, with that user
        as the author), or None when it is not theirs."""
        statement = request.env["retail.partner.statement"].browse(statement_id)
        try:
            statement.check_access("read")
        except (AccessError, MissingError):
            return None
        return statement.sudo()

    @http.route(
        ["/my/statements/<int:statement_id>/confirm"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_statement_confirm(self, statement_id, **kw):
        statement = self._retail_answerable_statement(statement_id)
        if statement is None:
            return request.redirect("/my")
        try:
            statement.retail_confirm()
        except UserError as error:
            request.session["retail_statement_error"] = error.args[0]
            return self._retail_statement_redirect(statement, "error")
        return self._retail_statement_redirect(statement, "confirmed")

    @http.route(
        ["/my/statements/<int:statement_id>/dispute"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_statement_dispute(self, statement_id, note="", **kw):
        statement = self._retail_answerable_statement(statement_id)
        if statement is None:
            return request.redirect("/my")
        line_notes = {}
        for line in statement.line_ids:
            text = kw.get(f"line_{line.id}")
            if text:
                line_notes[line] = text[:NOTE_LIMIT]
        try:
            statement.retail_dispute(note[:NOTE_LIMIT], line_notes)
        except UserError as error:
            request.session["retail_statement_error"] = error.args[0]
            return self._retail_statement_redirect(statement, "error")
        return self._retail_statement_redirect(statement, "disputed")

    def _retail_statement_redirect(self, statement, message):
        return request.redirect(
            f"{statement.access_url}?{urlencode({'message': message})}"
        )
