"""Tables in and out: CSV and Excel (.xlsx) import with row-level errors, and export with
formula-injection neutralised. Every module's import/export goes through here.

Import reads the whole file, checks every row, and returns either all records or all errors
(row number as the user sees it in the file, 1 = the header, and the column), so nothing is ever
half-imported. Excel files are read with openpyxl in ``data_only`` mode (formulas are never
evaluated; their cached value is used) and defusedxml (no entity expansion).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import lazy_gettext as _l

from workplace_planner.i18n import current_language

MAX_ROWS = 5000
MAX_CELL_LENGTH = 5000
XLSX_MAGIC = b"PK\x03\x04"
# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str  # the header in files, stable across languages
    label: object  # shown to people (lazy string)
    parse: Callable[[object], object] = None  # raises ValueError(message); default: text
    required: bool = False
    example: str = ""
    description: object = ""
    export: Callable[[object], object] | None = None  # value as written in exports

    def read(self, raw):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise ValueError(str(_l("This column is required.")))
            return None
        return (self.parse or text())(raw)


@dataclass(frozen=True)
class RowError:
    row: int  # the row number in the file, as a spreadsheet program shows it
    column: str
    message: str


@dataclass
class ImportResult:
    records: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class TableFileError(ValueError):
    """The file as a whole cannot be read (type, encoding, size)."""


# ----------------------------------------------------------------------------- parsers
def text(max_length: int = 200):
    def parse(raw):
        value = str(raw).strip()
        if len(value) > max_length:
            raise ValueError(str(_l("At most %(n)d characters.", n=max_length)))
        return value

    return parse


def _number(raw) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError(str(_l("Enter a number.")))
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw))
    value = str(raw).strip().replace("€", "").replace("\u00a0", "").strip()
    try:
        return parse_decimal(value, locale=current_language(), strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        pass
    try:  # a plain machine number such as 1234.5 is fine in any language
        return Decimal(value)
    except InvalidOperation as error:
        raise ValueError(str(_l("Enter a number."))) from error


def integer(minimum: int | None = 0, maximum: int | None = 10_000_000):
    def parse(raw):
        number = _number(raw)
        if number != number.to_integral_value():
            raise ValueError(str(_l("Enter a whole number.")))
        value = int(number)
        if minimum is not None and value < minimum:
            raise ValueError(str(_l("Enter %(n)s or more.", n=minimum)))
        if maximum is not None and value > maximum:
            raise ValueError(str(_l("Enter %(n)s or less.", n=maximum)))
        return value

    return parse


def amount(minimum: Decimal | None = Decimal(0), maximum: Decimal = Decimal("1e12")):
    def parse(raw):
        number = _number(raw)
        if number != number.quantize(Decimal("0.01")):
            raise ValueError(str(_l("Enter an amount in whole cents, at most two decimals.")))
        if minimum is not None and number < minimum:
            raise ValueError(str(_l("Enter %(n)s or more.", n=minimum)))
        if number > maximum:
            raise ValueError(str(_l("The amount is too large.")))
        return number.quantize(Decimal("0.01"))

    return parse


def choice(options: Iterable[str]):
    allowed = {str(o).lower(): o for o in options}

    def parse(raw):
        value = str(raw).strip().lower()
        if value not in allowed:
            raise ValueError(
                str(_l("Choose one of: %(options)s.", options=", ".join(map(str, allowed))))
            )
        return allowed[value]

    return parse


def choices(options: Iterable[str], separator: str = ","):
    one = choice(options)

    def parse(raw):
        return [one(part) for part in str(raw).split(separator) if part.strip()]

    return parse


def iso_date(raw):
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError as error:
        raise ValueError(str(_l("Enter a date as YYYY-MM-DD, for example 2027-03-31."))) from error


# ----------------------------------------------------------------------------- reading
def _cell(value):
    if isinstance(value, str) and len(value) > MAX_CELL_LENGTH:
        raise TableFileError(str(_l("A cell is longer than %(n)d characters.", n=MAX_CELL_LENGTH)))
    return value


def _read_csv(data: bytes) -> list[list]:
    for encoding in ("utf-8-sig", "cp1252"):  # Excel in Dutch saves CSV as Windows-1252
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(content), delimiter=delimiter)
    return [[_cell(c) for c in row] for row in reader]


def _read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TableFileError(str(_l("This Excel file cannot be read."))) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(c) for c in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def read_table(data: bytes, filename: str) -> list[tuple[int, list]]:
    """The non-empty rows of a .csv or .xlsx file with their row numbers in the file; the first
    is the header."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        if not data.startswith(XLSX_MAGIC):
            raise TableFileError(str(_l("This is not an Excel (.xlsx) file.")))
        rows = _read_xlsx(data)
    elif name.endswith(".csv"):
        rows = _read_csv(data)
    else:
        raise TableFileError(str(_l("Upload a .csv or .xlsx file.")))
    rows = [
        (number, row)
        for number, row in enumerate(rows, start=1)
        if any(c is not None and str(c).strip() for c in row)
    ]
    if not rows:
        raise TableFileError(str(_l("The file is empty.")))
    if len(rows) > MAX_ROWS + 1:
        raise TableFileError(str(_l("At most %(n)d rows at a time.", n=MAX_ROWS)))
    return rows


