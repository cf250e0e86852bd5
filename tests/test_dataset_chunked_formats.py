"""Converting ACLED and UCDP GED files in chunks: the same dataset, notices and problems.

``convert --to parquet-dataset`` reads an ACLED export or a UCDP GED CSV in chunks of
whole records, each through the format's own reader with what the whole file decides
(ACLED's order of slashed dates, surveyed over every chunk first). Here files made from
the committed samples (tests/data/acled_sample.csv, the UCDP GED 23.1 sample under
tests/data/real/) are cut into dozens of chunks of a few records and compared with the
same file loaded whole: the same rows, head, manifest answers and export bytes, the same
notices (counts over the whole file) and the same problems (rows as in the file).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_dataset_chunked import _chunk_of

from dashboard import cli
from dashboard.dataset import (
    ROW_COLUMN,
    WHOLE_FOLDER,
    WHOLE_LANES,
    chunked_format,
    csv_chunks,
    whole_lanes_file,
    write_dataset,
    write_dataset_in_chunks,
)
from dashboard.importing import load_any
from dashboard.problems import EventsFileError

DATA = Path(__file__).parent / "data"
ACLED_SAMPLE = DATA / "acled_sample.csv"
UCDP_SAMPLE = DATA / "real" / "ucdp_ged231_car_sample.csv"
#: A few records per chunk: every file below makes dozens of chunks.
TINY = 2_000


def _records(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        header, *rows = csv.reader(handle)
    return header, rows


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _acled_rows(copies: int = 30) -> tuple[list[str], list[list[str]]]:
    """The ACLED sample's 12 events repeated with new ids (quoted notes, line breaks,
    types outside our vocabulary in every chunk)."""
    header, rows = _records(ACLED_SAMPLE)
    ident = header.index("event_id_cnty")
    out = []
    for copy in range(copies):
        for row in rows:
            row = list(row)
            row[ident] = f"{row[ident]}-{copy}"
            out.append(row)
    return header, out


def _slashed(rows: list[list[str]], header: list[str], last: str) -> list[list[str]]:
    """Every date slashed with both numbers 12 or less (either order reads), but ``last``."""
    date, year = header.index("event_date"), header.index("year")
    out = []
    for i, row in enumerate(rows):
        row = list(row)
        row[date] = f"{i % 12 + 1:02d}/{(i * 5) % 12 + 1:02d}/2022"
        row[year] = "2022"
        out.append(row)
    out[-1][date] = last
    return out


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _both(path: Path, tmp_path: Path):
    """(whole dataset, its notices, chunked dataset, its notices) of ``path``."""
    table, notices = load_any(path)
    whole = write_dataset(table, tmp_path / "whole", head_rows=150)
    chunked, chunk_notices = write_dataset_in_chunks(
        path, tmp_path / "chunked", chunk_bytes=TINY, head_rows=150
    )
    return whole, notices, chunked, chunk_notices


def _table(path, sub=""):
    return pq.read_table(path / sub if sub else path).sort_by(ROW_COLUMN)


def _assert_same_dataset(whole, chunked):
    assert chunked.events == whole.events > 0
    assert _table(whole.path).equals(_table(chunked.path))
    assert _table(whole.path, "_head").equals(_table(chunked.path, "_head"))
    assert chunked.columns == whole.columns
    assert chunked.head_rows == whole.head_rows
    assert chunked.actor_countries == whole.actor_countries
    assert chunked.whole == whole.whole
    for name in (*(whole_lanes_file(lane) for lane in WHOLE_LANES), "cells.parquet"):
        kept = pq.read_table(chunked.path / WHOLE_FOLDER / name)
        assert kept.equals(pq.read_table(whole.path / WHOLE_FOLDER / name))


def _exports(tmp_path: Path, *sources: Path, engine: str = "duckdb") -> list[bytes]:
    outputs = []
    for source in sources:
        target = tmp_path / f"export-{len(outputs)}.csv"
        served = [] if source.is_file() else ["--engine", engine]
        argv = ["export", *served, "--events", str(source), "-o", str(target)]
        assert cli.main(argv) == cli.EXIT_OK
        outputs.append(target.read_bytes())
    return outputs


def _chunk_count(path: Path) -> int:
    return len(list(csv_chunks(path, TINY))) - 1


@pytest.fixture(scope="module")
def acled_file(tmp_path_factory):
    header, rows = _acled_rows()
    return _write(tmp_path_factory.mktemp("acled"), "acled.csv", _csv(header, rows))


def test_an_acled_export_converts_in_chunks_to_the_same_dataset(acled_file, tmp_path):
    assert chunked_format(acled_file).name == "acled"
    assert _chunk_count(acled_file) > 20
    whole, notices, chunked, chunk_notices = _both(acled_file, tmp_path)
    assert whole.events == 360
    _assert_same_dataset(whole, chunked)
    # Counted over the whole file, not per chunk: 360 events, 90 of them (3 of each
    # 12) with a type outside our vocabulary, the pairs listed once with their counts.
    assert chunk_notices == notices
    assert notices[0] == "Imported 360 ACLED events."
    assert notices[1].startswith("90 events have an ACLED type outside our vocabulary")
    exported = _exports(tmp_path, acled_file, whole.path, chunked.path)
    assert exported[0] == exported[1] == exported[2]


@pytest.mark.parametrize(
    "last, order",
    [("25/07/2022", "day-first (DD/MM/YYYY)"), ("07/25/2022", "month-first (MM/DD/YYYY)")],
)
def test_slashed_dates_are_read_in_the_order_a_row_of_the_last_chunk_shows(last, order, tmp_path):
    header, rows = _acled_rows()
    path = _write(tmp_path, "slashed.csv", _csv(header, _slashed(rows, header, last)))
    pieces = list(csv_chunks(path, TINY))
    assert len(pieces) > 20 and last.encode() in pieces[-1][0]  # only the last chunk tells
    whole, notices, chunked, chunk_notices = _both(path, tmp_path)
    _assert_same_dataset(whole, chunked)
    assert chunk_notices == notices
    assert f"event_date read {order}: values like {last} say so." in notices
    # Read in that order: 02/06/2022 (the second row) is 2 June day-first, 6 February
    # month-first.
    second = _table(chunked.path).slice(1, 1).column("start_date")[0].as_py().isoformat()
    assert second == ("2022-06-02" if order.startswith("day") else "2022-02-06")


def test_slashed_dates_of_both_orders_in_two_chunks_are_refused_as_a_whole_load_refuses(
    tmp_path,
):
    header, rows = _acled_rows()
    rows = _slashed(rows, header, "07/25/2022")
    rows[150][header.index("event_date")] = "25/07/2022"
    path = _write(tmp_path, "both.csv", _csv(header, rows))
    memory, chunked = _refusals(path, tmp_path)
    assert sorted(map(str, chunked)) == sorted(map(str, memory))
    # Since session 26 (dashboard.dayorder, the column mapping's rule): the two dates
    # that tell their order and those whose day equals their month are read, every
    # other refused, none guessed (until then all were refused).
    dates = [row[header.index("event_date")] for row in rows]
    undecidable = [d for d in dates if d not in ("07/25/2022", "25/07/2022") and d[:2] != d[3:5]]
    assert len(chunked) == len(undecidable) > 0
    assert all("its values say both (25/07/2022 is day-first" in p.message for p in chunked)


def _refusals(path, tmp_path):
    """(the whole file's problems, the chunked writer's) for the file at ``path``."""
    with pytest.raises(EventsFileError) as memory:
        load_any(path)
    target = tmp_path / "out"
    with pytest.raises(EventsFileError) as chunked:
        write_dataset_in_chunks(path, target, chunk_bytes=TINY)
    assert not target.exists()  # nothing half-written is left
    return memory.value.problems, chunked.value.problems


def test_acled_problems_name_the_rows_of_the_file(tmp_path):
    header, rows = _acled_rows()
    date, ident = header.index("event_date"), header.index("event_id_cnty")
    rows[300][date] = "2022-02-30"  # a late chunk, after quoted notes with line breaks
    rows[340][ident] = rows[4][ident]  # an id of the first chunks used again
    rows[201][ident] = rows[202][ident]  # and one within a chunk
    path = _write(tmp_path, "bad.csv", _csv(header, rows))
    memory, chunked = _refusals(path, tmp_path)
    assert sorted(map(str, chunked)) == sorted(map(str, memory))
    assert len(chunked) == 3
    bad = next(p for p in chunked if p.column == "event_date")
    assert bad.row > 300 + 2  # line breaks in quoted notes come before it
    across = next(p for p in chunked if rows[4][ident] in p.message)
    assert across.column == "event_id_cnty" and "first used on row 6" in across.message


@pytest.mark.parametrize(
    "late_column, late_value",
    [("event_date", "2022-02-30"), ("actor1", "")],  # ACLED's own step; our schema's
)
def test_a_later_steps_problem_named_chunked_only_is_one_the_whole_load_names_next(
    tmp_path, late_column, late_value
):
    # ACLED's file is checked in steps (its own columns, ours, the typed extras) and a
    # whole load stops at the first that fails; chunks that pass it are checked on. The
    # problems a chunked conversion names beyond the whole load's are exactly those the
    # whole load names once its own are fixed -- none that a fix would not meet. Within
    # one chunk it stops as the whole load does (the typed problem beside the bad one).
    header, rows = _acled_rows()
    columns = {c: header.index(c) for c in (late_column, "fatalities")}
    bad = [list(r) for r in rows]
    bad[300][columns[late_column]] = late_value
    bad[20][columns["fatalities"]] = "many"  # an early chunk, which passes the first steps
    bad[301][columns["fatalities"]] = "2.5"  # the bad row's chunk
    path = _write(tmp_path, "bad.csv", _csv(header, bad))
    assert _chunk_of(path, 20) < _chunk_of(path, 300) == _chunk_of(path, 301)
    memory, chunked = _refusals(path, tmp_path)
    assert [p.column for p in memory] == [late_column]
    bad[300] = rows[300]  # what the whole load named, fixed
    fixed = _write(tmp_path, "fixed.csv", _csv(header, bad))
    with pytest.raises(EventsFileError) as next_pass:
        load_any(fixed)
    assert [(p.row, p.column) for p in next_pass.value.problems] == [
        (23, "fatalities"),
        (next(p.row for p in memory) + 1, "fatalities"),
    ]
    assert chunked == sorted([*memory, next_pass.value.problems[0]], key=lambda p: p.row)


def test_an_acled_id_used_again_in_chunks_with_problems_of_their_own_is_named_as_a_whole_load(
    tmp_path,
):
    # The first use's chunk and the later uses' chunk each have a problem of their own
    # (so neither is staged): the later uses are named with the file's first row.
    header, rows = _acled_rows()
    date, ident, actor = (header.index(c) for c in ("event_date", "event_id_cnty", "actor1"))
    used = rows[4][ident]
    rows[4][actor] = ""
    rows[340][ident] = rows[341][ident] = used
    rows[340][date] = "2022-02-30"
    path = _write(tmp_path, "bad.csv", _csv(header, rows))
    assert _chunk_of(path, 4) < _chunk_of(path, 340) == _chunk_of(path, 341)
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    first = next(p.row for p in chunked if p.column == "actor1")
    named = [p for p in chunked if p.column == "event_id_cnty"]
    assert [p.message for p in named] == [f"duplicate id {used!r}, first used on row {first}"] * 2
    assert len(chunked) == 4


def test_a_gdelt_id_used_again_in_chunks_with_problems_of_their_own_is_named_as_a_whole_load(
    tmp_path,
):
    path = _gdelt(tmp_path)
    header, rows = _records(path)
    ident, day = header.index("GLOBALEVENTID"), header.index("SQLDATE")
    used = rows[1][ident]
    rows[1][day] = "2022-08-03"
    rows[250][ident] = rows[251][ident] = used
    rows[251][day] = "yesterday"
    path = _write(tmp_path, "gdelt-bad.csv", _csv(header, rows))
    assert _chunk_of(path, 1) < _chunk_of(path, 250) == _chunk_of(path, 251)
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    named = [p for p in chunked if p.column == "GLOBALEVENTID"]
    assert [p.row for p in named] == [252, 253]
    assert len(chunked) == 4


def _ucdp_hdx(tmp_path: Path, duplicate: bool = False) -> Path:
    """The UCDP GED 23.1 sample as HDX re-publishes it: a #hashtag row under the header."""
    header, rows = _records(UCDP_SAMPLE)
    hashtags = ["#" + name.replace("_", "+") for name in header]
    if duplicate:
        rows[-1][header.index("id")] = rows[0][header.index("id")]
    return _write(tmp_path, "ucdp_hdx.csv", _csv(header, [hashtags, *rows]))


