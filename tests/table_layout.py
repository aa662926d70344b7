"""What a reader sees of a rich table's layout in rendered text: its lines, and whether its
columns stand straight (every line as wide as the others, every border at the same column),
measured in terminal cells so that double-width characters count twice."""

from __future__ import annotations

from rich.cells import cell_len

BOX = "┏┃┡│└┗╇┳┩┠┨┯┷━─"


def tables_in(lines: list[str]) -> list[list[str]]:
    """The lines of each table drawn in `lines`, from its top border to its bottom one."""
    tables: list[list[str]] = []
    for line in lines:
        if line[:1] in "┏┌":
            tables.append([])
        if tables and line[:1] in BOX:
            tables[-1].append(line)
    return tables


def assert_aligned(table: list[str], *, rows_only: bool = False) -> None:
    """Every line of `table` is equally wide, and each body line has its column borders where
    the header has them (`rows_only`: body lines that are not rows, such as rules, are skipped)."""
    assert len({cell_len(line.rstrip()) for line in table}) == 1, table
    header = table[1]
    borders = [cell_len(header[:i]) for i, char in enumerate(header) if char in "┃│"]
    for line in table[3:-1]:
        if rows_only and line[:1] != "│":
            continue
        assert [cell_len(line[:i]) for i, char in enumerate(line) if char == "│"] == borders, line
