"""One filter specification for the sidebar, the URL, the command line and every engine.

Each kind of filter is one entry of :data:`FILTER_KINDS` (the way Datasette keeps
one entry per filter kind): its URL / command-line key, its label, how its values
parse, its mask on the in-memory table, its expression on a SQL engine and its
human caption. A :class:`FilterSpec` is plain data built from those entries. Its
meaning:

* several values of one kind (two countries) match events with *any* of them;
  different kinds (a country and an event type) must *all* match;
* ``countries`` match an event's countries and the countries of its actors and
  recipients; ``actors`` match an event's actors or recipients;
* ``start``/``end`` keep every event whose [start_date, end_date] overlaps the
  range (a July-2022 month-precision event is inside 15-20 July 2022);
* ``q`` is a case-insensitive substring of any text column (title, description,
  names, location, notes, date as the source puts it, source, an import's own text
  columns; not ids, codes or coordinates: see ``dashboard.table.NOT_SEARCHED``);
* ``facets`` (``facet.<column>=value``) keep events whose ``column`` has the value:
  any text or whole-number column of the table (see :func:`facet_columns`); for the list columns
  ``actors``/``recipients`` an event has a value when it lists it (canonical
  names), for ``countries`` when it involves it as the country filter means.

In a URL (and on the command line) the keys are ``country``, ``actor``, ``type``,
``start``, ``end``, ``q`` and ``facet.<column>``, repeated for several values. Bad
values are reported back as notices, never raised.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import schema
from dashboard.compact import is_text, text_array
from dashboard.coordinates import LATITUDE, LONGITUDE, Area, coordinates
from dashboard.subsets import postings_pairs, selected_mask
from dashboard.table import FIELD_BREAK, EventTable, Postings, fold_case

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_QUERY_LENGTH = 200
_EPOCH = dt.date(1970, 1, 1)
#: The dates a filter may name (the date pickers' range); others are dropped with a notice.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
#: Filter through the rarest actor/country choice when it holds at most 1/N of the events.
_SELECTIVE_SHARE = 16

#: URL / command-line key prefix of a facet: ``facet.location=Naypyitaw``.
FACET_PREFIX = "facet."
#: Text columns that are not categories (free text, identifiers): never facets.
NOT_FACETS = frozenset(
    {
        "event_id",
        "title",
        "description",
        "notes",
        "date_text",
        "source",
        "source_paragraph",
        "latitude",
        "longitude",
    }
)


# --- engine expressions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """What differs between the SQL engines' spellings of the same expression."""

    name: str
    #: Named-parameter marker: ``$p0`` (DuckDB) or ``:p0`` (Spark SQL).
    marker: str
    #: A list literal around comma-separated items.
    array: str
    #: Function: do two lists share an item?
    overlap: str
    #: Quote character of identifiers.
    quote: str
    #: The text type's name, for casts.
    text: str

    def identifier(self, name: str) -> str:
        """``name`` quoted as a column name."""
        return self.quote + name.replace(self.quote, self.quote * 2) + self.quote


DUCKDB = Dialect("duckdb", "$", "[{}]", "list_has_any", '"', "VARCHAR")
SPARK = Dialect("spark", ":", "array({})", "arrays_overlap", "`", "STRING")


@dataclass(frozen=True)
class Sql:
    """A SQL boolean expression and the values of its named parameters."""

    text: str
    params: dict[str, object] = field(default_factory=dict)


