"""The loaded events with the indexes that make filtering fast.

An :class:`EventTable` is built once per process and shared read-only: the
frame is never mutated; filters return new frames. List columns are indexed as
postings (value -> event positions), built with vectorised pyarrow compute.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import schema
from dashboard.actors import ActorDirectory, load_actors
from dashboard.compact import (
    compact_text,
    encode_text,
    is_text,
    plain_text,
    text_array,
    text_chunks,
    value_codes,
)
from dashboard.countries import ACTOR_COUNTRY_COLUMN
from dashboard.geography import named_country
from dashboard.loading import load_events_frame
from dashboard.memory import return_freed_memory
from dashboard.problems import telling_empty_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_EVENTS_PATH = DATA_DIR / "events.csv"
DEFAULT_ACTORS_PATH = DATA_DIR / "actors.csv"
EVENTS_PATH_VARIABLE = "EVENTS_PATH"
ACTORS_PATH_VARIABLE = "ACTORS_PATH"

#: Joins the searchable fields; a character no loaded value contains.
FIELD_BREAK = "\x00"

#: Columns the text search skips: dates, identifiers, codes and coordinates. Every other
#: column is searched, the source and an import's own text columns included.
NOT_SEARCHED = frozenset(
    {
        "start_date",
        "end_date",
        "event_id",
        "date_precision",
        "date_basis",
        "source_paragraph",
        "latitude",
        "longitude",
    }
)


def search_columns(columns) -> list[str]:
    """The columns of a frame with ``columns`` that the text search reads, in order."""
    return [c for c in columns if c not in NOT_SEARCHED]


@dataclass(frozen=True, eq=False)
class Postings:
    """For each distinct value, the sorted positions of the events that hold it."""

    names: tuple[str, ...]
    offsets: np.ndarray
    positions: np.ndarray
    lookup: dict[str, int]
    _pickers: dict[int, list[str]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def build(cls, names: list[str], codes: np.ndarray, events: np.ndarray) -> Postings:
        """Group (code, event) pairs by code; duplicates of a pair are dropped."""
        n = len(names)
        # Sort-and-compare rather than np.unique, whose hash path is slow on millions.
        # In place where it can be: every new array of millions is memory the kernel
        # zeroes (at 1M events 9.5M pairs in the four indexes; 8 such arrays each before).
        pairs = codes.astype(np.int64)
        pairs <<= 32
        np.bitwise_or(pairs, events, out=pairs)
        pairs.sort()
        if len(pairs) > 1:
            fresh = np.empty(len(pairs), dtype=bool)
            fresh[0] = True
            np.not_equal(pairs[1:], pairs[:-1], out=fresh[1:])
            if not fresh.all():
                pairs = pairs[fresh]
        positions = pairs.astype(np.int32)  # the low 32 bits: event positions < 2**31
        pairs >>= 32  # the codes
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(pairs, minlength=n), out=offsets[1:])
        lookup = {name: code for code, name in enumerate(names)}
        return cls(tuple(names), offsets, positions, lookup)

    def counts(self) -> np.ndarray:
        """Number of events per value, in ``names`` order."""
        return np.diff(self.offsets)

    def picker_names(self, limit: int, chosen: tuple[str, ...] | list[str] = ()) -> list[str]:
        """The ``limit`` values in most events plus ``chosen``, sorted for a picker.

        All values when there are at most ``limit``. Ties at the cut go in name order.
        The busiest values are worked out once per ``limit`` (the postings never change).
        """
        with self._lock:
            busiest = self._pickers.get(limit)
            if busiest is None:
                order = np.argsort(-self.counts(), kind="stable")[:limit]
                busiest = self._pickers[limit] = sorted(
                    (self.names[i] for i in order), key=str.casefold
                )
        extra = [name for name in dict.fromkeys(chosen) if name in self.lookup]
        if extra and len(busiest) < len(self.names):
            shown = set(busiest)
            extra = [name for name in extra if name not in shown]
            if extra:
                return sorted([*busiest, *extra], key=str.casefold)
        return list(busiest)

    def _slices(self, wanted) -> list[np.ndarray]:
        codes = [self.lookup.get(name) for name in wanted]
        return [
            self.positions[self.offsets[c] : self.offsets[c + 1]] for c in codes if c is not None
        ]

    def size_of(self, wanted: list[str] | tuple[str, ...]) -> int:
        """Total postings of ``wanted`` (an upper bound of the events holding any)."""
        return sum(len(part) for part in self._slices(wanted))

    def events_of(self, wanted: list[str] | tuple[str, ...]) -> np.ndarray:
        """Sorted positions of the events holding any of ``wanted``."""
        parts = self._slices(wanted)
        if len(parts) == 1:
            return parts[0]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int32)

    def holds(self, wanted: list[str] | tuple[str, ...], events: np.ndarray) -> np.ndarray:
        """For each of ``events``, whether it holds any of ``wanted`` (binary search)."""
        found = np.zeros(len(events), dtype=bool)
        for part in self._slices(wanted):
            at = np.minimum(np.searchsorted(part, events), max(len(part) - 1, 0))
            if len(part):
                found |= part[at] == events
        return found

    def mask(self, wanted: list[str] | tuple[str, ...], n_events: int) -> np.ndarray:
        """Boolean mask of the events holding any of ``wanted`` (unknown values match nothing)."""
        mask = np.zeros(n_events, dtype=bool)
        for name in wanted:
            code = self.lookup.get(name)
            if code is not None:
                mask[self.positions[self.offsets[code] : self.offsets[code + 1]]] = True
        return mask


def _split_lists(column: pd.Series) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Split a ;-list column: (distinct values, value code per item, event per item)."""
    # The column's chunks as loaded (a category column decoded): not combined into one.
    values = text_chunks(column)
    lists = pc.split_pattern(values, schema.LIST_SEPARATOR)
    parents = _parent_indices(lists)
    dictionary, items = encode_text(pc.list_flatten(lists))
    # Trim and drop empty items on the few distinct values, not on millions of items.
    trimmed = pc.utf8_trim_whitespace(dictionary).to_pylist()
    names = list(dict.fromkeys(name for name in trimmed if name))
    index = {name: code for code, name in enumerate(names)}
    recode = np.asarray([index.get(name, -1) for name in trimmed], dtype=np.int32)
    codes = recode[items]
    keep = codes >= 0
    if not keep.all():
        codes, parents = codes[keep], parents[keep]
    return names, codes, parents