def parse_table(rows: list[tuple[int, list]], columns: Sequence[Column]) -> ImportResult:
    """Check every row against the columns; all records, or all errors."""
    result = ImportResult()
    header_number, header_row = rows[0]
    header = [str(h).strip().lower() if h is not None else "" for h in header_row]
    known = {c.key: c for c in columns}
    for name in header:
        if name and name not in known:
            result.errors.append(RowError(header_number, name, str(_l("Unknown column."))))
    for column in columns:
        if column.required and column.key not in header:
            result.errors.append(
                RowError(header_number, column.key, str(_l("This column is missing.")))
            )
    if result.errors:
        return result
    positions = {name: i for i, name in enumerate(header) if name}
    for number, row in rows[1:]:
        record = {}
        for key, position in positions.items():
            raw = row[position] if position < len(row) else None
            try:
                record[key] = known[key].read(raw)
            except ValueError as error:
                result.errors.append(RowError(number, key, str(error)))
        result.records.append(record)
    if result.errors:
        result.records = []
    return result


# ----------------------------------------------------------------------------- writing
def neutralise(value):
    """Make a text cell inert in spreadsheet programs: a leading formula character gets an
    apostrophe in front, which Excel and LibreOffice show as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _export_value(column: Column, record: dict):
    value = record.get(column.key)
    if column.export is not None:
        value = column.export(value)
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value and current_language() == "nl" else str(value).lower()
    if isinstance(value, int | float | Decimal):
        text_value = str(value)
        return text_value.replace(".", ",") if current_language() == "nl" else text_value
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def write_csv(columns: Sequence[Column], records: Iterable[dict]) -> bytes:
    """UTF-8 with a byte-order mark and, in Dutch, ';' between cells: Excel opens it as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if current_language() == "nl" else ",")
    writer.writerow([c.key for c in columns])
    for record in records:
        writer.writerow([_csv_cell(_export_value(c, record)) for c in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(
    columns: Sequence[Column], records: Iterable[dict], sheet: str, with_explanation: bool = True
) -> bytes:
    """Numbers as numbers, text always as text (never a formula), a frozen header row, and a
    second sheet that explains every column."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False})
    bold = workbook.add_format({"bold": True, "bg_color": "#E8EEF6"})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "#,##0.00"})
    worksheet = workbook.add_worksheet(sheet[:31])
    for col, column in enumerate(columns):
        worksheet.write_string(0, col, column.key, bold)
        worksheet.set_column(col, col, max(12, min(40, len(column.key) + 4)))
    row = 0
    for row, record in enumerate(records, start=1):
        for col, column in enumerate(columns):
            value = _export_value(column, record)
            if value is None:
                continue
            if isinstance(value, bool):
                worksheet.write_boolean(row, col, value)
            elif isinstance(value, Decimal):
                worksheet.write_number(row, col, float(value), money)
            elif isinstance(value, int | float):
                worksheet.write_number(row, col, value)
            elif isinstance(value, date):
                worksheet.write_datetime(row, col, datetime(value.year, value.month, value.day),
                                         date_format)
            else:
                worksheet.write_string(row, col, neutralise(str(value)))
    worksheet.freeze_panes(1, 0)
    if with_explanation:
        explanation = workbook.add_worksheet(str(_l("Explanation"))[:31])
        explanation.write_string(0, 0, str(_l("Column")), bold)
        explanation.write_string(0, 1, str(_l("Meaning")), bold)
        explanation.write_string(0, 2, str(_l("Required")), bold)
        explanation.write_string(0, 3, str(_l("Example")), bold)
        explanation.set_column(0, 0, 24)
        explanation.set_column(1, 1, 60)
        explanation.set_column(3, 3, 24)
        for i, column in enumerate(columns, start=1):
            explanation.write_string(i, 0, column.key)
            meaning = str(column.label)
            if column.description:
                meaning += f": {column.description}"
            explanation.write_string(i, 1, neutralise(meaning))
            explanation.write_string(i, 2, str(_l("yes")) if column.required else "")
            explanation.write_string(i, 3, neutralise(column.example))
    workbook.close()
    return buffer.getvalue()


def template_records(columns: Sequence[Column]) -> list[dict]:
    """One example row for a downloadable template."""
    return [{c.key: c.example for c in columns}]