class _Params:
    """Collects parameter values while an expression is written (names p0, p1, ...)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.values: dict[str, object] = {}

    def add(self, value: object) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return self.dialect.marker + name

    def array(self, values: Iterable[str]) -> str:
        return self.dialect.array.format(", ".join(self.add(v) for v in values))


#: The columns a converted dataset holds for the filters (see dashboard.dataset).
PARTICIPANTS_COLUMN = "_participants"
COUNTRY_KEYS_COLUMN = "_country_keys"
SEARCH_COLUMN = "_search"


def _list_expression(column: str) -> Callable[[tuple[str, ...], _Params], str]:
    def expression(values: tuple[str, ...], params: _Params) -> str:
        d = params.dialect
        return f"{d.overlap}({d.identifier(column)}, {params.array(values)})"

    return expression


def _type_expression(values: tuple[str, ...], params: _Params) -> str:
    items = ", ".join(params.add(v) for v in values)
    return f"{params.dialect.identifier('event_type')} IN ({items})"


def _date_bound(column: str, operator: str) -> Callable[[dt.date, _Params], str]:
    def expression(value: dt.date, params: _Params) -> str:
        bound = params.add(value.isoformat())
        return f"{params.dialect.identifier(column)} {operator} CAST({bound} AS DATE)"

    return expression


def search_needle(q: str) -> str:
    """What the search looks for in the case-folded text (:meth:`EventTable.haystack`).

    The same :func:`dashboard.table.fold_case` as the text: Python's ``lower`` differs
    from it (``İ``, final ``ς``), and then ``q=İstanbul`` found nothing.
    """
    return fold_case(pa.array([q], pa.large_string()))[0].as_py()


def _search_expression(q: str, params: _Params) -> str:
    return f"instr({params.dialect.identifier(SEARCH_COLUMN)}, {params.add(search_needle(q))}) > 0"


# --- in-memory masks -------------------------------------------------------------------------

Rows = np.ndarray | None


def _postings_mask(postings: Postings, values, table: EventTable, rows: Rows) -> np.ndarray:
    return postings.mask(values, len(table)) if rows is None else postings.holds(values, rows)


def _countries_mask(table: EventTable, values, rows: Rows) -> np.ndarray:
    return _postings_mask(table.countries, values, table, rows)


def _actors_mask(table: EventTable, values, rows: Rows) -> np.ndarray:
    return _postings_mask(table.participants, values, table, rows)


def _types_mask(table: EventTable, values, rows: Rows) -> np.ndarray:
    codes = [i for i, name in enumerate(table.event_types) if name in values]
    selected = table.type_codes if rows is None else table.type_codes[rows]
    return np.isin(selected, np.asarray(codes, dtype=np.int16))


def _start_mask(table: EventTable, value: dt.date, rows: Rows) -> np.ndarray:
    ends = table.end_days if rows is None else table.end_days[rows]
    return ends >= (value - _EPOCH).days


def _end_mask(table: EventTable, value: dt.date, rows: Rows) -> np.ndarray:
    starts = table.start_days if rows is None else table.start_days[rows]
    return starts <= (value - _EPOCH).days


def _area_mask(table: EventTable, area: Area, rows: Rows) -> np.ndarray:
    found = coordinates(table)
    if found is None:
        return np.zeros(len(table) if rows is None else len(rows), dtype=bool)
    latitude, longitude = found
    if rows is not None:
        latitude, longitude = latitude[rows], longitude[rows]
    return area.holds(latitude, longitude)


def _area_expression(area: Area, params: _Params) -> str:
    d = params.dialect
    lat = f"TRY_CAST({d.identifier(LATITUDE)} AS DOUBLE)"
    lon = f"TRY_CAST({d.identifier(LONGITUDE)} AS DOUBLE)"
    south, west, north, east = (params.add(v) for v in area.as_tuple())
    inside = f"{lat} BETWEEN {south} AND {north}"
    if area.west <= area.east:
        return f"{inside} AND {lon} BETWEEN {west} AND {east}"
    return f"{inside} AND ({lon} >= {west} OR {lon} <= {east})"


def _search_mask(table: EventTable, q: str, rows: Rows) -> np.ndarray:
    text = table.haystack()
    if rows is not None and len(rows) < len(text):
        text = pc.take(text, pa.array(rows))
    return pc.match_substring(text, search_needle(q)).to_numpy(zero_copy_only=False)


# --- parsing ---------------------------------------------------------------------------------


def _parse_names(key: str, values: list[str], notices: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _parse_one_date(key: str, values: list[str], notices: list[str]) -> dt.date | None:
    if not values:
        return None
    if len(values) > 1:
        notices.append(f"Several values for '{key}'; the first ({values[0]}) is used.")
    return _parse_date(key, values[0], notices)


def _parse_query(key: str, values: list[str], notices: list[str]) -> str:
    query = " ".join(values).replace(FIELD_BREAK, "")
    if len(query) > _MAX_QUERY_LENGTH:
        notices.append(f"The search text was cut to {_MAX_QUERY_LENGTH} characters.")
        query = query[:_MAX_QUERY_LENGTH]
    return query


def _parse_area(key: str, values: list[str], notices: list[str]) -> Area | None:
    if not values:
        return None
    if len(values) > 1:
        notices.append(f"Several values for '{key}'; the first ({values[0]}) is used.")
    area = Area.parse(values[0])
    if area is None:
        notices.append(
            f"'{values[0]}' is not an area (south,west,north,east in degrees); it is ignored."
        )
    return area


def _names_params(values: tuple[str, ...]) -> list[str]:
    return list(values)


def _date_params(value: dt.date) -> list[str]:
    return [value.isoformat()]


def _query_params(value: str) -> list[str]:
    return [value]


def _or(values: Iterable[str]) -> str:
    return " or ".join(values)


# --- the registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FilterKind:
    """One kind of filter: everything the sidebar, URL, CLI and engines need to know."""

    #: The :class:`FilterSpec` field holding its value.
    name: str
    #: URL query-parameter and command-line key (``--country``).
    key: str
    #: Singular noun, used in captions and notices.
    label: str
    #: Command-line metavar and help.
    metavar: str
    help: str
    #: Several values allowed (the key repeats).
    many: bool
    #: (key, raw values, notices) -> value; malformed values become notices.
    parse: Callable[[str, list[str], list[str]], object]
    #: value -> raw values of the URL form.
    to_params: Callable[[object], list[str]]
    #: (table, value, rows or None) -> boolean array over ``rows`` (all events if None).
    mask: Callable[[EventTable, object, Rows], np.ndarray]
    #: (value, parameters) -> SQL boolean expression over a converted dataset.
    expression: Callable[[object, _Params], str]
    #: value -> human caption, e.g. ``country: Myanmar or Laos``.
    caption: Callable[[object], str]
    #: Which known values a value must be one of (``restricted_to``), if any.
    vocabulary: str | None = None
    #: Costly to evaluate: computed only on the events every other kind keeps.
    costly: bool = False


FILTER_KINDS: tuple[FilterKind, ...] = (
    FilterKind(
        name="countries",
        key="country",
        label="country",
        metavar="X",
        help="country (repeatable): the event's or its actors' country",
        many=True,
        parse=_parse_names,
        to_params=_names_params,
        mask=_countries_mask,
        expression=_list_expression(COUNTRY_KEYS_COLUMN),
        caption=lambda v: f"country: {_or(v)}",
        vocabulary="countries",
    ),
    FilterKind(
        name="actors",
        key="actor",
        label="actor",
        metavar="A",
        help="actor (repeatable): initiator or recipient",
        many=True,
        parse=_parse_names,
        to_params=_names_params,
        mask=_actors_mask,
        expression=_list_expression(PARTICIPANTS_COLUMN),
        caption=lambda v: f"actor: {_or(v)}",
        vocabulary="actors",
    ),
    FilterKind(
        name="event_types",
        key="type",
        label="event type",
        metavar="T",
        help="event type (repeatable)",
        many=True,
        parse=_parse_names,
        to_params=_names_params,
        mask=_types_mask,
        expression=_type_expression,
        caption=lambda v: f"type: {_or(v)}",
        vocabulary="event_types",
    ),
    FilterKind(
        name="start",
        key="start",
        label="start date",
        metavar="YYYY-MM-DD",
        help="keep events ending on/after",
        many=False,
        parse=_parse_one_date,
        to_params=_date_params,
        mask=_start_mask,
        expression=_date_bound("end_date", ">="),
        caption=lambda v: f"from {v.isoformat()}",
    ),
    FilterKind(
        name="end",
        key="end",
        label="end date",
        metavar="YYYY-MM-DD",
        help="keep events starting on/before",
        many=False,
        parse=_parse_one_date,
        to_params=_date_params,
        mask=_end_mask,
        expression=_date_bound("start_date", "<="),
        caption=lambda v: f"to {v.isoformat()}",
    ),
    FilterKind(
        name="q",
        key="q",
        label="search text",
        metavar="TEXT",
        help="case-insensitive text search",
        many=False,
        parse=_parse_query,
        to_params=_query_params,
        mask=_search_mask,
        expression=_search_expression,
        caption=lambda v: f"text contains {v!r}",
        costly=True,
    ),
    FilterKind(
        name="area",
        key="area",
        label="area",
        metavar="S,W,N,E",
        help="keep events whose coordinates lie in this box (degrees: south,west,north,east)",
        many=False,
        parse=_parse_area,
        to_params=lambda area: [area.to_text()],
        mask=_area_mask,
        expression=_area_expression,
        caption=lambda area: f"in area {area.to_text()}",
    ),
)

#: Filter kinds by FilterSpec field, and by URL / command-line key.
KINDS_BY_NAME: dict[str, FilterKind] = {kind.name: kind for kind in FILTER_KINDS}
KINDS_BY_KEY: dict[str, FilterKind] = {kind.key: kind for kind in FILTER_KINDS}
#: FilterSpec field -> URL / command-line key.
PARAM_KEYS: dict[str, str] = {kind.name: kind.key for kind in FILTER_KINDS}


def is_filter_key(key: str) -> bool:
    """Whether a URL key is a filter's (a kind's key or ``facet.<column>``)."""
    return key in KINDS_BY_KEY or (key.startswith(FACET_PREFIX) and len(key) > len(FACET_PREFIX))


#: A facet's value: (column, chosen values), the facets sorted by column.
Facets = tuple[tuple[str, tuple[str, ...]], ...]


def _facet_key(column: str) -> str:
    return FACET_PREFIX + column


@dataclass(frozen=True)
class FilterSpec:
    """Which events to show; the empty spec shows all."""

    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    q: str = ""
    area: Area | None = None
    facets: Facets = ()

    def is_empty(self) -> bool:
        return self == FilterSpec()

    def active(self) -> list[tuple[FilterKind, object]]:
        """The kinds that are set, with their values, in registry order."""
        out = []
        for kind in FILTER_KINDS:
            value = getattr(self, kind.name)
            if value not in ((), None, ""):
                out.append((kind, value))
        return out

    def facet(self, column: str) -> tuple[str, ...]:
        """The chosen values of the facet on ``column`` (empty if none)."""
        return dict(self.facets).get(column, ())

    def with_facet(self, column: str, values: Iterable[str]) -> FilterSpec:
        """A copy choosing ``values`` for the facet on ``column`` (none removes it)."""
        chosen = dict(self.facets)
        chosen[column] = tuple(dict.fromkeys(values))
        return replace(self, facets=_sorted_facets(chosen))

    def to_query_params(self) -> dict[str, list[str]]:
        """The URL form: key -> list of values (only keys that are set)."""
        params = {kind.key: kind.to_params(value) for kind, value in self.active()}
        for column, values in self.facets:
            params[_facet_key(column)] = list(values)
        return params

    @classmethod
    def from_query_params(
        cls, params: Mapping[str, str | Iterable[str]]
    ) -> tuple[FilterSpec, list[str]]:
        """Read the URL form; malformed values are dropped and described in notices."""
        notices: list[str] = []

        def values(key: str) -> list[str]:
            raw = params.get(key, [])
            items = [raw] if isinstance(raw, str) else list(raw)
            return [item.strip() for item in items if item is not None and item.strip()]

        fields: dict[str, object] = {
            kind.name: kind.parse(kind.key, values(kind.key), notices) for kind in FILTER_KINDS
        }
        start, end = fields["start"], fields["end"]
        if start is not None and end is not None and start > end:
            notices.append(f"The start date {start} is after the end date {end}; both are ignored.")
            fields["start"] = fields["end"] = None
        facets = {}
        for key in params:
            if isinstance(key, str) and is_filter_key(key) and key.startswith(FACET_PREFIX):
                facets[key[len(FACET_PREFIX) :]] = tuple(dict.fromkeys(values(key)))
        fields["facets"] = _sorted_facets(facets)
        return cls(**fields), notices

    def restricted_to(self, source: EventTable | Vocabulary) -> tuple[FilterSpec, list[str]]:
        """Keep values the table knows (any letter case, actor aliases); a notice per drop."""
        vocabulary = source if isinstance(source, Vocabulary) else table_vocabulary(source)
        notices: list[str] = []
        changes: dict[str, object] = {}
        for kind in FILTER_KINDS:
            current = getattr(self, kind.name)
            if kind.vocabulary is not None and current:
                changes[kind.name] = vocabulary.resolve(
                    kind.vocabulary, current, kind.label, notices
                )
        facets = {}
        for column, values in self.facets:
            if column not in vocabulary.facet_columns:
                notices.append(f"Unknown facet column '{column}' was dropped from the filter.")
                continue
            if column in schema.LIST_COLUMNS:
                values = vocabulary.resolve(FACET_PREFIX + column, values, column, notices)
            facets[column] = values
        changes["facets"] = _sorted_facets(facets)
        return replace(self, **changes), notices

    def caption(self) -> str:
        """The filters in words, e.g. ``country: Myanmar; type: visit or meeting``."""
        parts = [kind.caption(value) for kind, value in self.active()]
        parts += [f"{column}: {_or(values)}" for column, values in self.facets]
        return "; ".join(parts) if parts else "all events"

    def where(self, dialect: Dialect) -> Sql:
        """The SQL condition of this spec over a converted dataset (``TRUE`` when empty)."""
        params = _Params(dialect)
        terms = [f"({kind.expression(value, params)})" for kind, value in self.active()]
        terms += [f"({_facet_expression(c, v, params)})" for c, v in self.facets]
        return Sql(" AND ".join(terms) if terms else "TRUE", params.values)


def _sorted_facets(facets: Mapping[str, tuple[str, ...]]) -> Facets:
    return tuple(sorted((column, values) for column, values in facets.items() if values))


def _parse_date(name: str, text: str, notices: list[str]) -> dt.date | None:
    if _ISO_DATE.fullmatch(text):
        try:
            return date_in_bounds(name, dt.date.fromisoformat(text), notices)
        except ValueError:
            pass
    notices.append(f"'{text}' is not a date (YYYY-MM-DD); the {name} date is ignored.")
    return None


def date_in_bounds(name: str, value: dt.date | None, notices: list[str]) -> dt.date | None:
    """``value`` if inside [:data:`MIN_DATE`, :data:`MAX_DATE`], else None and a notice.

    One rule for the URL, the sidebar and the command line (where the notice refuses
    the export instead of writing nothing).
    """
    if value is None or MIN_DATE <= value <= MAX_DATE:
        return value
    notices.append(
        f"The {name} date {value} is outside {MIN_DATE.year}-{MAX_DATE.year}; it is ignored."
    )
    return None


# --- facets ----------------------------------------------------------------------------------

#: Facet on a list column -> the dataset column holding its values as a list.
_LIST_FACET_COLUMNS = {
    "actors": "actors",
    "recipients": "recipients",
    "countries": COUNTRY_KEYS_COLUMN,
}


def _facet_postings(table: EventTable, column: str) -> Postings:
    return {"actors": table.actors, "recipients": table.recipients, "countries": table.countries}[
        column
    ]


def facet_columns(table: EventTable) -> tuple[str, ...]:
    """The columns a facet can choose on: the list columns and the other category text."""
    events = table.events
    text = [
        c
        for c in events.columns
        if c not in NOT_FACETS
        and c not in schema.LIST_COLUMNS
        and c not in schema.DATE_COLUMNS
        and (is_text(events[c].dtype) or pd.api.types.is_integer_dtype(events[c]))
    ]
    return (*schema.LIST_COLUMNS, *text)


def _facet_cells(table: EventTable, column: str) -> pa.Array:
    """A facet column's cells as text: whole numbers (QuadClass ``4``) as written in the CSV."""
    cells = table.events[column]
    if pd.api.types.is_integer_dtype(cells):
        return pc.cast(pa.array(cells), pa.large_string())
    return text_array(cells)


