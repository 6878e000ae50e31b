"""Files the app hands out: spreadsheets, CSV, JSON and PDF, with the right type and name."""

from __future__ import annotations

from flask import Response

from workplace_planner import tabular

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "pdf": "application/pdf",
}


def download(data: bytes, filename: str, inline: bool = False) -> Response:
    """A file response; ``inline`` lets the browser show it (PDF) instead of saving it."""
    kind = filename.rsplit(".", 1)[-1].lower()
    response = Response(data, mimetype=MIMETYPES[kind])
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def table_download(kind: str, columns, records, sheet: str, filename: str) -> Response:
    """Records as a CSV or Excel file (formula cells neutralised by ``tabular``)."""
    if kind == "csv":
        data = tabular.write_csv(columns, records)
    else:
        data = tabular.write_xlsx(columns, records, sheet)
    return download(data, f"{filename}.{kind}")