def _parent_indices(lists: pa.ListArray | pa.ChunkedArray) -> np.ndarray:
    """The row of each list item; ``list_parent_indices`` counts from 0 in every chunk."""
    if not isinstance(lists, pa.ChunkedArray):
        return np.asarray(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False))
    parts, start = [np.empty(0, dtype=np.int64)], 0
    for chunk in lists.chunks:
        parts.append(
            np.asarray(pc.list_parent_indices(chunk).to_numpy(zero_copy_only=False)) + start
        )
        start += len(chunk)
    return np.concatenate(parts)


def _canonical_codes(names: list[str], codes: np.ndarray, rename) -> tuple[list[str], np.ndarray]:
    """Map every distinct value through ``rename`` and re-code the items."""
    canonical = [rename(name) for name in names]
    unique, remap = np.unique(np.asarray(canonical, dtype=object), return_inverse=True)
    return [str(u) for u in unique], remap[codes] if len(codes) else codes


@dataclass(frozen=True, eq=False)
class EventTable:
    """Validated events plus read-only indexes; share it, never mutate it."""

    events: pd.DataFrame
    directory: ActorDirectory
    label: str
    actors: Postings
    recipients: Postings
    participants: Postings
    countries: Postings
    event_types: tuple[str, ...]
    type_codes: np.ndarray
    start_days: np.ndarray
    end_days: np.ndarray
    _haystack: list = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _every: list = field(default_factory=list, repr=False)

    def __len__(self) -> int:
        return len(self.events)

    def every_position(self) -> np.ndarray:
        """``0 .. len - 1``: the positions of an unfiltered view, one read-only array per table.

        Every session's unfiltered page holds its positions for as long as it shows the
        page; shared, they cost 8 MB once at 1M events instead of 8 MB per session.
        """
        with self._lock:
            if not self._every:
                every = np.arange(len(self.events))
                every.flags.writeable = False
                self._every.append(every)
            return self._every[0]

    def take(self, positions: np.ndarray) -> pd.DataFrame:
        """The events at ``positions`` (a new frame), every text column as ``str``.

        The shared frame may hold repetitive text as categories (:mod:`dashboard.compact`);
        what it hands out is plain, as loaded.
        """
        return plain_text(self.events.iloc[positions])

    def haystack(self) -> pa.Array:
        """Case-folded searchable text of each event (:func:`fold_case`), built on first use."""
        with self._lock:
            if not self._haystack:
                # Typed extra columns (numbers, dashboard.coltypes) are not searched text.
                parts = [
                    text_array(self.events[c])
                    for c in search_columns(self.events.columns)
                    if is_text(self.events[c].dtype)
                ]
                # NUL never occurs in loaded text (the loader refuses it), so a
                # search cannot match across two fields.
                joined = pc.binary_join_element_wise(
                    *parts, pa.scalar(FIELD_BREAK, pa.large_string())
                )
                self._haystack.append(fold_case(joined))
            return self._haystack[0]