@pytest.mark.parametrize("hdx", [False, True])
def test_a_ucdp_ged_file_converts_in_chunks_to_the_same_dataset(hdx, tmp_path):
    path = _ucdp_hdx(tmp_path) if hdx else UCDP_SAMPLE
    assert chunked_format(path).name == "ucdp"
    assert _chunk_count(path) > 20
    whole, notices, chunked, chunk_notices = _both(path, tmp_path)
    assert whole.events == 62
    _assert_same_dataset(whole, chunked)
    assert chunk_notices == notices
    assert notices[0] == "Imported 62 UCDP GED events."
    assert ("Skipped the HDX #hashtag row (row 2)." in notices) is hdx
    exported = _exports(tmp_path, path, whole.path, chunked.path)
    assert exported[0] == exported[1] == exported[2]


def test_a_ucdp_id_used_again_in_another_chunk_is_named_as_the_whole_load_names_it(tmp_path):
    memory, chunked = _refusals(_ucdp_hdx(tmp_path, duplicate=True), tmp_path)
    assert chunked == memory
    assert [(p.column, p.message) for p in chunked] == [
        ("id", "duplicate id '36210', first used on row 3")
    ]


def test_a_file_whose_first_column_may_be_a_row_index_is_converted_whole(tmp_path):
    # Whether a first unnamed column numbers the rows is seen over the whole column.
    header, rows = _acled_rows(2)
    path = _write(
        tmp_path,
        "indexed.csv",
        _csv(["", *header], [[str(i + 1), *row] for i, row in enumerate(rows)]),
    )
    assert chunked_format(path) is None
    out = tmp_path / "ds"
    argv = ["convert", str(path), "--to", "parquet-dataset", "-o", str(out)]
    assert cli.main(argv) == cli.EXIT_OK
    assert "" not in pq.read_table(out).column_names  # the index was dropped