def _facet_mask(table: EventTable, column: str, values, rows: Rows) -> np.ndarray:
    if column in schema.LIST_COLUMNS:
        return _postings_mask(_facet_postings(table, column), values, table, rows)
    if column not in table.events.columns:
        return np.zeros(len(table) if rows is None else len(rows), dtype=bool)
    cells = _facet_cells(table, column)
    if rows is not None:
        cells = pc.take(cells, pa.array(rows))
    found = pc.is_in(cells, value_set=pa.array(list(values), type=pa.large_string()))
    return found.to_numpy(zero_copy_only=False)


def _facet_expression(column: str, values: tuple[str, ...], params: _Params) -> str:
    d = params.dialect
    if column in _LIST_FACET_COLUMNS:
        return f"{d.overlap}({d.identifier(_LIST_FACET_COLUMNS[column])}, {params.array(values)})"
    items = ", ".join(params.add(v) for v in values)
    # As text, so a whole-number column (QuadClass) matches its values as written ("4").
    return f"CAST({d.identifier(column)} AS {d.text}) IN ({items})"


@dataclass(frozen=True)
class FacetCounts:
    """How many of the filtered events have each value of one column, busiest first."""

    column: str
    values: tuple[str, ...]
    counts: tuple[int, ...]

    def as_dict(self) -> dict[str, int]:
        return dict(zip(self.values, self.counts, strict=True))