#: Full case folds that Arrow's utf8_lower leaves out (final sigma, sharp s, long s, Latin
#: ligatures): applied after it, so "ΑΘΗΝΑΣ" meets "Αθηνας" and "STRASSE" meets "Straße".
_FOLDS = str.maketrans(
    {
        "ς": "σ",
        "ß": "ss",
        "ſ": "s",
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
    }
)
_UNFOLDED = "[" + "".join(chr(c) for c in _FOLDS) + "]"


def fold_case(text: pa.Array | pa.ChunkedArray) -> pa.Array:
    """The one case-folding of search: the searched text and the query both go through it.

    Arrow's ``utf8_lower`` (Python's ``lower`` disagrees with it: ``"İ".lower()`` keeps a
    combining dot, and it writes a final ``ς``), then the folds of ``_FOLDS`` on the few
    values that hold one of those characters.
    """
    folded = pc.utf8_lower(text)
    if isinstance(folded, pa.ChunkedArray):
        folded = folded.combine_chunks()
    # Only values with a non-ASCII character can need a fold (a fast check on the whole table).
    ascii_only = pc.fill_null(pc.string_is_ascii(folded), True)
    wide = np.flatnonzero(~ascii_only.to_numpy(zero_copy_only=False))
    if not len(wide):
        return folded
    needs = pc.match_substring_regex(pc.take(folded, pa.array(wide)), _UNFOLDED)
    rows = wide[needs.to_numpy(zero_copy_only=False)]
    if not len(rows):
        return folded
    mask = np.zeros(len(folded), dtype=bool)
    mask[rows] = True
    fixed = [value.translate(_FOLDS) for value in pc.take(folded, pa.array(rows)).to_pylist()]
    return pc.replace_with_mask(folded, pa.array(mask), pa.array(fixed, type=folded.type))


@dataclass(frozen=True, eq=False)
class ListIndexes:
    """The postings of the list columns; they need only those columns' text."""

    actors: Postings
    recipients: Postings
    participants: Postings
    countries: Postings


def _role_items(column: pd.Series, directory: ActorDirectory):
    """One role column split and canonicalised: (names, codes, events, its postings)."""
    names, codes, parents = _split_lists(column)
    names, codes = _canonical_codes(names, codes, directory.canonical)
    return names, codes, parents, Postings.build(names, codes, parents)


#: Threads that build the list indexes side by side (pyarrow and numpy release the GIL).
INDEX_THREADS = 2