def test_an_acled_monadic_export_is_converted_whole(tmp_path, monkeypatch):
    # The monadic export writes an event of two actors on two rows, joined into one event
    # when read (acled.join_monadic_rows); in chunks the two rows could fall in two chunks
    # and be refused as an id used twice. Its events are the whole load's.
    import dashboard.dataset as dataset

    monkeypatch.setattr(dataset, "CHUNK_BYTES", 700)  # two or three records a chunk
    monadic = DATA / "formats" / "acled_monadic.csv"
    assert chunked_format(monadic) is None
    assert chunked_format(ACLED_SAMPLE).name == "acled"  # the dyadic export still is
    out = tmp_path / "ds"
    argv = ["convert", str(monadic), "--to", "parquet-dataset", "-o", str(out)]
    assert cli.main(argv) == cli.EXIT_OK
    whole, _ = load_any(monadic)
    written = pq.read_table(out).to_pandas()
    assert sorted(written["event_id"]) == sorted(whole.events["event_id"])


def test_convert_reads_an_acled_export_in_chunks(acled_file, tmp_path, monkeypatch, capsys):
    import dashboard.dataset as dataset

    monkeypatch.setattr(dataset, "CHUNK_BYTES", TINY)
    calls = []
    real = dataset.csv_chunks
    monkeypatch.setattr(dataset, "csv_chunks", lambda *a: calls.append(a) or real(*a))
    out = tmp_path / "ds"
    argv = ["convert", str(acled_file), "--to", "parquet-dataset", "-o", str(out)]
    assert cli.main(argv) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert calls and "wrote 360 events" in err
    assert err.count("notice: Imported 360 ACLED events.") == 1


