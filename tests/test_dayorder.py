"""One rule for day-first and month-first dates in numbers, whichever table holds them.

Until session 26 ACLED's reader and the column mapping each decided it their own way:
ACLED refused every such date of a column whose values said both orders, the mapping read
the evident ones; the mapping took ``25.07.2022``, ACLED refused it. Both now call
:mod:`dashboard.dayorder`, and the same column reads the same in both.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.dayorder import DAY_FIRST, MONTH_FIRST, DayOrder, match
from dashboard.importing import load_any_frame
from dashboard.mapping import EXAMPLES, ColumnMapping
from dashboard.problems import EventsFileError

ACLED_SLASHES = Path(__file__).parent / "data" / "formats" / "acled_excel_slashes.csv"


@pytest.mark.parametrize(
    "column,order,read",
    [
        # (column's values, the order it tells, each value's (day, month) or None: refused)
        (["25/07/2022", "03/08/2022"], DAY_FIRST, [(25, 7), (3, 8)]),
        (["07/25/2022", "08/03/2022"], MONTH_FIRST, [(25, 7), (3, 8)]),
        (["03/08/2022"], None, [None]),  # nothing tells
        (["05/05/2022"], None, [(5, 5)]),  # either order reads the same
        (["25/07/2022", "07/26/2022", "03/08/2022"], None, [(25, 7), (26, 7), None]),
        (["25.07.2022", "03.08.2022"], DAY_FIRST, [(25, 7), (3, 8)]),
        (["31-12-19", "01-02-20"], DAY_FIRST, [(31, 12), (1, 2)]),
        (["13/13/2022", "03/08/2022"], None, [(13, 13), None]),  # no date: tells nothing
    ],
)
def test_the_rule_reads_what_the_column_tells_and_nothing_else(column, order, read):
    told = DayOrder.of(column)
    assert told.order == order
    assert [told.day_and_month(match(value)) for value in column] == read


def test_the_evidence_of_chunks_adds_up_in_file_order():
    early, late = DayOrder.of(["03/08/2022"]), DayOrder.of(["07/25/2022", "26/07/2022"])
    assert early.order is None
    assert (early + late) == DayOrder("26/07/2022", "07/25/2022")
    assert (DayOrder.of(["30/01/2022"]) + late).day_example == "30/01/2022"


def test_what_is_not_the_shape_is_no_evidence():
    for text in ("2022-07-25", "25 July 2022", "25/07", "25/07-2022", "125/07/2022", ""):
        assert match(text) is None
    assert DayOrder.of(["2022-07-25", "25 July 2022"]) == DayOrder()


def _acled(dates: list[str], year: str = "2022") -> bytes:
    """The fictional ACLED sample's first records with ``dates`` as their event_date."""
    rows = list(csv.reader(io.StringIO(ACLED_SLASHES.read_text(encoding="utf-8"))))
    header, records = rows[0], rows[1 : len(dates) + 1]
    date, year_column, precision = (
        header.index(c) for c in ("event_date", "year", "time_precision")
    )
    for record, value in zip(records, dates, strict=True):
        record[date] = value
        record[year_column] = year
        record[precision] = "1"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *records])
    return out.getvalue().encode()


def _mapped(dates: list[str]) -> bytes:
    return ("title,when\n" + "".join(f"t{i},{v}\n" for i, v in enumerate(dates))).encode()


def _outcome(data: bytes, **kwargs) -> tuple[list[str], list[str]] | list[str]:
    """(start dates, notices) of a valid table, or its problems' rows and messages."""
    try:
        events, notices = load_any_frame(data, **kwargs)
    except EventsFileError as refused:
        return [f"row {p.row}: {p.message}" for p in refused.problems]
    return events["start_date"].dt.strftime("%Y-%m-%d").tolist(), notices


MAPPING = ColumnMapping.from_assignments(["when=when", "title=title"], ["event_type=visit"])

BOTH = "its values say both (25/07/2022 is day-first, 07/26/2022 month-first)"


@pytest.mark.parametrize(
    "dates,expected",
    [
        # Both orders in one column: each evident date read, with a notice; until session
        # 26 ACLED refused all of them ("both day-first and month-first dates occur").
        (
            ["25/07/2022", "07/26/2022"],
            (
                ["2022-07-25", "2022-07-26"],
                "{column} holds day-first dates (25/07/2022) and month-first ones "
                "(07/26/2022): each was read as its own numbers tell",
            ),
        ),
        # ... and the undecidable one refused by its row, saying why, the others read.
        (
            ["25/07/2022", "07/26/2022", "03/08/2022"],
            (
                4,
                "'03/08/2022'",
                "has its day and month in an order no value of the column tells; "
                f"{BOTH}; write it YYYY-MM-DD",
            ),
        ),
        # Dots, as a German locale saves: the mapping read them, ACLED refused them.
        (
            ["25.07.2022", "03.08.2022"],
            (
                ["2022-07-25", "2022-08-03"],
                "{column} read day-first (DD.MM.YYYY): values like 25.07.2022 say so.",
            ),
        ),
        # A day equal to its month reads the same in either order: both refused it.
        (["05/05/2022", "11/11/2022"], (["2022-05-05", "2022-11-11"], None)),
    ],
)
def test_acled_and_the_column_mapping_read_a_column_alike(dates, expected):
    acled, mapped = _outcome(_acled(dates)), _outcome(_mapped(dates), mapping=MAPPING)
    if isinstance(expected[0], int):  # refused: the row, the value, why
        row, value, why = expected
        assert acled == [f"row {row}: {value} {why}"]
        assert mapped == [
            f"row {row}: {value} is not a date or date range we can read ({why}); {EXAMPLES}"
        ]
        return
    starts, notice = expected
    assert acled[0] == mapped[0] == starts
    for (_, notices), column in ((acled, "event_date"), (mapped, "when")):
        if notice is None:
            assert not [n for n in notices if "first" in n]
        else:
            assert any(n.startswith(notice.format(column=column)) for n in notices), notices


def test_a_two_digit_year_is_widened_by_acled_and_refused_by_the_mapping():
    """ACLED's data begin in 1997, so ``31-12-19`` is 2019; a mapped table's century is
    unknown, so it is refused saying why (it said 'has no year')."""
    assert _outcome(_acled(["31-12-19"], year="2019"))[0] == ["2019-12-31"]
    assert _outcome(_mapped(["31-12-19"]), mapping=MAPPING) == [
        "row 2: '31-12-19' is not a date or date range we can read (has a two-digit year; "
        "write the year in full, e.g. YYYY-MM-DD); e.g. November 19, 2012; March 1909; "
        "January 29–February 7, 1909"
    ]


def test_the_ends_of_a_mapped_range_tell_the_column_s_order():
    """``01/11/2020 – 13/11/2020`` says day-first as ``13/11/2020`` alone does: until
    session 26 only a whole value told, and ``05/11/2020`` beside it was refused."""
    starts, notices = _outcome(_mapped(["01/11/2020 – 13/11/2020", "05/11/2020"]), mapping=MAPPING)
    assert starts == ["2020-11-01", "2020-11-05"]
    assert "when read day-first (DD/MM/YYYY): values like 13/11/2020 say so." in notices


def test_the_command_line_names_the_row_and_column_of_an_undecidable_date():
    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        handle.write(_acled(["25/07/2022", "07/26/2022", "03/08/2022"]))
        handle.flush()
        err = io.StringIO()
        assert main(["validate", handle.name], io.StringIO(), err) == 1
    assert "row 4, column event_date: '03/08/2022' has its day and month in an order" in (
        err.getvalue()
    )
