"""The actors directory: canonical names, aliases, kinds and countries."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard import schema
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
        row = dict(zip(header, record, strict=True))
        name = row["actor"].strip()
        if not name:
            problems.append(Problem(row_number, "actor", "is empty"))
            continue
        if name in kinds or name in aliases:
            problems.append(Problem(row_number, "actor", f"{name!r} is listed twice"))
        if row["kind"] not in schema.ACTOR_KINDS:
            problems.append(
                Problem(
                    row_number,
                    "kind",
                    f"unknown kind {row['kind']!r}; use one of {', '.join(schema.ACTOR_KINDS)}",
                )
            )
        kinds[name] = row["kind"]
        countries[name] = row["country"].strip()
        for alias in schema.split_list(row["aliases"]):
            if alias in aliases or (alias in kinds and alias != name):
                problems.append(Problem(row_number, "aliases", f"alias {alias!r} is ambiguous"))
            aliases[alias] = name
    if problems:
        raise EventsFileError(problems)
    return ActorDirectory(kinds=kinds, countries=countries, aliases=aliases)