def _icews(tmp_path: Path, repeat: bool = False) -> Path:
    """The ICEWS sample's records (tab-separated) repeated with new Event IDs, some of
    their actors 'Unspecified Actor' (counted by a notice) in many chunks."""
    with open(DATA / "formats" / "icews_events.tab", encoding="utf-8", newline="") as handle:
        header, *rows = csv.reader(handle, delimiter="\t")
    ident, source = header.index("Event ID"), header.index("Source Name")
    out = []
    for copy in range(60):
        for i, row in enumerate(rows):
            row = list(row)
            row[ident] = str(31_000_000 + copy * 10 + i)
            if (copy + i) % 7 == 0:
                row[source] = "Unspecified Actor"
            out.append(row)
    if repeat:  # the first record again, on its day: a duplicate (on another day: not)
        out[-1], out[-2] = list(out[0]), list(out[0])
        out[-2][header.index("Event Date")] = "2022-09-01"
    text = io.StringIO()
    csv.writer(text, delimiter="\t", lineterminator="\n").writerows([header, *out])
    return _write(tmp_path, "icews.tab", text.getvalue().encode("utf-8"))


def test_an_icews_file_converts_in_chunks_to_the_same_dataset(tmp_path):
    path = _icews(tmp_path)
    assert chunked_format(path).name == "icews"
    assert _chunk_count(path) > 20
    whole, notices, chunked, chunk_notices = _both(path, tmp_path)
    assert whole.events == 240
    _assert_same_dataset(whole, chunked)
    assert chunk_notices == notices
    assert notices[0] == "Imported 240 ICEWS events."
    # 33 of the 240 sources (where copy + record is a multiple of 7), over many chunks.
    assert notices[1].startswith("33 source or target names 'Unspecified Actor'")
    exported = _exports(tmp_path, path, whole.path, chunked.path)
    assert exported[0] == exported[1] == exported[2]