def sorted_facet_counts(column: str, counts: Mapping[str, int]) -> FacetCounts:
    """A :class:`FacetCounts` of the non-zero ``counts``, by count then value."""
    items = sorted(((v, int(n)) for v, n in counts.items() if n), key=lambda i: (-i[1], i[0]))
    return FacetCounts(column, tuple(v for v, _ in items), tuple(n for _, n in items))


def facet_counts(table: EventTable, positions: np.ndarray, column: str) -> FacetCounts:
    """Value -> number of the events at ``positions`` that have it, for a facet column.

    Empty values are not counted; a list column counts each event once per value.
    """
    if column in schema.LIST_COLUMNS:
        postings = _facet_postings(table, column)
        codes, _ = postings_pairs(postings, selected_mask(positions, len(table)))
        counts = np.bincount(codes, minlength=len(postings.names))
        return sorted_facet_counts(column, dict(zip(postings.names, counts.tolist(), strict=True)))
    if column not in table.events.columns:
        return FacetCounts(column, (), ())
    cells = _facet_cells(table, column)
    counted = pc.value_counts(pc.take(cells, pa.array(positions, type=pa.int64())))
    pairs = dict(zip(counted.field(0).to_pylist(), counted.field(1).to_pylist(), strict=True))
    pairs.pop("", None)
    pairs.pop(None, None)
    return sorted_facet_counts(column, pairs)


