"""Excel workbooks as analysts and data sites write them (dashboard.containers).

The workbooks are written here with openpyxl, then altered as the real files were
(docs/formats.md "Real files checked").
"""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl

from dashboard.containers import read_xlsx_table


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _with_dimension(data: bytes, ref: str) -> bytes:
    """The workbook with its first sheet's ``<dimension ref=...>`` replaced by ``ref``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                stated = f'<dimension ref="{ref}"'.encode()
                body, n = re.subn(rb'<dimension ref="[^"]*"', stated, body)
                assert n == 1
            dst.writestr(item, body)
    return out.getvalue()


def test_a_sheet_whose_stated_size_is_one_cell_is_read_whole():
    """ACLED's own country-year workbook (2,698 rows, 3 columns) says its sheet is
    ``<dimension ref="A1"/>``; openpyxl's read-only mode trusts that, so only the
    header's first cell was read: a table of one column and no rows."""
    rows = [["country", "year", "events"]] + [[f"Land {i}", 2000 + i, i * 7] for i in range(40)]
    data = _with_dimension(_workbook(rows), "A1")
    table = read_xlsx_table(data)
    assert list(table.columns) == ["country", "year", "events"]
    assert len(table) == 40
    assert table.iloc[-1].tolist() == ["Land 39", "2039", "273"]