def test_an_icews_record_repeated_in_another_chunk_is_named_as_the_whole_load_names_it(
    tmp_path,
):
    memory, chunked = _refusals(_icews(tmp_path, repeat=True), tmp_path)
    assert chunked == memory
    assert [(p.row, p.column, p.message) for p in chunked] == [
        (
            241,
            "Event ID",
            "duplicate record: Event ID '31000000' on '2022-08-03' again, first used on row 2",
        )
    ]


@pytest.mark.parametrize(
    "first_day, again_day",
    [
        ("yesterday", "yesterday"),
        ("3-Aug-2022", "3-Aug-2022"),
        ("2022/08/03", "2022/08/03"),
        ("2022-08-03", "20220803"),  # one key (our id keeps the digits), two tellings
        ("20220803", "2022-08-03"),
    ],
)
def test_an_icews_record_repeated_across_chunks_names_its_date_as_the_file_gives_it(
    tmp_path, first_day, again_day
):
    # The records are refused for their dates, in chunks far apart: the duplicate is
    # named over the whole file, with the repeating record's Event Date as written.
    path = _icews(tmp_path)
    with open(path, encoding="utf-8", newline="") as handle:
        header, *rows = csv.reader(handle, delimiter="\t")
    date = header.index("Event Date")
    rows[5][date] = first_day
    rows[-1] = list(rows[5])
    rows[-1][date] = again_day
    text = io.StringIO()
    csv.writer(text, delimiter="\t", lineterminator="\n").writerows([header, *rows])
    path.write_text(text.getvalue(), encoding="utf-8")
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    ident = rows[5][header.index("Event ID")]
    said = f"duplicate record: Event ID {ident!r} on {again_day!r} again, first used on row 7"
    assert [p.message for p in chunked if p.column == "Event ID"] == [said]