# --- known values (restricted_to) -------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """The values a table knows, per vocabulary name, and how actor aliases resolve."""

    names: Mapping[str, tuple[str, ...]]
    canonical: Callable[[str], str]
    facet_columns: tuple[str, ...]

    def resolve(
        self, vocabulary: str, values: tuple[str, ...], label: str, notices: list[str]
    ) -> tuple[str, ...]:
        """``values`` spelled as the table spells them; unknown ones dropped with a notice."""
        known = self.names[vocabulary]
        exact = set(known)
        folded = {value.casefold(): value for value in known}
        aliased = vocabulary in ("actors", FACET_PREFIX + "actors", FACET_PREFIX + "recipients")
        kept = []
        for value in values:
            resolved = self.canonical(value) if aliased else value
            if resolved not in exact:
                resolved = folded.get(resolved.casefold(), resolved)
            if resolved in exact:
                kept.append(resolved)
            else:
                notices.append(f"Unknown {label} '{value}' was dropped from the filter.")
        return tuple(dict.fromkeys(kept))


def table_vocabulary(table: EventTable) -> Vocabulary:
    """The known values of an in-memory table."""
    return Vocabulary(
        names={
            "countries": table.countries.names,
            "actors": table.participants.names,
            "event_types": table.event_types,
            FACET_PREFIX + "actors": table.actors.names,
            FACET_PREFIX + "recipients": table.recipients.names,
            FACET_PREFIX + "countries": table.countries.names,
        },
        canonical=table.directory.canonical,
        facet_columns=facet_columns(table),
    )


