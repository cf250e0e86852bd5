"""The registry of source formats: one entry per format an analyst may bring.

Each :class:`SourceFormat` says how to recognise a table (from its first record
or its column names, :class:`Sniffed`) and how to map it onto our schema
(:attr:`SourceFormat.convert`, from an :class:`Opened` file to an
:class:`Imported` events frame). Adding a format is one entry in
:data:`REGISTRY` plus its module and tests; :func:`dashboard.importing.load_any`
is the one path from file to table that the app, the CLI and the bench take.

Formats are tried in registry order; the first whose ``recognise`` accepts the
table wins, so the more specific entries come first. ``--from NAME`` (CLI) or
``format=NAME`` skips recognition.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from dashboard import acled, coltypes, dayorder, gdelt, icews, schema, ucdp
from dashboard.actors import ActorDirectory
from dashboard.loading import (
    csv_record_rows,
    duplicate_id_message,
    parse_events,
    validate_events_frame,
)
from dashboard.mapping import ColumnMapping, convert_mapped_frame
from dashboard.problems import Problem, UnnamedColumn
from dashboard.summary import fatality_column


@dataclass(frozen=True)
class Sniffed:
    """What can be seen of a table without reading it all.

    ``container`` is ``"csv"`` (delimited text, ``delimiter`` tells which),
    ``"parquet"``, ``"json"`` or ``"xlsx"``; ``columns`` are the names on the
    first record (for Parquet and Excel, the column names; for a headerless
    file, its first row's values).
    """

    container: str
    columns: tuple[str, ...]
    delimiter: str = ","

    @property
    def folded(self) -> frozenset[str]:
        """The column names trimmed and case-folded (formats match them in any case)."""
        return frozenset(str(c).strip().casefold() for c in self.columns)

    def has_columns(self, names: tuple[str, ...] | list[str]) -> bool:
        """Whether every one of ``names`` is a column (any letter case)."""
        return all(name.casefold() in self.folded for name in names)


@dataclass(frozen=True)
class TextTable:
    """A table read as text: every column ``str``, and the file row of each record."""

    frame: pd.DataFrame
    record_rows: Callable[[int], np.ndarray]


@dataclass(frozen=True)
class Opened:
    """A file opened for a format's ``convert``: its UTF-8 bytes and how to read them.

    ``read_table(missing=..., names=...)`` reads the table as text; ``missing`` are the
    format's missing-value tokens (they become ``""``), ``names`` the column names of a
    headerless file. ``on_read`` is handed the all-text frame of our own CSV before it
    is validated (the table indexes its list columns meanwhile).

    A chunk of a larger file (:func:`dashboard.dataset.write_dataset_in_chunks`) is
    opened with ``decided``, what the format's ``survey`` found over the whole file
    (None: decide from these bytes), and ``continues`` when its first record is not the
    file's first. ``on_ids(ids, record_rows, key_text)`` is handed each record's id as the
    format keys it (and the records' file rows) once the ids are read, even when the
    records are then refused: a chunked conversion checks ids over the whole file with
    them. ``key_text``: the rest of each record's key as the file gives it, where our id
    does not keep it (ICEWS's ``Event Date``), for :attr:`SourceFormat.duplicate_id`; else None.
    """

    data: bytes
    sniffed: Sniffed
    read_table: Callable[..., TextTable]
    directory: ActorDirectory = field(default_factory=ActorDirectory)
    on_read: Callable[[pd.DataFrame], None] | None = None
    mapping: ColumnMapping | None = None
    decided: object | None = None
    continues: bool = False
    on_ids: Callable[[pd.Series, Callable[[int], np.ndarray], pd.Series | None], None] | None = None
    #: Handed the file rows of the records with no value our own CSV's reader skipped
    #: (``read_table`` tells them itself; see :func:`dashboard.loading.read_csv_table`).
    on_empty_rows: Callable[[list[int]], None] | None = None
    #: Handed our own CSV's columns with an empty name, and those of them the whole file
    #: keeps (None: decided from these bytes); see :func:`dashboard.loading.read_csv_table`.
    on_unnamed: Callable[[list[UnnamedColumn]], None] | None = None
    keep_unnamed: frozenset[int] | None = None

    def ids_told(self, record_rows: Callable[[int], np.ndarray]):
        """The ``on_ids`` a format's converter calls with its ids, and the rest of their
        key as given where the ids do not keep it (None: nobody asks)."""
        if self.on_ids is None:
            return None
        return lambda ids, key_text=None: self.on_ids(ids, record_rows, key_text)


@dataclass(frozen=True)
class Imported:
    """A validated events frame in our schema, its extra columns still text.

    ``record_rows(n)`` gives the file row of each record (problems with the typed
    extra columns name it); None: record ``i`` is row ``i + 2``. ``tally``: what the
    format counted over the rows (its ``tally_notices`` word it, before ``notices``);
    the tallies of a file's chunks add up to the whole file's.
    """

    events: pd.DataFrame
    notices: tuple[str, ...] = ()
    record_rows: Callable[[int], np.ndarray] | None = None
    tally: Counter = field(default_factory=Counter)
    #: Values of columns the event table does not read that their column cannot hold,
    #: left empty (:func:`dashboard.problems.unread_cells_notice`), with their file rows.
    unread: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SourceFormat:
    """One source format: its name (``--from NAME``), how to recognise it and convert it."""

    name: str
    title: str
    recognise: Callable[[Sniffed], bool]
    convert: Callable[[Opened], Imported]
    #: What the format is and what its columns become (README and About page).
    summary: str
    #: Applied to a delimited file's bytes before it is read (a format's own repairs of
    #: shapes seen in real files), with :attr:`Opened.decided` (None: decided from the
    #: bytes); returns the bytes and a tally of what was done (``tally_notices``).
    prepare: Callable[[bytes, object | None], tuple[bytes, Counter]] | None = None
    #: The type of each of the source's own columns kept as an extra column: ``int``,
    #: ``float`` or ``text`` (any letter case; undeclared columns are text). See
    #: :mod:`dashboard.coltypes`.
    column_types: Mapping[str, str] = field(default_factory=dict)
    #: Words an :attr:`Imported.tally` (the counted notices: "Imported 1,024 ... events").
    tally_notices: Callable[[Counter], list[str]] | None = None
    #: Converting a CSV in chunks of whole records (:mod:`dashboard.dataset`): whether
    #: this format can, and ``survey(opened)``, what a chunk shows of the decisions its
    #: ``convert`` takes over the whole file (:attr:`Opened.decided`); the surveys of a
    #: file's chunks add up (``a + b``, in file order). None: nothing to decide.
    chunked: bool = False
    survey: Callable[[Opened], object] | None = None
    #: Whether a file of this format with these columns is read whole all the same: its
    #: records are joined across rows (ACLED's monadic export writes an event of two
    #: actors on two rows, which two chunks could part). None: never.
    reads_whole: Callable[[tuple[str, ...]], bool] | None = None
    #: Whether a first record (its values) is a record of a headerless file, not a
    #: header: such a file's chunks are read without a header put before each.
    reads_headerless: Callable[[tuple[str, ...]], bool] | None = None
    #: The source's id column and how its check words an id used twice (a duplicate
    #: across chunks is worded as the whole file's load words it): ``(event_id,
    #: first_row)``, and the key's text as given (a third argument) where the format
    #: hands one with its ids (:attr:`Opened.on_ids`).
    id_column: str = "event_id"
    duplicate_id: Callable[..., str] = duplicate_id_message

    def typed(self, imported: Imported) -> Imported:
        """``imported`` with its declared extra columns as numbers: a bad value refuses
        the file in a column the event table reads (:func:`read_extra_columns`), else it
        is left empty and said (``unread``)."""
        events, unread = coltypes.apply_column_types(
            imported.events,
            self.column_types,
            imported.record_rows,
            reads=read_extra_columns(imported.events.columns),
        )
        return replace(imported, events=events, unread=(*imported.unread, *unread))

    def notices(self, tally: Counter, told: tuple[str, ...]) -> list[str]:
        """The notices of an import (or of a file's chunks): the counted ones, then ``told``."""
        counted = self.tally_notices(tally) if self.tally_notices else []
        return [*counted, *told]


def read_extra_columns(columns) -> tuple[str, ...]:
    """The columns beyond our schema that the event table reads: the deaths the views
    sum (:func:`dashboard.summary.fatality_column`). A value one of them cannot hold
    refuses the file, as in our own columns; in any other extra column it is left
    empty with a notice (docs/formats.md, "A bad value in a column nothing reads")."""
    deaths = fatality_column(columns)
    return (deaths,) if deaths else ()


def _is_ours(sniffed: Sniffed) -> bool:
    names = set(sniffed.columns)
    return all(column in names for column in schema.REQUIRED_COLUMNS)


def _convert_ours(opened: Opened) -> Imported:
    if opened.sniffed.container == "csv" and opened.sniffed.delimiter == ",":
        # Our CSV keeps its own fast reader (NA stays the text NA: Namibia).
        def record_rows(n: int) -> np.ndarray:
            return csv_record_rows(opened.data, n)

        told = opened.ids_told(record_rows)

        def on_read(frame: pd.DataFrame) -> None:
            if told is not None:
                told(frame["event_id"])
            if opened.on_read is not None:
                opened.on_read(frame)

        events = parse_events(
            opened.data,
            on_read=on_read,
            on_empty_rows=opened.on_empty_rows,
            on_unnamed=opened.on_unnamed,
            keep_unnamed=opened.keep_unnamed,
        )
        return Imported(events, record_rows=record_rows)
    table = opened.read_table()
    told = opened.ids_told(table.record_rows)
    if told is not None and "event_id" in table.frame.columns:
        told(table.frame["event_id"])
    return Imported(
        validate_events_frame(table.frame, record_rows=table.record_rows),
        record_rows=table.record_rows,
    )


def _read_acled(opened: Opened) -> TextTable:
    return opened.read_table(missing=acled.MISSING_VALUES, drop_index=True)


def _convert_acled(opened: Opened) -> Imported:
    table = _read_acled(opened)
    monadic = acled.join_monadic_rows(table.frame, table.record_rows)
    result = acled.convert_acled_frame(
        monadic.frame,
        directory=opened.directory,
        record_rows=monadic.record_rows,
        slashed=opened.decided,
        on_ids=opened.ids_told(monadic.record_rows),
        apart=monadic.apart,
    )
    result.tally[acled.JOINED] += monadic.joined
    return Imported(result.events, tuple(result.dated), monadic.record_rows, result.tally)


def _survey_acled(opened: Opened) -> dayorder.DayOrder:
    # Bytes without a date of day, month and year in numbers need no read.
    if not dayorder.may_hold(opened.data):
        return dayorder.DayOrder()
    return acled.survey_dates(_read_acled(opened).frame)


def _convert_gdelt(opened: Opened) -> Imported:
    columns = opened.sniffed.columns
    if gdelt.is_headerless_row(columns):
        table = opened.read_table(missing=gdelt.MISSING_VALUES, names=gdelt.COLUMNS[len(columns)])
    else:
        table = opened.read_table(missing=gdelt.MISSING_VALUES, drop_index=True)
    events, tally, unread = gdelt.convert_gdelt_frame(
        table.frame,
        directory=opened.directory,
        record_rows=table.record_rows,
        on_ids=opened.ids_told(table.record_rows),
    )
    return Imported(events, (), table.record_rows, tally, tuple(unread))


#: Our own table reads a column as a number when a registered format declares it so
#: (one meaning per name: ``fatalities`` is a whole number in every table); the
#: mapped format keeps the same rule, so what ``convert`` writes loads back typed.
DECLARED_TYPES: dict[str, str] = coltypes.merged(
    acled.COLUMN_TYPES, gdelt.COLUMN_TYPES, ucdp.COLUMN_TYPES, icews.COLUMN_TYPES
)


OURS = SourceFormat(
    name="events",
    title="Events table (our schema)",
    recognise=_is_ours,
    convert=_convert_ours,
    summary="Our own columns (see the data dictionary); extra columns are kept, as numbers "
    "where a format below declares the column's name numeric (`fatalities`, `best`, "
    "`GoldsteinScale`...; docs/formats.md lists them), else as text. `NA` is the text NA, "
    "never a missing value.",
    column_types=DECLARED_TYPES,
    chunked=True,
)

ACLED = SourceFormat(
    name="acled",
    title="ACLED export",
    recognise=lambda sniffed: acled.is_acled_header(sniffed.columns),
    convert=_convert_acled,
    summary="`event_id_cnty` → event_id; `event_date` + `time_precision` → dates and "
    "precision; `event_type`/`sub_event_type` → event type; `actor1`/`assoc_actor_1` → "
    "actors; `actor2`/`assoc_actor_2` → recipients; `country` and the actors' countries → "
    "countries; `notes` → description; every other column kept (`fatalities` as a whole "
    "number).",
    column_types=acled.COLUMN_TYPES,
    tally_notices=acled.tally_notices,
    chunked=True,
    survey=_survey_acled,
    reads_whole=acled.is_monadic_header,
    id_column="event_id_cnty",
)

GDELT = SourceFormat(
    name="gdelt",
    title="GDELT 1.0 / 2.0 events",
    recognise=lambda sniffed: gdelt.is_gdelt(sniffed.columns),
    convert=_convert_gdelt,
    summary="Raw exports without a header (57, 58 or 61 tab-separated columns), SQL dumps "
    "(NULL is missing) or headered CSVs. `GLOBALEVENTID` → event_id; `SQLDATE` → the day; "
    "CAMEO `EventCode` → event type via PLOVER (others keep their CAMEO root, with "
    "quad_class); `Actor1Name`/`Actor2Name` → actors/recipients (a name that only names "
    "its coded country is that country: UNITED STATES, AMERICAN, THE US → United States; "
    "a role alone, such as POLICE with no country or group coded, is no actor); "
    "`DATEADDED` → an ISO date and time (UTC); actor country codes "
    "(ISO) and `ActionGeo_CountryCode` (FIPS 10-4) → countries; `ActionGeo_FullName` → "
    "location, `ActionGeo_Lat`/`_Long` → latitude/longitude; `SOURCEURL` → source; "
    "every GDELT column kept (GoldsteinScale, NumMentions, AvgTone... as numbers).",
    column_types=gdelt.COLUMN_TYPES,
    prepare=gdelt.pad_back_file_rows,
    tally_notices=gdelt.tally_notices,
    chunked=True,
    survey=lambda opened: gdelt.RecordWidths.of(opened.data),
    reads_headerless=gdelt.is_headerless_row,
    id_column="GLOBALEVENTID",
)


def _frame_converter(convert, missing: frozenset[str]) -> Callable[[Opened], Imported]:
    """A format's ``convert``: read the table (its missing tokens, no row index), map it
    (``convert`` returns the events and its tally)."""

    def run(opened: Opened) -> Imported:
        table = opened.read_table(missing=missing, drop_index=True)
        events, tally = convert(
            table.frame,
            directory=opened.directory,
            record_rows=table.record_rows,
            on_ids=opened.ids_told(table.record_rows),
        )
        return Imported(events, (), table.record_rows, tally)

    return run


def _convert_ucdp(opened: Opened) -> Imported:
    if ucdp.is_headerless_row(opened.sniffed.columns):
        table = opened.read_table(missing=ucdp.MISSING_VALUES, names=ucdp.GED_COLUMNS)
        told = [ucdp.HEADERLESS_NOTICE.format(count=len(ucdp.GED_COLUMNS))]
    else:
        table = opened.read_table(missing=ucdp.MISSING_VALUES, drop_index=True)
        told = []
    frame, record_rows, skipped = table.frame, table.record_rows, []
    if not opened.continues:  # HDX's #hashtag row can only be the file's first record
        frame, record_rows, skipped = ucdp.skip_hashtag_row(frame, record_rows)
    events, tally = ucdp.convert_ucdp_frame(
        frame,
        directory=opened.directory,
        record_rows=record_rows,
        on_ids=opened.ids_told(record_rows),
    )
    return Imported(events, (*told, *skipped), record_rows, tally)


UCDP = SourceFormat(
    name="ucdp",
    title="UCDP GED",
    recognise=lambda sniffed: (
        ucdp.is_ucdp(sniffed.columns) or ucdp.is_headerless_row(sniffed.columns)
    ),
    convert=_convert_ucdp,
    summary="UCDP's CSV or the HDX re-publication (its #hashtag row is skipped). `id` → "
    "event_id; `date_start`/`date_end` + `date_prec` 1-5 → the span and precision "
    "(day, week, month, year; widened to whole months or years where ours needs them); "
    "`type_of_violence` 1-2 → armed clash, 3 → violence against civilians; `side_a` → "
    "actors, `side_b` → recipients; `country` and the countries state sides are named after "
    "(`Government of Uganda`) → countries; `where_coordinates` → "
    "location; `source_article` → source; every UCDP column kept (best, low, high deaths, "
    "adm_1, latitude, longitude...; deaths as whole numbers).",
    column_types=ucdp.COLUMN_TYPES,
    tally_notices=ucdp.tally_notices,
    chunked=True,
    reads_headerless=ucdp.is_headerless_row,
    id_column="id",
)


_convert_icews = _frame_converter(icews.convert_icews_frame, icews.MISSING_VALUES)


ICEWS = SourceFormat(
    name="icews",
    title="ICEWS coded events",
    recognise=lambda sniffed: icews.is_icews(sniffed.columns),
    convert=_convert_icews,
    summary="Tab-separated (NA or empty is missing). `Event ID`-`Event Date` → event_id "
    "(ICEWS's key); `Event Date` → the day; `CAMEO Code` → event type via PLOVER (others "
    "keep their CAMEO root); `Source Name`/`Target Name` → actors/recipients ('Unspecified "
    "Actor' is none); `Source Country`, `Target Country`, "
    "`Country` → countries; `City`, `District`, `Province` → location; `Publisher` → "
    "source; every ICEWS column kept (Intensity, Story ID... as numbers).",
    column_types=icews.COLUMN_TYPES,
    tally_notices=icews.tally_notices,
    chunked=True,
    id_column=icews.ID_COLUMN,
    duplicate_id=icews.duplicate_message,
)


def _convert_mapped(opened: Opened) -> Imported:
    if opened.mapping is None:
        raise ValueError("the mapped format needs a column mapping")
    # A saved row index (pandas', R's) is no column to map, as in the formats above.
    table = opened.read_table(drop_index=True)
    events, notices = convert_mapped_frame(table.frame, opened.mapping, table.record_rows)
    return Imported(events, tuple(notices), table.record_rows)


MAPPED = SourceFormat(
    name="mapped",
    title="Any other table, by column mapping",
    recognise=lambda sniffed: False,  # chosen by giving a mapping, never guessed
    convert=_convert_mapped,
    summary="`convert IN -o OUT --map OURS=THEIRS ... --set OURS=VALUE ...` (or the app's "
    "mapping form): each of our columns from one of the table's, or a fixed value; "
    "`--map when=COLUMN` reads free-text dates and ranges (`November 19, 2012`, "
    "`January 29–February 7, 1909`, `2020-11-13`, `13/11/2020`) into start, end and "
    "precision; a mapped country column is read under our country names; `actor_country` "
    "(a column, or one value for the sheet) puts the actors' country among each event's "
    "countries. The app's form guesses the columns from the headers, each shown as a guess. "
    "The table's other columns are kept (as numbers where their names are declared "
    "numeric, as in our own table).",
    column_types=DECLARED_TYPES,
)

#: Every format, most specific first (recognition tries them in this order).
REGISTRY: tuple[SourceFormat, ...] = (OURS, ACLED, GDELT, UCDP, ICEWS, MAPPED)

#: Accepted values of ``--from``/``--format``: auto-detection or one format's name.
FORMAT_NAMES: tuple[str, ...] = ("auto", *(f.name for f in REGISTRY))


def by_name(name: str) -> SourceFormat:
    """The format called ``name``."""
    for entry in REGISTRY:
        if entry.name == name:
            return entry
    raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMAT_NAMES)}")


def recognise(sniffed: Sniffed) -> SourceFormat | None:
    """The first format of the registry that recognises the table, or None."""
    for entry in REGISTRY:
        if entry.recognise(sniffed):
            return entry
    return None