def build_list_indexes(
    columns: Mapping[str, pd.Series], n: int, directory: ActorDirectory
) -> ListIndexes:
    """Index the ;-list columns (absent ones count as empty) of a table of ``n`` events.

    The actors, recipients and countries columns are split in parallel, and the
    participants' postings are built while the countries' are: at 1M events the
    steps are each a few hundred ms of pyarrow and numpy work, which release the GIL.
    """

    def column(name: str) -> pd.Series:
        return columns[name] if name in columns else pd.Series([""] * n, dtype="str")

    with ThreadPoolExecutor(max_workers=INDEX_THREADS) as pool:
        role_jobs = {
            role: pool.submit(_role_items, column(role), directory)
            for role in ("actors", "recipients")
        }
        countries_job = pool.submit(_split_lists, column("countries"))
        role_items = {role: job.result()[:3] for role, job in role_jobs.items()}
        role_postings = {role: job.result()[3] for role, job in role_jobs.items()}

        everyone = sorted(set(role_items["actors"][0]) | set(role_items["recipients"][0]))
        index_of = {name: i for i, name in enumerate(everyone)}
        all_codes, all_events = [], []
        for names, codes, parents in role_items.values():
            remap = np.asarray([index_of[name] for name in names], dtype=np.int64)
            all_codes.append(remap[codes] if len(codes) else codes.astype(np.int64))
            all_events.append(parents)
        participant_codes = np.concatenate(all_codes) if all_codes else np.empty(0, np.int64)
        participant_events = np.concatenate(all_events) if all_events else np.empty(0, np.int64)
        participants_job = pool.submit(
            Postings.build, everyone, participant_codes, participant_events
        )

        # A country filter matches the event's countries and its participants' countries.
        c_names, c_codes, c_events = countries_job.result()
        participant_country = [directory.country_of(name) for name in everyone]
        country_names = sorted((set(c_names) | set(participant_country)) - {""})
        country_index = {name: i for i, name in enumerate(country_names)}
        listed = np.asarray([country_index[name] for name in c_names], dtype=np.int64)
        via_actor = np.asarray([country_index.get(name, -1) for name in participant_country])
        derived = via_actor[participant_codes] if len(participant_codes) else participant_codes
        has_country = derived >= 0
        countries = Postings.build(
            country_names,
            np.concatenate([listed[c_codes] if len(c_codes) else c_codes, derived[has_country]]),
            np.concatenate([c_events, participant_events[has_country]]),
        )
        participants = participants_job.result()
    return ListIndexes(
        role_postings["actors"], role_postings["recipients"], participants, countries
    )


def infer_actor_countries(
    events: pd.DataFrame, participants: Postings, directory: ActorDirectory
) -> dict[str, str]:
    """Countries, from the table itself, of the actors the directory does not list.

    Imported tables name actors no directory knows (ACLED's ``Unidentified Armed
    Group``, GDELT's ``PAKISTAN``) while their rows say where each event happened. An
    unlisted actor takes the country of more than half of its events that name exactly
    one country (the source's own ``countries``); otherwise it stays without one. An
    actor whose own name names its country (:func:`~dashboard.geography.named_country`:
    "Military Forces of Pakistan", "Government of Uganda", "Rioters (Sudan)") takes that
    country whatever its events' places. Actors
    the directory lists keep what it says, a blank country included (an international
    organisation has none). Inferred countries are for display (the network's colours):
    the country filter keeps to the rows' countries and the directory's.
    """
    from dashboard.subsets import postings_pairs  # subsets imports this module

    unknown = np.fromiter(
        (not directory.knows(name) for name in participants.names),
        dtype=bool,
        count=len(participants.names),
    )
    if not unknown.any():
        return {}
    # An actor's own name says its country, whatever its events' places: "Military Forces
    # of Pakistan" firing across the border into India is still Pakistan's.
    named = {
        name: country
        for name in np.asarray(participants.names, dtype=object)[unknown]
        if (country := named_country(name))
    } | _told_actor_countries(events, directory)
    countries = events["countries"]
    single = (countries != "") & ~countries.str.contains(schema.LIST_SEPARATOR, regex=False)
    codes, positions = postings_pairs(participants, single.to_numpy(dtype=bool))
    keep = unknown[codes]
    if not keep.any():
        return named
    # Votes are counted on integer codes (the countries cells dictionary-encoded once):
    # counting (actor, country text) pairs in pandas took ~1.2 CPU-s at 1M events whose
    # actors no directory lists; this takes a fraction of it.
    country_names, cell_codes = value_codes(countries)  # a compacted column's own codes
    if (cell_codes < 0).any():  # a missing cell counts as an empty one
        if "" not in country_names:
            country_names.append("")
        cell_codes = np.where(cell_codes < 0, country_names.index(""), cell_codes)
    n_countries = max(len(country_names), 1)
    pairs, votes = np.unique(
        codes[keep] * n_countries + cell_codes[positions[keep]], return_counts=True
    )
    actor, country = pairs // n_countries, pairs % n_countries
    total = np.bincount(actor, weights=votes)[actor]
    best = votes * 2 > total  # a strict majority: at most one per actor
    names = participants.names
    voted = {names[a]: country_names[c] for a, c in zip(actor[best], country[best], strict=True)}
    return {**voted, **named}


