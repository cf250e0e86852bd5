"""Typed extra columns: declared in the registry, numbers on loading, bad values named."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import coltypes, formats
from dashboard.export import export_csv
from dashboard.importing import load_any, load_any_frame
from dashboard.problems import EventsFileError

HEAD = "event_id,start_date,end_date,date_precision,event_type,title"


def ours(*rows: str, extra: str) -> bytes:
    lines = [f"{HEAD},{extra}"]
    for i, row in enumerate(rows):
        lines.append(f"e{i},2022-08-03,2022-08-03,day,visit,Visit {i},{row}")
    return ("\n".join(lines) + "\n").encode()


def test_every_format_declares_only_known_types_and_names_agree():
    for entry in formats.REGISTRY:
        assert set(entry.column_types.values()) <= set(coltypes.KINDS), entry.name
    # Our table's rule is the union of the formats' declarations (one meaning per name).
    assert formats.OURS.column_types["fatalities"] == "int"
    assert formats.OURS.column_types["goldsteinscale"] == "float"
    assert formats.OURS.column_types["eventcode"] == "text"
    with pytest.raises(ValueError, match="declared both int and float"):
        coltypes.merged({"best": "int"}, {"BEST": "float"})


def test_our_csv_reads_declared_columns_as_numbers_and_others_as_text():
    frame, _ = load_any_frame(
        ours("3,-1.5,07", ",,", " 12 ,2.5e3,x", extra="fatalities,AvgTone,my_code")
    )
    assert str(frame["fatalities"].dtype) == "Int64"
    assert frame["fatalities"].tolist() == [3, pd.NA, 12]
    assert frame["AvgTone"].dtype == "float64"
    assert frame["AvgTone"].tolist()[::2] == [-1.5, 2500.0]
    assert pd.isna(frame["AvgTone"].iat[1])
    assert frame["my_code"].tolist() == ["07", "", "x"]  # undeclared: text as written


def test_a_pandas_style_whole_number_is_accepted():
    frame, _ = load_any_frame(ours("3.0", "4.", extra="fatalities"))
    assert frame["fatalities"].tolist() == [3, 4]


def test_bad_values_are_problems_naming_row_and_column_never_nan():
    data = ours("3", "about 20", "1.5", "nan", "99999999999999999999", extra="fatalities")
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(data)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(3, "fatalities"), (4, "fatalities"), (5, "fatalities"), (6, "fatalities")]
    assert "'about 20' is not a whole number; fatalities holds whole numbers" in str(
        caught.value.problems[0]
    )
    # A column the event table does not read: the values are left empty and said.
    frame, notices = load_any_frame(ours("1.5", "inf", "NaN", "0x1p3", extra="GoldsteinScale"))
    assert frame["GoldsteinScale"].iat[0] == 1.5 and frame["GoldsteinScale"][1:].isna().all()
    said = "rows 3–5, column GoldsteinScale, e.g. row 3, column GoldsteinScale: 'inf' is not a "
    assert said in _unread(notices)
    frame, notices = load_any_frame(ours("0x10", "+7", extra="NumMentions"))  # Arrow: 16
    assert frame["NumMentions"].isna().tolist() == [True, False]
    assert "row 2, column NumMentions: '0x10' is not a whole number" in _unread(notices)


def _unread(notices: list[str]) -> str:
    """The one notice of values left empty in columns the event table does not read."""
    (said,) = [n for n in notices if "in a column the event table does not read" in n]
    return said


def test_a_bad_value_in_a_column_nothing_reads_is_a_notice_not_a_refusal():
    """One malformed ACLED `timestamp` (a column no event column or view reads) refused
    the whole export, as a bad `fatalities` (which the views sum) does. Now it is left
    empty, named by row and column; every event is read; `fatalities` still refuses."""
    head = "event_id_cnty,event_date,time_precision,event_type,actor1,country,fatalities,timestamp"
    rows = [
        "MMR1,2022-08-01,1,Protests,Protesters,Myanmar,0,1661990400",
        "MMR2,2022-08-02,1,Protests,Protesters,Myanmar,5,2022-09-01 00:00",
        "MMR3,2022-08-03,1,Protests,Protesters,Myanmar,1,1661990401",
    ]
    frame, notices = load_any_frame("\n".join([head, *rows]).encode())
    assert frame["event_id"].tolist() == ["MMR1", "MMR2", "MMR3"]
    assert frame["timestamp"].tolist() == [1661990400, pd.NA, 1661990401]
    assert frame["fatalities"].tolist() == [0, 5, 1]
    assert _unread(notices) == (
        "1 value in a column the event table does not read is left empty, its row read all "
        "the same: row 3, column timestamp: '2022-09-01 00:00' is not a whole number; "
        "timestamp holds whole numbers (e.g. 12)."
    )
    bad_deaths = [*rows[:2], rows[2].replace(",1,1661990401", ",one,1661990401")]
    with pytest.raises(EventsFileError) as caught:
        load_any_frame("\n".join([head, *bad_deaths]).encode())
    assert [(p.row, p.column) for p in caught.value.problems] == [(4, "fatalities")]


def test_signs_and_spaces_are_read_in_both_paths():
    frame, _ = load_any_frame(ours("+7, -2.5 ", "007,+.5", extra="NumMentions,AvgTone"))
    assert frame["NumMentions"].tolist() == [7, 7]
    assert frame["AvgTone"].tolist() == [-2.5, 0.5]


def test_a_bad_acled_fatalities_value_names_the_acled_row():
    head = "event_id_cnty,event_date,time_precision,event_type,actor1,country,fatalities"
    rows = [f"MMR{i},2022-08-0{i},1,Protests,Protesters,Myanmar,{v}" for i, v in ((1, 0), (2, 5))]
    data = "\n".join([head, *rows, "MMR3,2022-08-03,1,Protests,Protesters,Myanmar,many"])
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(data.encode())
    assert [str(p) for p in caught.value.problems] == [
        "row 4, column fatalities: 'many' is not a whole number; fatalities holds whole "
        "numbers (e.g. 12)"
    ]


def test_export_writes_numbers_plainly_and_missing_as_empty():
    frame, _ = load_any_frame(ours("-3,-0.25", ",", extra="fatalities,AvgTone"))
    text = export_csv(frame).decode("utf-8-sig").splitlines()
    assert text[1].endswith(",-3,-0.25")  # a plain negative number is no formula: no apostrophe
    assert text[2].endswith(",,")


def test_the_table_searches_text_and_keeps_numbers():
    table, _ = load_any(ours("3", "", extra="fatalities"), actors_path=None)
    assert str(table.events["fatalities"].dtype) == "Int64"
    assert len(table.haystack()) == 2


def test_docs_list_every_numeric_column_of_every_format():
    from pathlib import Path

    text = (Path(__file__).parents[1] / "docs" / "formats.md").read_text(encoding="utf-8")
    for entry in formats.REGISTRY:
        if entry.column_types is formats.DECLARED_TYPES:
            continue  # ours and mapped: the union of the others
        for name, kind in entry.column_types.items():
            if kind != coltypes.TEXT:
                assert f"`{name}`" in text, (entry.name, name)
