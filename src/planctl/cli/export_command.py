"""`planctl export`: a plan as flat tables in CSV, xlsx or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import LangOption
from planctl.i18n import N_, _

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

    from planctl.calc.tables import Table

TARGETS = ("csv", "xlsx", "json")
TABLE_NAMES = ("budget", "schedules", "regions", "indicators", "rates")
BOM = "\ufeff"

HELP = N_("""Export a plan as flat tables: budget (every line with its full path, level, amount as
printed and exactly in 元, projects, beneficiaries), schedules, regions, indicators and rates
(with the cost each implies). docs/export.md lists the columns.

csv: with -o FILE, one file per table next to FILE: -o out/luoyang.csv writes
out/luoyang-budget.csv, out/luoyang-schedules.csv, ...; with a single --table, FILE itself.
Files are UTF-8 with a byte-order mark, so Excel and WPS read the Chinese text. Without -o, the
tables go to stdout (UTF-8, no mark), each after a line `# NAME` and separated by a blank line;
a single --table prints a plain CSV.

xlsx: one sheet per table; needs -o. Exact base-unit amounts are written both as numbers and,
because spreadsheets keep only 15 significant digits, as text (the *_text columns).

json: {"plan", "file", "tables": {NAME: [row objects]}}; exact numbers are strings.

Files are replaced atomically: a reader never sees half a file, and the CSV files of a plan
are replaced together. A device or pipe (-o /dev/stdout) is written into, not replaced.

Examples:

  planctl export luoyang --to csv -o out/luoyang.csv

  planctl export luoyang --to xlsx -o luoyang.xlsx

  planctl export luoyang --to csv --table budget > budget.csv

  planctl export luoyang --to json | jq '.tables.budget[0]'

Exit codes: 0 written, 1 the plan is not valid (its findings are printed), 2 usage error.
""")


def export(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help=_("A plan file, or a name under plans/."))
    ],
    to: Annotated[str, typer.Option("--to", "-t", help=_("csv, xlsx or json."))],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=_("The file to write (see above)."))
    ] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option("--table", help=f"Only this table ({', '.join(TABLE_NAMES)}); repeatable."),
    ] = None,
    lang: LangOption = None,
) -> None:
    from planctl.atomic import missing_directory, write_all_atomic
    from planctl.calc.tables import plan_tables
    from planctl.cli.plan_input import open_plan

    if to not in TARGETS:
        raise typer.BadParameter(
            _("choose one of {choices}").format(choices=", ".join(TARGETS)), param_hint="--to"
        )
    for name in tables or []:
        if name not in TABLE_NAMES:
            raise typer.BadParameter(
                _("no table '{name}'; the tables are {choices}").format(
                    name=name, choices=", ".join(TABLE_NAMES)
                ),
                param_hint="--table",
            )
    if to == "xlsx" and output is None:
        raise typer.BadParameter(
            _("xlsx is a binary file: give -o FILE.xlsx"), param_hint="--output"
        )
    result = open_plan(plan)
    assert result.plan is not None
    assert result.derived is not None
    missing = missing_directory(output) if output is not None else None
    if missing is not None:
        raise typer.BadParameter(
            _("cannot write {output}: the directory {missing} does not exist").format(
                output=output, missing=missing
            ),
            param_hint="--output",
        )
    every = plan_tables(result.plan, result.derived.index)
    chosen = [table for table in every if not tables or table.name in tables]
    try:
        if to == "xlsx":
            assert output is not None
            _refuse_inputs([output], result.file)
            write_xlsx(chosen, output)
        else:
            if to == "csv":
                files = _csv(chosen, output)
            else:
                files = _json(result.plan.plan.title, result.file, chosen, output)
            _refuse_inputs(list(files), result.file)
            write_all_atomic(files)
            for written in files:
                _wrote(written)
    except OSError as error:
        raise typer.BadParameter(
            _("cannot write {file}: {reason}").format(
                file=error.filename or output, reason=error.strerror or error
            ),
            param_hint="--output",
        ) from None


export.__doc__ = _(HELP)


def _wrote(path: str) -> None:
    """Say on stderr which file was written, so a user sees every file a run made."""
    typer.echo(_("wrote {path}").format(path=path), err=True)


def _refuse_inputs(outputs: list[str], plan_file: str) -> None:
    """A usage error when an output file is the plan itself (or another plan)."""
    from planctl.overwrite import OverwriteError, refuse_inputs

    try:
        refuse_inputs(outputs, [plan_file])
    except OverwriteError as error:
        raise typer.BadParameter(error.message, param_hint="--output") from None


def _cell_text(value: object) -> str:
    from decimal import Decimal

    from planctl.quantity import format_decimal

    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    return str(value)


# A cell starting with one of these is a formula to Excel, WPS and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell as CSV text; plan text that a spreadsheet would run as a formula (`=1+1`, `-5%`)
    gets a leading `'`, as spreadsheet tools expect. Numbers are written as they are."""
    text = _cell_text(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_text(table: Table) -> str:
    """One table as CSV text (header first, `\\r\\n` line ends as RFC 4180 has them)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


def _csv(tables: list[Table], output: str | None) -> dict[str, str]:
    """The files to write (one per table beside `output`); printed instead without `output`."""
    if output is None:
        if len(tables) == 1:
            typer.echo(csv_text(tables[0]), nl=False)
            return {}
        parts = [f"# {table.name}\r\n{csv_text(table)}" for table in tables]
        typer.echo("\r\n".join(parts), nl=False)
        return {}
    target = Path(output)
    if len(tables) == 1:
        return {output: BOM + csv_text(tables[0])}
    stem = target.name.removesuffix(target.suffix) if target.suffix else target.name
    return {
        str(target.with_name(f"{stem}-{table.name}.csv")): BOM + csv_text(table) for table in tables
    }


def _json(title: str, file: str, tables: list[Table], output: str | None) -> dict[str, str]:
    """The file to write; printed instead without `output`."""
    import json
    from decimal import Decimal

    from planctl.quantity import format_decimal

    def cell(value: object) -> object:
        return format_decimal(value) if isinstance(value, Decimal) else value

    data = {
        "plan": title,
        "file": file,
        "tables": {
            table.name: [
                {column: cell(value) for column, value in zip(table.columns, row, strict=True)}
                for row in table.rows
            ]
            for table in tables
        },
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return {}
    return {output: text}


def write_xlsx(tables: list[Table], output: str) -> None:
    """One sheet per table, written to a temporary file beside `output` and renamed over it."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from planctl.atomic import replacing

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(table.rows, start=2):
            for place, value in enumerate(row, start=1):
                _xlsx_cell(sheet.cell(row=number, column=place), value)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            longest = max([len(column), *(len(_cell_text(row[index - 1])) for row in table.rows)])
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = min(60, max(8, longest * 1.6))
    with replacing(output) as temporary:
        book.save(temporary)
    _wrote(output)


def _xlsx_cell(cell: Cell, value: object) -> None:
    """Text as a text cell (format `@`, never a formula, even `=1+1`); a number with a format
    that shows every printed decimal and no exponent (`0.0000` for 31.0975)."""
    from decimal import Decimal

    if value is None:
        return
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        cell.value = value
        exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        cell.number_format = "0." + "0" * decimals if decimals else "0"
        return
    cell.value = str(value)
    cell.data_type = "s"  # openpyxl reads text starting with `=` as a formula
    cell.number_format = "@"
    cell.quotePrefix = True