# --- the in-memory filter --------------------------------------------------------------------


def filter_mask(table: EventTable, spec: FilterSpec) -> np.ndarray:
    """Boolean mask over ``table.events`` of the events ``spec`` keeps (vectorised)."""
    return _conditions(table, spec, None)


def filter_positions(table: EventTable, spec: FilterSpec) -> np.ndarray:
    """Positions (row numbers in ``table.events``) of the events ``spec`` keeps."""
    if spec.is_empty():
        return table.every_position()  # shared and read-only
    candidates = _selective_candidates(table, spec)
    if candidates is None:
        return np.flatnonzero(filter_mask(table, spec))
    return candidates[_conditions(table, spec, candidates)].astype(np.int64)


def _selective_candidates(table: EventTable, spec: FilterSpec) -> np.ndarray | None:
    """The events of the rarest actor/country choice, when few: the rest is checked on them."""
    lists = [(table.participants, spec.actors), (table.countries, spec.countries)]
    sized = [(postings.size_of(wanted), postings, wanted) for postings, wanted in lists if wanted]
    if not sized:
        return None
    size, postings, wanted = min(sized, key=lambda item: item[0])
    if size > len(table) // _SELECTIVE_SHARE:
        return None
    return postings.events_of(wanted)


def _conditions(table: EventTable, spec: FilterSpec, events: np.ndarray | None) -> np.ndarray:
    """Every condition of ``spec``, on all events (``events`` None) or on ``events`` only."""
    n = len(table) if events is None else len(events)
    keep = np.ones(n, dtype=bool)
    costly = []
    for kind, value in spec.active():
        if kind.costly:
            costly.append((kind, value))
        else:
            keep &= kind.mask(table, value, events)
    for column, values in spec.facets:
        keep &= _facet_mask(table, column, values, events)
    for kind, value in costly:
        if not keep.any():
            break
        # Evaluate only on the events still kept (the text match is the costliest condition).
        kept = np.flatnonzero(keep) if events is None else events[keep]
        keep[keep] = kind.mask(table, value, kept if len(kept) < len(table) else None)
    return keep