def _told_actor_countries(events: pd.DataFrame, directory: ActorDirectory) -> dict[str, str]:
    """The country a table's own column gives the actors of its rows (a column mapping's
    ``actor_country``), for each unlisted actor whose rows give it one country."""
    if ACTOR_COUNTRY_COLUMN not in events.columns or "actors" not in events.columns:
        return {}
    told: dict[str, set[str]] = {}
    pairs = events[["actors", ACTOR_COUNTRY_COLUMN]].astype("str").drop_duplicates()
    for actors, country in pairs.itertuples(index=False):
        for actor in map(directory.canonical, schema.split_list(actors)):
            if country.strip() and not directory.knows(actor):
                told.setdefault(actor, set()).add(country.strip())
    return {actor: next(iter(said)) for actor, said in told.items() if len(said) == 1}


def build_table(
    events: pd.DataFrame,
    directory: ActorDirectory | None = None,
    label: str = "",
    lists: ListIndexes | None = None,
) -> EventTable:
    """Index a validated events frame (``lists``: its list indexes, if already built)."""
    directory = directory or ActorDirectory()
    n = len(events)
    if lists is None:
        lists = build_list_indexes(
            {name: events[name] for name in schema.LIST_COLUMNS}, n, directory
        )

    type_names = list(schema.EVENT_TYPE_NAMES)
    seen, type_codes = value_codes(events["event_type"])
    extra_types = sorted(set(seen) - set(type_names))
    order = {name: code for code, name in enumerate(type_names + extra_types)}
    recode = np.asarray([order[name] for name in seen], dtype=np.int16)

    def days(column: str) -> np.ndarray:
        # 32 bits: loaded dates lie within years 1-9999 (+-2.9M days); half of int64's
        # 8 MB per column at 1M events. Arithmetic that could pass 2**31 (milliseconds)
        # casts first (timeline).
        return events[column].to_numpy().astype("datetime64[D]").astype(np.int32)

    return EventTable(
        events=events,
        directory=directory,
        label=label,
        actors=lists.actors,
        recipients=lists.recipients,
        participants=lists.participants,
        countries=lists.countries,
        event_types=tuple(type_names + extra_types),
        type_codes=recode[type_codes] if n else np.empty(0, np.int16),
        start_days=days("start_date") if n else np.empty(0, np.int32),
        end_days=days("end_date") if n else np.empty(0, np.int32),
    )


def default_events_path() -> Path:
    """The table to show: ``$EVENTS_PATH`` if set, else the article's data/events.csv."""
    return Path(os.environ.get(EVENTS_PATH_VARIABLE) or DEFAULT_EVENTS_PATH)


def default_actors_path() -> Path:
    """The actors directory: ``$ACTORS_PATH`` if set, else data/actors.csv."""
    return Path(os.environ.get(ACTORS_PATH_VARIABLE) or DEFAULT_ACTORS_PATH)


def load_directory(path: str | os.PathLike | None = None) -> ActorDirectory:
    """The actors directory (default: :func:`default_actors_path`), empty when absent."""
    path = default_actors_path() if path is None else path
    return load_actors(path) if Path(path).exists() else ActorDirectory()


def load_events(
    source: str | os.PathLike | bytes | None = None,
    *,
    actors_path: str | os.PathLike | None = None,
    label: str | None = None,
    allow_unknown_event_types: bool = False,
    on_notice: Callable[[str], None] | None = None,
) -> EventTable:
    """Load, validate and index an events CSV (default: :func:`default_events_path`).

    ``on_notice`` is handed each notice on how the file was read (the empty rows it
    skipped, in :func:`dashboard.problems.empty_rows_notice`'s words) and indexed (the
    actors that took a country from the table, :func:`indexed_notices`, as
    :func:`dashboard.importing.load_any` says them), for the caller to show. Without it
    the empty rows are warned (``UserWarning``), never silent; the inferred countries,
    which lose nothing, are not.

    Raises
    ------
    EventsFileError
        Listing every problem as ``row N, column C: what is wrong``.
    """
    source = default_events_path() if source is None else source
    if label is None:
        label = Path(source).name if not isinstance(source, bytes | bytearray) else "upload"
    table = index_while_loading(
        lambda on_read: load_events_frame(
            source,
            allow_unknown_event_types=allow_unknown_event_types,
            on_read=on_read,
            on_empty_rows=None if on_notice is None else telling_empty_rows(on_notice),
        ),
        load_directory(actors_path),
        label,
    )
    if on_notice is not None:
        for notice in indexed_notices(table):
            on_notice(notice)
    return table


