"""One filter specification for the sidebar, the URL and the command line.

A :class:`FilterSpec` is plain data. Its meaning:

* several values of one kind (two countries) match events with *any* of them;
  different kinds (a country and an event type) must *all* match;
* ``countries`` match an event's countries and the countries of its actors and
  recipients; ``actors`` match an event's actors or recipients;
* ``start``/``end`` keep every event whose [start_date, end_date] overlaps the
  range (a July-2022 month-precision event is inside 15-20 July 2022);
* ``q`` is a case-insensitive substring of the title, description, actors,
  recipients, countries, location or notes.

In a URL (and on the command line) the keys are ``country``, ``actor``, ``type``,
``start``, ``end`` and ``q``, repeated for several values. Bad values are
reported back as notices, never raised.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.table import FIELD_BREAK, EventTable

#: FilterSpec field -> URL / command-line key.
PARAM_KEYS: dict[str, str] = {
    "countries": "country",
    "actors": "actor",
    "event_types": "type",
    "start": "start",
    "end": "end",
    "q": "q",
}
_LIST_FIELDS = ("countries", "actors", "event_types")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_QUERY_LENGTH = 200
_EPOCH = dt.date(1970, 1, 1)
#: Filter through the rarest actor/country choice when it holds at most 1/N of the events.
_SELECTIVE_SHARE = 16


@dataclass(frozen=True)
class FilterSpec:
    """Which events to show; the empty spec shows all."""

    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    q: str = ""

    def is_empty(self) -> bool:
        return self == FilterSpec()

    def to_query_params(self) -> dict[str, list[str]]:
        """The URL form: key -> list of values (only keys that are set)."""
        params: dict[str, list[str]] = {}
        for name in _LIST_FIELDS:
            values = getattr(self, name)
            if values:
                params[PARAM_KEYS[name]] = list(values)
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                params[PARAM_KEYS[name]] = [value.isoformat()]
        if self.q:
            params["q"] = [self.q]
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

        fields: dict[str, object] = {}
        for name in _LIST_FIELDS:
            fields[name] = tuple(dict.fromkeys(values(PARAM_KEYS[name])))
        for name in ("start", "end"):
            given = values(name)
            if len(given) > 1:
                notices.append(f"Several values for '{name}'; the first ({given[0]}) is used.")
            fields[name] = _parse_date(name, given[0], notices) if given else None
        start, end = fields["start"], fields["end"]
        if start is not None and end is not None and start > end:
            notices.append(f"The start date {start} is after the end date {end}; both are ignored.")
            fields["start"] = fields["end"] = None
        query = " ".join(values("q")).replace(FIELD_BREAK, "")
        if len(query) > _MAX_QUERY_LENGTH:
            notices.append(f"The search text was cut to {_MAX_QUERY_LENGTH} characters.")
            query = query[:_MAX_QUERY_LENGTH]
        fields["q"] = query
        return cls(**fields), notices

    def restricted_to(self, table: EventTable) -> tuple[FilterSpec, list[str]]:
        """Keep values the table knows (any letter case, actor aliases); a notice per drop."""
        notices: list[str] = []
        known = {
            "countries": table.countries.names,
            "actors": table.participants.names,
            "event_types": table.event_types,
        }
        labels = {"countries": "country", "actors": "actor", "event_types": "event type"}
        changes: dict[str, tuple[str, ...]] = {}
        for name in _LIST_FIELDS:
            current = getattr(self, name)
            if not current:
                changes[name] = current
                continue
            exact = set(known[name])
            folded = {value.casefold(): value for value in known[name]}
            kept = []
            for value in current:
                resolved = table.directory.canonical(value) if name == "actors" else value
                if resolved not in exact:
                    resolved = folded.get(resolved.casefold(), resolved)
                if resolved in exact:
                    kept.append(resolved)
                else:
                    notices.append(f"Unknown {labels[name]} '{value}' was dropped from the filter.")
            changes[name] = tuple(dict.fromkeys(kept))
        return replace(self, **changes), notices


def _parse_date(name: str, text: str, notices: list[str]) -> dt.date | None:
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    notices.append(f"'{text}' is not a date (YYYY-MM-DD); the {name} date is ignored.")
    return None


def filter_mask(table: EventTable, spec: FilterSpec) -> np.ndarray:
    """Boolean mask over ``table.events`` of the events ``spec`` keeps (vectorised)."""
    return _conditions(table, spec, None)


def filter_positions(table: EventTable, spec: FilterSpec) -> np.ndarray:
    """Positions (row numbers in ``table.events``) of the events ``spec`` keeps."""
    if spec.is_empty():
        return np.arange(len(table))
    candidates = _selective_candidates(table, spec)
    if candidates is None:
        return np.flatnonzero(filter_mask(table, spec))
    return candidates[_candidate_mask(table, spec, candidates)].astype(np.int64)


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


def _candidate_mask(table: EventTable, spec: FilterSpec, events: np.ndarray) -> np.ndarray:
    """filter_mask restricted to ``events`` (same conditions, computed on those rows only)."""
    return _conditions(table, spec, events)


def _conditions(table: EventTable, spec: FilterSpec, events: np.ndarray | None) -> np.ndarray:
    """Every condition of ``spec``, on all events (``events`` None) or on ``events`` only."""
    rows = slice(None) if events is None else events
    n = len(table) if events is None else len(events)
    keep = np.ones(n, dtype=bool)
    for postings, wanted in ((table.countries, spec.countries), (table.participants, spec.actors)):
        if wanted:
            keep &= postings.mask(wanted, n) if events is None else postings.holds(wanted, events)
    if spec.event_types:
        codes = [i for i, name in enumerate(table.event_types) if name in spec.event_types]
        keep &= np.isin(table.type_codes[rows], np.asarray(codes, dtype=np.int16))
    if spec.start is not None:
        keep &= table.end_days[rows] >= (spec.start - _EPOCH).days
    if spec.end is not None:
        keep &= table.start_days[rows] <= (spec.end - _EPOCH).days
    if spec.q and keep.any():
        # Search only the events still kept (the text match is the costliest condition).
        kept = np.flatnonzero(keep) if events is None else events[keep]
        text = table.haystack()
        if len(kept) < len(text):
            text = pc.take(text, pa.array(kept))
        keep[keep] = pc.match_substring(text, spec.q.lower()).to_numpy(zero_copy_only=False)
    return keep


def apply_filters(table: EventTable, spec: FilterSpec) -> pd.DataFrame:
    """The events ``spec`` keeps, in table order."""
    return table.take(filter_positions(table, spec))
