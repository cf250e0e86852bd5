"""The actors directory: canonical names, aliases, kinds and countries."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard import schema
from dashboard.cells import unescape_formula_cell
from dashboard.geography import named_country
from dashboard.loading import csv_reader, read_source
from dashboard.problems import EventsFileError, Problem

ACTOR_COLUMNS: tuple[str, ...] = ("actor", "kind", "country", "aliases")


@dataclass(frozen=True)
class ActorDirectory:
    """Canonical actor names with their kind and country; aliases map to one name."""

    kinds: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    #: Actors the directory does not list whose country was taken from the table's own
    #: events (see :func:`dashboard.table.infer_actor_countries`).
    inferred: frozenset[str] = frozenset()

    def canonical(self, name: str) -> str:
        """The canonical spelling of ``name`` (itself when unknown)."""
        return self.aliases.get(name, name)

    def country_of(self, name: str) -> str:
        """The country of an actor (by any spelling), or "" when unknown."""
        return self.countries.get(self.canonical(name), "")

    def country_or_named(self, name: str) -> str:
        """:meth:`country_of`, else the country the actor's own name names (ACLED's
        "Military Forces of Pakistan (2013-2018)", "Rioters (Sudan)", UCDP's "Government of
        Uganda": :func:`~dashboard.geography.named_country`), else ""."""
        return self.country_of(name) or named_country(name)

    def knows(self, name: str) -> bool:
        """Whether the directory lists the actor (by its canonical name)."""
        return name in self.kinds

    def with_inferred(self, countries: Mapping[str, str]) -> ActorDirectory:
        """This directory plus ``countries`` of actors it does not list (itself if none)."""
        unlisted = {name: c for name, c in countries.items() if not self.knows(name)}
        if not unlisted:
            return self
        return ActorDirectory(
            self.kinds,
            {**self.countries, **unlisted},
            self.aliases,
            self.inferred | frozenset(unlisted),
        )


def load_actors(path: str | os.PathLike) -> ActorDirectory:
    """Read data/actors.csv (actor, kind, country, aliases) into a directory."""
    try:
        # read_source: a regular file only, size-bounded (a FIFO or /dev/zero is refused).
        text = read_source(path).decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise EventsFileError(
            [Problem(None, None, f"{path}: not UTF-8 text ({err.reason} at byte {err.start})")]
        ) from None
    return parse_actors(text)


def parse_actors(text: str) -> ActorDirectory:
    """Parse the actors table; report every problem by row and column."""
    reader = csv_reader(text)
    header = next(reader, [])
    missing = [c for c in ACTOR_COLUMNS if c not in header]
    if missing:
        raise EventsFileError([Problem(None, c, "required column is missing") for c in missing])
    kinds: dict[str, str] = {}
    countries: dict[str, str] = {}
    aliases: dict[str, str] = {}
    problems: list[Problem] = []
    next_row = reader.line_num + 1
    for record in reader:
        # Rows are file lines (header = row 1), exact even with quoted newlines.
        row_number, next_row = next_row, reader.line_num + 1
        if not record:
            continue
        if len(record) != len(header):
            problems.append(
                Problem(row_number, None, f"has {len(record)} fields, the header has {len(header)}")
            )
            continue
        # As the events loader does: a cell our export protected from spreadsheets
        # ("'=...") is read as written before it was protected.
        row = dict(zip(header, map(unescape_formula_cell, record), strict=True))
        name = row["actor"].strip()
        row_aliases = schema.split_list(row["aliases"])
        found = actor_problems(name, row["kind"], row_aliases, kinds, aliases, row_number)
        problems += found
        if not name:
            continue
        kinds[name] = row["kind"]
        countries[name] = row["country"].strip()
        for alias in row_aliases:
            aliases[alias] = name
    if problems:
        raise EventsFileError(problems)
    return ActorDirectory(kinds=kinds, countries=countries, aliases=aliases)


def actor_problems(
    name: str,
    kind: str,
    aliases: list[str],
    known_kinds: Mapping[str, str],
    known_aliases: Mapping[str, str],
    row: int | None = None,
    known_in: str = "",
) -> list[Problem]:
    """What is wrong with one more actor of a directory (empty: nothing).

    The checks every actor gets, in data/actors.csv (:func:`parse_actors`) as in the
    workspace (:meth:`dashboard.workspace.Workspace.add_actor`): a name, a kind of
    ``schema.ACTOR_KINDS``, and a name and aliases that are no name or alias of the
    actors listed before (``known_kinds``: name -> kind; ``known_aliases``: alias -> name).

    Parameters
    ----------
    name
        The canonical name, trimmed.
    kind, aliases
        Its kind and its other spellings.
    known_kinds, known_aliases
        The directory it joins.
    row
        The file row the problems name, if any.
    known_in
        What the known actors are, for the messages ("the actors directory"); empty for
        a file's rows, told "listed twice" and "ambiguous".
    """
    if not name:
        return [Problem(row, "actor", "is empty")]
    problems = []
    taken = f"is already a name or alias in {known_in}" if known_in else ""
    if name in known_kinds or name in known_aliases:
        problems.append(Problem(row, "actor", f"{name!r} {taken or 'is listed twice'}"))
    if kind not in schema.ACTOR_KINDS:
        what = f"unknown kind {kind!r}" if kind else "is empty"
        problems.append(Problem(row, "kind", f"{what}; use one of {', '.join(schema.ACTOR_KINDS)}"))
    seen: set[str] = set()
    for alias in aliases:
        if alias in known_aliases or alias in seen or (alias in known_kinds and alias != name):
            problems.append(Problem(row, "aliases", f"alias {alias!r} {taken or 'is ambiguous'}"))
        seen.add(alias)
    return problems
