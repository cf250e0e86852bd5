"""Writing a dataset in chunks: the same dataset as from memory, the loader's messages.

``convert --to parquet-dataset`` reads a CSV in our schema in chunks of whole records
(:func:`dashboard.dataset.write_dataset_in_chunks`), so a table larger than memory can
be written. Here a 400-event table is cut into chunks of a few events (a tiny chunk
size) and compared with the dataset written from the table loaded whole: the same rows,
the same manifest answers, the same export bytes; and a bad file is refused with exactly
the problems the in-memory loader names, rows counted over the whole file.
"""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq
import pytest
from conftest import ACTORS, csv_bytes, csv_text
from test_engines import ROWS

from dashboard import cli
from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import (
    MANIFEST,
    ROW_COLUMN,
    WHOLE_FOLDER,
    WHOLE_LANES,
    csv_chunks,
    read_info,
    whole_lanes_file,
    write_dataset,
    write_dataset_in_chunks,
)
from dashboard.importing import load_any
from dashboard.problems import EventsFileError

#: A few events per chunk: the 400 events make dozens of chunks.
TINY = 2_000


def _rows_with_line_breaks() -> list[dict[str, str]]:
    """The parity table, some descriptions quoted over several lines (rows != records)."""
    rows = [dict(row) for row in ROWS]
    for i in range(5, len(rows), 37):
        rows[i]["description"] = f'said "yes",\nthen left\r\n(line {i})'
    return rows


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chunked")
    (folder / "events.csv").write_bytes(csv_bytes(_rows_with_line_breaks()))
    (folder / "actors.csv").write_text(csv_text(ACTORS, columns=ACTOR_COLUMNS), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def both(source):
    """(dataset from the table loaded whole, dataset written in tiny chunks)."""
    actors = source / "actors.csv"
    table, _ = load_any(source / "events.csv", actors_path=actors)
    whole = write_dataset(table, source / "whole", head_rows=150)
    chunked, _ = write_dataset_in_chunks(
        source / "events.csv",
        source / "chunked",
        actors_path=actors,
        chunk_bytes=TINY,
        head_rows=150,
    )
    return whole, chunked


def _table(path, sub=""):
    return pq.read_table(path / sub if sub else path).sort_by(ROW_COLUMN)


def test_the_file_is_cut_into_whole_records(source):
    data = (source / "events.csv").read_bytes()
    pieces = list(csv_chunks(source / "events.csv", TINY))
    header, chunks = pieces[0], pieces[1:]
    assert len(chunks) > 20
    assert header + b"".join(chunk for chunk, _, _ in chunks) == data
    for chunk, line, offset in chunks:
        assert data[offset : offset + len(chunk)] == chunk
        assert data[:offset].count(b"\n") + 1 == line
        assert chunk.count(b'"') % 2 == 0  # no quoted value is cut


def test_chunks_write_the_same_rows_as_the_whole_table(both):
    whole, chunked = both
    a = _table(whole.path)
    b = _table(chunked.path)
    assert a.num_rows == b.num_rows == len(ROWS)
    assert a.schema.names == b.schema.names
    assert a.equals(b)
    assert _table(whole.path, "_head").equals(_table(chunked.path, "_head"))
    # The same layout: one file per month, sorted by date.
    files = sorted(p.relative_to(whole.path) for p in whole.path.rglob("part-*.parquet"))
    assert files == sorted(
        p.relative_to(chunked.path) for p in chunked.path.rglob("part-*.parquet")
    )


def test_chunks_give_the_same_manifest_answers(both):
    whole, chunked = both
    assert chunked.events == whole.events == len(ROWS)
    assert chunked.columns == whole.columns
    assert chunked.head_rows == whole.head_rows == 150
    assert chunked.actor_countries == whole.actor_countries
    assert chunked.whole == whole.whole
    assert {"summary", "network", "vocabulary"} <= set(chunked.whole)
    lanes = [whole_lanes_file(lane) for lane in WHOLE_LANES]
    for name in (*lanes, "cells.parquet"):
        kept = pq.read_table(chunked.path / WHOLE_FOLDER / name)
        assert kept.num_rows > 0
        assert kept.equals(pq.read_table(whole.path / WHOLE_FOLDER / name))


def test_chunks_export_the_same_bytes(both, source, tmp_path):
    whole, chunked = both
    outputs = []
    for dataset in (source / "events.csv", whole.path, chunked.path):
        target = tmp_path / f"{len(outputs)}.csv"
        engine = [] if dataset.suffix == ".csv" else ["--engine", "duckdb"]
        argv = ["export", *engine, "--events", str(dataset), "-o", str(target)]
        assert cli.main(argv) == cli.EXIT_OK
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b"\r\n") > len(ROWS)


