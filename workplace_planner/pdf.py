"""HTML to tagged PDF (PDF/UA) with WeasyPrint. A report never fetches anything: its stylesheet
is read from the package and handed over, and every URL in the document is refused."""

from __future__ import annotations

from pathlib import Path

from flask import Response, current_app


def _refuse_every_url():
    from weasyprint.urls import URLFetcher, URLFetchingError

    class NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            raise URLFetchingError(f"a report loads nothing: {url}")

    return NoFetching()


def render_document(html: str, stylesheet: str = "print.css"):
    """The laid-out WeasyPrint document: ``len(document.pages)`` says how many pages it takes,
    ``document.write_pdf(pdf_variant="pdf/ua-1")`` makes the PDF without laying it out again."""
    from weasyprint import CSS, HTML

    css = Path(current_app.static_folder, stylesheet).read_text(encoding="utf-8")
    fetcher = _refuse_every_url()
    return HTML(string=html, url_fetcher=fetcher).render(
        stylesheets=[CSS(string=css, url_fetcher=fetcher)], pdf_variant="pdf/ua-1"
    )


def render_pdf(html: str, stylesheet: str = "print.css") -> bytes:
    return render_document(html, stylesheet).write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(html: str, filename: str, stylesheet: str = "print.css") -> Response:
    from workplace_planner.downloads import download

    return download(render_pdf(html, stylesheet), filename, inline=True)