def indexed_notices(table: EventTable) -> list[str]:
    """The notices of indexing a whole table (:func:`index_loaded`): how many actors took
    their country from it. Said by every loader that indexes one (:func:`load_events`,
    :func:`dashboard.importing.load_any`)."""
    inferred = len(table.directory.inferred)
    return [inferred_notice(inferred)] if inferred else []


def inferred_notice(count: int) -> str:
    """The notice saying that ``count`` actors took their country from the table.

    Only those: an unlisted actor whose events name no country in a majority takes none
    and is not counted (the notice once read as the number of unlisted actors).
    """
    plural = count != 1
    return (
        f"{count:,} actor{'s' if plural else ''} not in the actors directory "
        f"{'take' if plural else 'takes'} a country from the table: the network colours "
        f"{'them' if plural else 'it'} by the country a state force's name says "
        f'("Military Forces of Pakistan") or the table\'s {ACTOR_COUNTRY_COLUMN} column gives, '
        f"else the one most of {'their' if plural else 'its'} "
        "events name (the country filter keeps to the rows' own countries)."
    )


#: Columns kept as plain text whatever their values: ids are distinct, read whole by views.
PLAIN_COLUMNS = ("event_id",)


def index_while_loading(
    load: Callable[[Callable[[pd.DataFrame], None]], pd.DataFrame],
    directory: ActorDirectory,
    label: str,
) -> EventTable:
    """Run ``load(on_read)`` and index its frame, building the list indexes meanwhile.

    The list indexes need only the text of the list columns, so they are built in a
    second thread from the moment ``load`` hands over the text it read (``on_read``),
    while ``load`` validates it. Both spend their time in pyarrow and numpy, which
    release the GIL: on two cores a load costs about the longer of the two, not their
    sum. If validation fails, the indexes are discarded with the error.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        started: list[Future] = []

        def on_read(text: pd.DataFrame) -> None:
            # Taken now: validation later adds and replaces columns of the frame.
            columns = {name: text[name] for name in schema.LIST_COLUMNS if name in text}
            started.append(pool.submit(build_list_indexes, columns, len(text), directory))

        frame = load(on_read)
        # Compacting needs no list index: on the other core while they are finished.
        frame = compact_text(frame, keep_plain=PLAIN_COLUMNS)
        lists = started[0].result() if started else None
        return index_loaded(frame, directory, label, lists, compacted=True)


def index_loaded(
    frame: pd.DataFrame,
    directory: ActorDirectory,
    label: str,
    lists: ListIndexes | None = None,
    compacted: bool = False,
) -> EventTable:
    """Index a freshly loaded frame, then hand the load's freed memory back to the OS.

    The one way every loader (:func:`load_events`, :func:`dashboard.importing.load_any`)
    ends, so the app's table holds no more memory than the command line's.
    ``compacted`` says that ``frame`` has been through :func:`compact_text` already.
    """
    # Repetitive text held once per value (at 1M synthetic events the frame's 344 MB
    # become 164); ids stay plain: they are distinct, and read whole by the views. First,
    # so that the type codes and the countries' votes below reuse the categories' codes.
    if not compacted:
        frame = compact_text(frame, keep_plain=PLAIN_COLUMNS)
    table = build_table(frame, directory, label, lists)
    # A whole table's actors, after the indexes: an inferred country colours the network
    # but the country filter keeps to what the rows and the directory say. (Not in
    # build_table, which also indexes small windows of a table, whose votes would differ.)
    inferred = infer_actor_countries(frame, table.participants, directory)
    if inferred:
        table = replace(table, directory=directory.with_inferred(inferred))
    return_freed_memory()
    return table