def _refusals(path, tmp_path, **options):
    """(the in-memory loader's problems, the chunked writer's) for the file at ``path``."""
    with pytest.raises(EventsFileError) as memory:
        load_any(path)
    target = tmp_path / "out"
    with pytest.raises(EventsFileError) as chunked:
        write_dataset_in_chunks(path, target, chunk_bytes=TINY, **options)
    assert not target.exists()  # nothing half-written is left
    return memory.value.problems, chunked.value.problems


def test_a_bad_row_in_the_third_chunk_is_named_by_its_file_row(source, tmp_path):
    rows = _rows_with_line_breaks()
    data = csv_bytes(rows)
    pieces = list(csv_chunks(source / "events.csv", TINY))
    third = pieces[3][1]  # the file row where the third chunk starts
    lines = data.decode().split("\n")
    assert lines[third - 1].startswith("e")  # a record starts on that line
    bad_id = lines[third - 1].split(",")[0]
    index = next(i for i, row in enumerate(rows) if row["event_id"] == bad_id)
    rows[index]["start_date"] = "2022-02-30"
    rows[len(rows) - 3]["end_date"] = "soon"
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows))
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    assert chunked[0].row == third
    assert chunked[0].row > index + 2  # line breaks in quoted values come before it
    assert "'2022-02-30' is not a real date" in chunked[0].message


def test_a_duplicate_id_in_another_chunk_names_both_rows(tmp_path):
    rows = _rows_with_line_breaks()
    rows[300]["event_id"] = rows[10]["event_id"]
    rows[350]["event_id"] = rows[349]["event_id"]  # and one within a chunk
    path = tmp_path / "dup.csv"
    path.write_bytes(csv_bytes(rows))
    memory, chunked = _refusals(path, tmp_path)
    assert sorted(map(str, chunked)) == sorted(map(str, memory))
    assert len(chunked) == 2
    assert any("first used on row" in p.message for p in chunked)


def _chunk_of(path, record: int, delimiter: str = ",") -> int:
    """The chunk (0: the first after the header) holding the file's ``record``-th record."""
    seen = 0
    for index, (chunk, _, _) in enumerate(list(csv_chunks(path, TINY))[1:]):
        text = io.StringIO(chunk.decode(), newline="")
        seen += len(list(csv.reader(text, delimiter=delimiter)))
        if record < seen:
            return index
    raise AssertionError(f"no record {record}")


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_an_id_used_again_in_chunks_with_problems_of_their_own_is_named_as_a_whole_load_names_it(
    tmp_path, delimiter
):
    # An id of an early chunk used twice more in a late one; both chunks have other
    # problems (so neither is staged): the whole load names each later use with the
    # first row of the file, and so must the chunked conversion (one pass of fixes).
    rows = _rows_with_line_breaks()
    used = rows[10]["event_id"]
    rows[300]["event_id"] = rows[301]["event_id"] = used
    rows[10]["start_date"] = "2022-02-30"  # the first use's chunk has a problem
    rows[300]["end_date"] = "soon"  # and so has the later uses' chunk
    path = tmp_path / "dup.csv"
    path.write_bytes(csv_bytes(rows, delimiter=delimiter))
    chunk_of = [_chunk_of(path, record, delimiter) for record in (10, 300, 301)]
    assert chunk_of[0] < chunk_of[1] == chunk_of[2]
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    named = [p for p in chunked if p.column == "event_id"]
    first = next(p.row for p in chunked if p.column == "start_date")  # rows[10]
    assert len(named) == 2 and len(chunked) == 4
    assert all(p.message == f"duplicate id {used!r}, first used on row {first}" for p in named)


def test_a_record_of_the_wrong_width_stops_the_check_where_a_whole_load_stops(tmp_path):
    # A whole load names the records of the wrong width and nothing of the later checks
    # (dates, ids): the chunked conversion names the same, whichever chunks they are in.
    rows = _rows_with_line_breaks()
    rows[300]["start_date"] = "2022-02-30"
    rows[350]["event_id"] = rows[10]["event_id"]
    lines = csv_bytes(rows).split(b"\n")
    lines[20] += b",one too many"
    path = tmp_path / "wide.csv"
    path.write_bytes(b"\n".join(lines))
    assert _chunk_of(path, 18) < _chunk_of(path, 300) < _chunk_of(path, 350)
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    assert [(p.row, p.column) for p in chunked] == [(21, None)]


def test_file_level_problems_are_the_loaders(tmp_path):
    # A column named twice: the header's problem, said once (not once per chunk).
    header, rest = csv_bytes(ROWS).split(b"\n", 1)
    path = tmp_path / "twice.csv"
    path.write_bytes(header.rsplit(b",", 1)[0] + b",title\n" + rest)
    memory, chunked = _refusals(path, tmp_path)
    assert chunked == memory
    assert [p.row for p in chunked] == [1]