def _gdelt(tmp_path: Path, repeat: bool = False) -> Path:
    """The headered GDELT sample (a BigQuery export) repeated with new GLOBALEVENTIDs."""
    header, rows = _records(DATA / "formats" / "gdelt_bigquery.csv")
    ident = header.index("GLOBALEVENTID")
    out = []
    for copy in range(40):
        for i, row in enumerate(rows):
            row = list(row)
            row[ident] = str(500_000 + copy * 10 + i)
            out.append(row)
    if repeat:
        out[-1][ident] = out[1][ident]
    return _write(tmp_path, "gdelt.csv", _csv(header, out))


def test_a_gdelt_file_with_a_header_converts_in_chunks_to_the_same_dataset(tmp_path):
    path = _gdelt(tmp_path)
    assert chunked_format(path).name == "gdelt"
    assert _chunk_count(path) > 20
    whole, notices, chunked, chunk_notices = _both(path, tmp_path)
    assert whole.events == 40 * 7
    _assert_same_dataset(whole, chunked)
    assert chunk_notices == notices
    assert notices[0] == "Imported 280 GDELT events."
    exported = _exports(tmp_path, path, whole.path, chunked.path)
    assert exported[0] == exported[1] == exported[2]


def test_a_gdelt_id_used_again_in_another_chunk_is_named_as_the_whole_load_names_it(tmp_path):
    memory, chunked = _refusals(_gdelt(tmp_path, repeat=True), tmp_path)
    assert chunked == memory
    assert [(p.row, p.column, p.message) for p in chunked] == [
        (281, "GLOBALEVENTID", "duplicate id '500001', first used on row 3")
    ]


GDELT_REAL = DATA / "real" / "gdelt1_daily_and_backfile_sample.CSV"


def test_a_headerless_gdelt_file_mixing_back_file_rows_converts_in_chunks(tmp_path):
    # The real sample: 30 daily records (58 columns), then 20 of a back file (57): only
    # the later chunks hold back-file rows, and every one of them is padded as the whole
    # file pads them (their widths surveyed over the file first).
    pieces = list(csv_chunks(GDELT_REAL, TINY))
    assert len(pieces) > 8
    assert all(line.count(b"\t") == 56 for line in pieces[-1][0].splitlines())
    whole, notices, chunked, chunk_notices = _both(GDELT_REAL, tmp_path)
    assert whole.events == 50
    _assert_same_dataset(whole, chunked)
    assert chunk_notices == notices
    assert notices[0].startswith("20 records of a GDELT 1.0 back file (57 columns")
    assert notices[1] == "Imported 50 GDELT events."
    exported = _exports(tmp_path, GDELT_REAL, whole.path, chunked.path)
    assert exported[0] == exported[1] == exported[2]


def test_a_headerless_gdelt_file_names_its_rows_from_the_first_line(tmp_path):
    lines = GDELT_REAL.read_bytes().split(b"\n")
    first_id = lines[0].split(b"\t")[0]
    lines[45] = first_id + lines[45][lines[45].index(b"\t") :]  # a back-file row, far on
    lines[40] = lines[40].replace(b"\t", b"\tx", 1)  # its date 'x...' is no date
    path = _write(tmp_path, "gdelt.CSV", b"\n".join(lines))
    memory, chunked = _refusals(path, tmp_path)
    assert sorted(map(str, chunked)) == sorted(map(str, memory))
    assert (46, "GLOBALEVENTID") in [(p.row, p.column) for p in chunked]
    assert (41, "SQLDATE") in [(p.row, p.column) for p in chunked]