def apply_filters(table: EventTable, spec: FilterSpec) -> pd.DataFrame:
    """The events ``spec`` keeps, in table order."""
    return table.take(filter_positions(table, spec))


# --- the command line ------------------------------------------------------------------------


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """One flag per filter kind, named after its URL key, plus ``--facet COLUMN=VALUE``."""
    for kind in FILTER_KINDS:
        parser.add_argument(
            f"--{kind.key}",
            dest=f"filter_{kind.name}",
            action="append",
            metavar=kind.metavar,
            help=kind.help
            + (" (repeatable)" if kind.many and "repeatable" not in kind.help else ""),
        )
    parser.add_argument(
        "--facet",
        dest="filter_facets",
        action="append",
        metavar="COLUMN=VALUE",
        help="keep events whose COLUMN has VALUE (repeatable; same column: any value)",
    )


def spec_from_args(args: argparse.Namespace) -> tuple[FilterSpec, list[str]]:
    """The same parsing as the app's URL: flags are the query-parameter keys."""
    params: dict[str, list[str]] = {
        kind.key: getattr(args, f"filter_{kind.name}") or [] for kind in FILTER_KINDS
    }
    notices = []
    for item in getattr(args, "filter_facets", None) or []:
        column, sep, value = item.partition("=")
        if not sep or not column.strip():
            notices.append(f"'{item}' is not COLUMN=VALUE; the facet is ignored.")
            continue
        params.setdefault(_facet_key(column.strip()), []).append(value)
    spec, more = FilterSpec.from_query_params(params)
    return spec, notices + more