def test_a_file_of_one_chunk_writes_the_whole_loads_month_files_byte_for_byte(source, tmp_path):
    # Each month is staged by the one chunk, sorted and laid out as write_dataset lays
    # it out: it is moved into place, not read and written again (a second write of
    # every row, the largest step a whole load does not take).
    actors = source / "actors.csv"
    table, _ = load_any(source / "events.csv", actors_path=actors)
    whole = write_dataset(table, tmp_path / "whole").path
    chunked, _ = write_dataset_in_chunks(
        source / "events.csv", tmp_path / "one", actors_path=actors
    )
    months = sorted(p.relative_to(whole) for p in whole.glob("start_year=*/start_month=*/*"))
    assert len(months) > 10
    assert months == sorted(
        p.relative_to(chunked.path) for p in chunked.path.glob("start_year=*/start_month=*/*")
    )
    for month in months:
        assert (chunked.path / month).read_bytes() == (whole / month).read_bytes(), month


def test_a_header_alone_is_an_empty_dataset(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(csv_bytes(ROWS[:1]).split(b"\n")[0] + b"\n")
    info, _ = write_dataset_in_chunks(path, tmp_path / "ds", chunk_bytes=TINY)
    assert info.events == 0 and "event_id" in info.columns
    assert (tmp_path / "ds" / MANIFEST).is_file()


def test_a_file_of_cr_line_ends_loses_no_event(tmp_path):
    # No line feed: the whole file is one piece, read whole by the loader (which takes
    # a CR alone as a line end), never an empty dataset.
    path = tmp_path / "mac.csv"
    path.write_bytes(csv_bytes(ROWS[:30], line_end="\r"))
    info, _ = write_dataset_in_chunks(path, tmp_path / "ds", chunk_bytes=TINY)
    assert info.events == 30


def test_convert_reads_our_csv_in_chunks(source, tmp_path, monkeypatch, capsys):
    # The command line's convert goes through the chunked writer (a tiny chunk size
    # here): the dataset it writes answers as the one written from memory.
    import dashboard.dataset as dataset

    monkeypatch.setattr(dataset, "CHUNK_BYTES", TINY)
    calls = []
    real = dataset.csv_chunks
    monkeypatch.setattr(dataset, "csv_chunks", lambda *a: calls.append(a) or real(*a))
    monkeypatch.setenv("ACTORS_PATH", str(source / "actors.csv"))
    out = tmp_path / "ds"
    argv = ["convert", str(source / "events.csv"), "--to", "parquet-dataset", "-o", str(out)]
    assert cli.main(argv) == cli.EXIT_OK
    assert calls and read_info(out).events == len(ROWS)
    assert "wrote 400 events" in capsys.readouterr().err


def test_the_kept_cells_are_the_ones_the_map_page_asks_for():
    from dashboard.dataset import WHOLE_CELL_DEGREES
    from dashboard.geomap import CELL_DEGREES

    assert CELL_DEGREES[0] == WHOLE_CELL_DEGREES


def test_columns_with_no_name_are_the_same_in_every_chunk_as_in_the_whole_load(tmp_path):
    """A CSV with a column of no name (values only in a late chunk) and a trailing comma on
    every line was refused ('column name is empty'); read now, every chunk must keep the
    same columns as the whole file (a chunk without a value there keeps it all the same),
    and the notices name the file's rows as a whole load names them."""
    rows = _rows_with_line_breaks()
    for row in rows:
        row["ASIDE"], row["TRAIL"] = "", ""
    rows[390]["ASIDE"] = "typed beside the table"
    text = csv_text(rows)  # the first row's keys: ASIDE and TRAIL last
    header, rest = text.split("\n", 1)
    path = tmp_path / "unnamed.csv"
    path.write_text(header.replace(",ASIDE,TRAIL", ",,") + "\n" + rest, encoding="utf-8")
    table, whole_notices = load_any(path)
    assert _chunk_of(path, 390) > 1  # the value is in a later chunk than the first
    info, notices = write_dataset_in_chunks(path, tmp_path / "ds", chunk_bytes=TINY)
    (letter,) = [c for c in info.columns if c.startswith("column ")]
    assert table.events[letter].tolist() == [row["ASIDE"] for row in rows]
    assert _table(tmp_path / "ds")[letter].to_pylist() == [row["ASIDE"] for row in rows]
    said = [n for n in notices if "no header" in n]
    assert said == [n for n in whole_notices if "no header" in n]
    assert len(said) == 2 and said[0].startswith(f"Column {letter[7:]} has values but no header")
