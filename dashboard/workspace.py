"""The analyst's workspace: accepted events, who added or changed them, and their articles.

A real embedded database (SQLite through the standard library, WAL mode) at
``$WORKSPACE_PATH`` (default ``.local/workspace.sqlite3`` in the repository, ignored by
git). Five tables:

* ``articles``: the texts events were extracted from, with publication date, citation,
  who added them and when;
* ``events``: one row per accepted event, every schema column as text, plus who added
  and last changed it and when;
* ``history``: append-only (triggers refuse UPDATE and DELETE): every add, edit and
  removal with the event as it was written, who and when;
* ``actors``: actors the analysts added in review (an extractor's "names to review as new
  actors"), in data/actors.csv's columns plus who added each and when. They count as
  known wherever the app checks or offers actors (:func:`with_actors`);
* ``actor_history``: append-only like ``history``, every addition of an actor as it was
  written. A sibling of ``history``, not rows of it: ``history``'s ``action`` is held to
  add/edit/remove of an event by a CHECK constraint, and an existing workspace file's
  append-only table cannot be rebuilt to widen it.

Tables are created with ``CREATE TABLE IF NOT EXISTS``: an older workspace file gains the
new ones on first use.

Every write is one ``BEGIN IMMEDIATE`` transaction, so two sessions accepting at the same
time queue behind SQLite's write lock (``busy_timeout``) and nothing is lost. A bad event
(end before start, unknown actor, empty title, anything ``validate`` refuses) raises
:class:`WorkspaceError` naming the event and column, and nothing of the batch is saved.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard import schema
from dashboard.actors import ACTOR_COLUMNS, ActorDirectory, actor_problems
from dashboard.geography import COUNTRY_BY_NAME, SPELLINGS, find_countries, government_name
from dashboard.loading import validate_events_frame
from dashboard.problems import EventsFileError, Problem
from dashboard.table import EventTable, index_loaded, load_directory

WORKSPACE_PATH_VARIABLE = "WORKSPACE_PATH"
DEFAULT_WORKSPACE_PATH = Path(__file__).resolve().parent.parent / ".local" / "workspace.sqlite3"
#: Extra column of workspace events in the dashboard's table: who added the event. Its
#: being non-empty is the badge that marks an event as the analyst's own.
ADDED_BY_COLUMN = "workspace_added_by"
#: Seconds a writer waits for another's transaction to finish before giving up.
BUSY_TIMEOUT_S = 30.0


def _append_only(table: str, key: str) -> str:
    """An append-only history table (triggers refuse UPDATE and DELETE) of changes to
    the rows named by ``key``: each change as written, who and when."""
    return f"""CREATE TABLE IF NOT EXISTS {table} (
    change_id INTEGER PRIMARY KEY AUTOINCREMENT,
    {key} TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove')),
    record TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"""


_EVENT_COLUMNS = ", ".join(f'"{c}" TEXT NOT NULL' for c in schema.SCHEMA_COLUMNS)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    article_id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    published TEXT NOT NULL,
    source TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    {_EVENT_COLUMNS},
    article_id INTEGER REFERENCES articles(article_id),
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (event_id)
);
{_append_only("history", "event_id")}
CREATE TABLE IF NOT EXISTS actors (
    actor TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    aliases TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
{_append_only("actor_history", "actor")}
"""
#: The workspace's actors table: data/actors.csv's columns, then who added each and when.
WORKSPACE_ACTOR_COLUMNS: tuple[str, ...] = (*ACTOR_COLUMNS, "added_by", "added_at")
#: What the known actors are, in the messages refusing a new actor.
_KNOWN_ACTORS = "the actors directory or the workspace's actors"


class WorkspaceError(Exception):
    """Events that cannot be saved; ``problems`` names each event and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems) or "cannot save")


def log_unread(logger: logging.Logger, path: Path, error: BaseException) -> None:
    """Log why the workspace at ``path`` was not read: a :class:`WorkspaceError` (a
    refusal the user is shown) as one warning line, without a traceback; any other
    error, unexpected, with its traceback."""
    if isinstance(error, WorkspaceError):
        logger.warning("the workspace %s was not read: %s", path, error)
    else:
        logger.error("reading the workspace %s failed", path, exc_info=error)


@dataclass(frozen=True)
class Change:
    """One entry of the append-only history."""

    change_id: int
    event_id: str
    action: str
    record: dict
    changed_by: str
    changed_at: str


@contextmanager
def _as_workspace(path: Path):
    """Open ``path`` as a workspace: a file SQLite cannot read as a database (not one, or
    damaged) is a :class:`WorkspaceError` naming it, not an unexpected error."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        if type(error) is not sqlite3.DatabaseError:  # locked, constraint...: not the file's
            raise
        raise WorkspaceError(
            [
                Problem(
                    None,
                    None,
                    f"the workspace {path} is not a database SQLite can read ({error}); point "
                    f"{WORKSPACE_PATH_VARIABLE} (or --workspace) at a workspace file, or "
                    "move this file away to start a new one",
                )
            ]
        ) from error


def default_workspace_path() -> Path:
    """``$WORKSPACE_PATH`` if set, else ``.local/workspace.sqlite3`` in the repository."""
    configured = os.environ.get(WORKSPACE_PATH_VARIABLE)
    return Path(configured) if configured else DEFAULT_WORKSPACE_PATH


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _name_of(person: str) -> str:
    person = " ".join(str(person).split())
    if not person:
        raise WorkspaceError([Problem(None, None, "say who is making the change (a name)")])
    return person


class Workspace:
    """The workspace database at ``path`` (created on first use).

    Each method opens its own connection, so one object may serve many sessions and
    threads; SQLite serialises the writers.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_workspace_path()

    @contextmanager
    def _connect(self, write: bool = False):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)) as db:
            with _as_workspace(self.path):
                db.isolation_level = None  # explicit transactions below
                db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA foreign_keys = ON")
                db.executescript(_SCHEMA)
            if not write:
                yield db
                return
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # --- reading -------------------------------------------------------------------------

    def version(self) -> tuple[int, int, int]:
        """(number of events, last event change id, last actor change id): changes
        whenever the workspace does, its events or its actors."""
        with self._connect() as db:
            return _version(db)

    def actors_frame(self) -> pd.DataFrame:
        """The actors added in the workspace, oldest first (``WORKSPACE_ACTOR_COLUMNS``)."""
        with self._connect() as db:
            return _actors_frame(db)

    def actor_history(self) -> list[Change]:
        """Every change of the workspace's actors, oldest first (``event_id``: the actor)."""
        with self._connect() as db:
            return _changes(db, "actor_history", "actor")

    def directory(self, base: ActorDirectory | None = None) -> ActorDirectory:
        """``base`` (default: the actors directory file) plus the workspace's actors, as
        a new directory (``base`` is not changed)."""
        return with_actors(load_directory() if base is None else base, self.actors_frame())

    def records(self) -> list[dict[str, str]]:
        """The workspace's events as schema records plus who added them, oldest first."""
        columns = ", ".join(f'"{c}"' for c in schema.SCHEMA_COLUMNS)
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {columns}, added_by FROM events ORDER BY added_at, rowid"
            ).fetchall()
        names = [*schema.SCHEMA_COLUMNS, ADDED_BY_COLUMN]
        return [dict(zip(names, row, strict=True)) for row in rows]

    def events_frame(self) -> pd.DataFrame:
        """The workspace's events as a validated events frame (``ADDED_BY_COLUMN`` extra)."""
        records = self.records()
        names = [*schema.SCHEMA_COLUMNS, ADDED_BY_COLUMN]
        frame = pd.DataFrame({n: pd.Series([r[n] for r in records], dtype="str") for n in names})
        return validate_events_frame(frame)

    def history(self, event_id: str | None = None) -> list[Change]:
        """Every change, oldest first (of one event if ``event_id`` is given)."""
        with self._connect() as db:
            return _changes(db, "history", "event_id", event_id)

    def articles(self) -> list[dict[str, str]]:
        """The stored article texts with their citation facts, oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT article_id, text, published, source, added_by, added_at "
                "FROM articles ORDER BY article_id"
            ).fetchall()
        keys = ("article_id", "text", "published", "source", "added_by", "added_at")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # --- writing -------------------------------------------------------------------------

    def add_article(self, text: str, published: str, source: str, by: str) -> int:
        """Store an article's text; returns its id."""
        by = _name_of(by)
        with self._connect(write=True) as db:
            return _insert_article(db, Article(text, published, source), by, _now())

    def add_actor(
        self,
        actor: str,
        kind: str,
        country: str,
        aliases: str | Iterable[str],
        by: str,
        directory: ActorDirectory,
    ) -> str:
        """Add an actor to the workspace (an extractor's proposed name, reviewed); returns
        its name.

        Checked as data/actors.csv's rows are (:func:`dashboard.actors.actor_problems`),
        against ``directory`` and the workspace's actors at the moment of writing (so two
        sessions adding the same name at once cannot both succeed); its name must not be
        a country's ("Chile": its government is "Chilean government") and its country must
        be empty or a country's name.

        Parameters
        ----------
        actor
            The canonical name.
        kind
            One of ``schema.ACTOR_KINDS``.
        country
            A country's canonical name (:data:`dashboard.geography.COUNTRIES`), or "".
        aliases
            Other spellings: a ``;``-separated text or a list.
        by
            Who adds it.
        directory
            The actors directory the name must be new to.

        Raises
        ------
        WorkspaceError
            Naming each bad field (``actor``, ``kind``, ``country``, ``aliases``); nothing
            is saved then.
        """
        by = _name_of(by)
        name = " ".join(str(actor).split())
        kind = str(kind or "").strip()
        country = str(country or "").strip()
        if isinstance(aliases, str):
            aliases = schema.split_list(aliases)
        aliases = list(dict.fromkeys(" ".join(str(a).split()) for a in aliases if str(a).strip()))
        aliases = [a for a in aliases if a != name]
        with self._connect(write=True) as db:
            known = with_actors(directory, _actors_frame(db))
            problems = actor_problems(
                name, kind, aliases, known.kinds, known.aliases, known_in=_KNOWN_ACTORS
            )
            if name in SPELLINGS:
                problems.append(
                    Problem(None, "actor", f"{name!r} names a country, which is no actor of its "
                    f"own; a country acting as such is {government_name(SPELLINGS[name])!r}")
                )  # fmt: skip
            if name and country and country not in COUNTRY_BY_NAME:
                problems.append(
                    Problem(None, "country", f"{country!r} is no country's name; leave it empty "
                    "for an actor of no one country")
                )  # fmt: skip
            if problems:
                raise WorkspaceError(problems)
            record = {
                "actor": name,
                "kind": kind,
                "country": country,
                "aliases": schema.LIST_SEPARATOR.join(aliases),
            }
            now = _now()
            db.execute(
                "INSERT INTO actors (actor, kind, country, aliases, added_by, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (*record.values(), by, now),
            )
            _log(db, name, "add", record, by, now, table="actor_history", key="actor")
        return name

    def accept(
        self,
        events: Iterable[Mapping[str, str]],
        by: str,
        directory: ActorDirectory,
        *,
        article_id: int | None = None,
        article: Article | None = None,
        taken_ids: Iterable[str] = (),
    ) -> list[str]:
        """Save accepted events (all or none); returns their ids.

        Parameters
        ----------
        events
            Records with schema columns (extra keys are ignored, absent ones empty).
        by
            Who accepts them.
        directory
            Known actors: every name in ``actors`` and ``recipients`` must be one.
        article_id
            The stored article they come from, if any.
        article
            The article they come from, stored with them in the same transaction (so a
            refused batch stores no article either); instead of ``article_id``.
        taken_ids
            Ids already used by the open table or by an earlier event of the batch: a
            clashing id gets a ``-2``, ``-3``... (both events are kept).

        Raises
        ------
        WorkspaceError
            Naming each bad event and column; nothing is saved then.
        """
        by = _name_of(by)
        records = [_record(e) for e in events]
        used = set(taken_ids)
        for record in records:  # ids the open table or the batch already use: kept apart
            if record["event_id"]:
                record["event_id"] = _unique(record["event_id"], used)
                used.add(record["event_id"])
        check_events(records, directory)
        now = _now()
        with self._connect(write=True) as db:
            used |= {r[0] for r in db.execute("SELECT event_id FROM events")}
            if article is not None:
                article_id = _insert_article(db, article, by, now)
            saved = []
            for record in records:
                if saved.count(record["event_id"]) or _in_db(db, record["event_id"]):
                    record["event_id"] = _unique(record["event_id"], used)
                used.add(record["event_id"])
                self._insert(db, record, article_id, by, now)
                saved.append(record["event_id"])
            return saved

    def edit(
        self, event_id: str, changes: Mapping[str, str], by: str, directory: ActorDirectory
    ) -> None:
        """Change fields of a saved event (validated like a new one; ids stay)."""
        by = _name_of(by)
        with self._connect(write=True) as db:
            current = self._current(db, event_id)
            record = _record({**current, **changes, "event_id": event_id})
            check_events([record], directory)
            assignments = ", ".join(f'"{c}" = ?' for c in schema.SCHEMA_COLUMNS)
            now = _now()
            db.execute(
                f"UPDATE events SET {assignments}, changed_by = ?, changed_at = ? "
                "WHERE event_id = ?",
                [record[c] for c in schema.SCHEMA_COLUMNS] + [by, now, event_id],
            )
            _log(db, event_id, "edit", record, by, now)

    def remove(self, event_id: str, by: str) -> None:
        """Take an event out of the workspace (its history stays)."""
        by = _name_of(by)
        with self._connect(write=True) as db:
            current = self._current(db, event_id)
            db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
            _log(db, event_id, "remove", current, by, _now())

    @staticmethod
    def _current(db, event_id: str) -> dict[str, str]:
        columns = ", ".join(f'"{c}"' for c in schema.SCHEMA_COLUMNS)
        row = db.execute(f"SELECT {columns} FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise WorkspaceError([Problem(None, "event_id", f"no event {event_id!r}")])
        return dict(zip(schema.SCHEMA_COLUMNS, row, strict=True))

    @staticmethod
    def _insert(db, record: dict[str, str], article_id, by: str, now: str) -> None:
        names = [*schema.SCHEMA_COLUMNS, "article_id", "added_by", "added_at"]
        names += ["changed_by", "changed_at"]
        values = [record[c] for c in schema.SCHEMA_COLUMNS] + [article_id, by, now, by, now]
        quoted = ", ".join(f'"{n}"' for n in names)
        db.execute(f"INSERT INTO events ({quoted}) VALUES ({', '.join('?' * len(names))})", values)
        _log(db, record["event_id"], "add", record, by, now)


@dataclass(frozen=True)
class Article:
    """An article events come from: its text, publication date (``YYYY-MM-DD``) and
    citation."""

    text: str
    published: str
    source: str


def _insert_article(db, article: Article, by: str, now: str) -> int:
    """Store ``article`` over ``db`` (in the caller's transaction); returns its id."""
    cursor = db.execute(
        "INSERT INTO articles (text, published, source, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
        (article.text, article.published, article.source, by, now),
    )
    return int(cursor.lastrowid)


def _version(db) -> tuple[int, int, int]:
    """:meth:`Workspace.version` read over ``db``."""
    count = db.execute("SELECT count(*) FROM events").fetchone()[0]
    last = db.execute("SELECT coalesce(max(change_id), 0) FROM history").fetchone()[0]
    actors = db.execute("SELECT coalesce(max(change_id), 0) FROM actor_history").fetchone()[0]
    return int(count), int(last), int(actors)


#: The version of a workspace that does not exist (no events, no actors).
NO_VERSION = (0, 0, 0)


class VersionWatch:
    """:meth:`Workspace.version`, asked again and again at little cost (a query engine asks
    before every answer, whose cache is keyed by it).

    One read-only connection, kept: SQLite's ``PRAGMA data_version`` changes exactly when
    another connection committed since this one last read, so the three counts are read
    again only then (tens of microseconds a question instead of milliseconds). A
    workspace that does not exist has :data:`NO_VERSION` and is not created; a file put
    in its place (another inode) is opened anew.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None
        self._seen: int | None = None
        self._version = NO_VERSION

    def version(self) -> tuple[int, int, int]:
        with self._lock:
            try:
                stat = self.path.stat()
            except FileNotFoundError:
                self._close()
                return NO_VERSION
            if self._db is None or self._file != (stat.st_dev, stat.st_ino):
                self._close()
                self._db = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    timeout=BUSY_TIMEOUT_S,
                    check_same_thread=False,  # one connection, used under the lock
                )
                self._file = (stat.st_dev, stat.st_ino)
            with _as_workspace(self.path):
                seen = self._db.execute("PRAGMA data_version").fetchone()[0]
                if seen != self._seen:
                    self._version = _version(self._db)
                    self._seen = seen
            return self._version

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db, self._file, self._seen = None, None, None


def _actors_frame(db) -> pd.DataFrame:
    columns = ", ".join(WORKSPACE_ACTOR_COLUMNS)
    rows = db.execute(f"SELECT {columns} FROM actors ORDER BY added_at, rowid").fetchall()
    return pd.DataFrame(
        {
            name: pd.Series([r[i] for r in rows], dtype="str")
            for i, name in enumerate(WORKSPACE_ACTOR_COLUMNS)
        }
    )


def with_actors(directory: ActorDirectory, actors: pd.DataFrame) -> ActorDirectory:
    """``directory`` plus ``actors`` (rows in data/actors.csv's columns, such as
    :meth:`Workspace.actors_frame`'s), as a new directory; ``directory`` itself when there
    are none. Neither is changed: a cached, shared directory stays as it was.

    An actor whose country ``directory`` only inferred from a table's rows takes the
    added actor's kind and country.
    """
    if actors.empty:
        return directory
    kinds, countries, aliases = dict(directory.kinds), dict(directory.countries), {}
    for row in actors[list(ACTOR_COLUMNS)].itertuples(index=False):
        kinds[row.actor] = row.kind
        countries[row.actor] = row.country
        aliases.update({alias: row.actor for alias in schema.split_list(row.aliases)})
    return ActorDirectory(
        kinds,
        countries,
        {**directory.aliases, **aliases},
        directory.inferred - frozenset(kinds),
    )


def _in_db(db, event_id: str) -> bool:
    return db.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone() is not None


def _log(
    db,
    value: str,
    action: str,
    record: Mapping[str, str],
    by: str,
    now: str,
    *,
    table: str = "history",
    key: str = "event_id",
) -> None:
    """Append a change to one of the append-only tables (:func:`_append_only`): ``history``
    (``key`` event_id) or ``actor_history`` (``key`` actor)."""
    db.execute(
        f"INSERT INTO {table} ({key}, action, record, changed_by, changed_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (value, action, json.dumps(dict(record), ensure_ascii=False), by, now),
    )


def _changes(db, table: str, key: str, value: str | None = None) -> list[Change]:
    """The changes an append-only table holds, oldest first (of ``value`` if given)."""
    query = f"SELECT change_id, {key}, action, record, changed_by, changed_at FROM {table}"
    if value is None:
        rows = db.execute(query + " ORDER BY change_id").fetchall()
    else:
        rows = db.execute(query + f" WHERE {key} = ? ORDER BY change_id", (value,)).fetchall()
    return [Change(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]


def _record(event: Mapping[str, str]) -> dict[str, str]:
    """The schema columns of ``event`` as trimmed text (absent ones empty)."""
    record = {}
    for column in schema.SCHEMA_COLUMNS:
        value = event.get(column, "")
        if value is None or (isinstance(value, float) and value != value):
            value = ""
        if hasattr(value, "isoformat"):
            value = value.isoformat()[:10]
        record[column] = str(value).strip()
    return record


def _unique(event_id: str, used: set[str]) -> str:
    if event_id not in used:
        return event_id
    n = 2
    while f"{event_id}-{n}" in used:
        n += 1
    return f"{event_id}-{n}"


def check_events(records: list[dict[str, str]], directory: ActorDirectory) -> None:
    """Validate records as an events table would be, plus known actors.

    Raises
    ------
    WorkspaceError
        Problems named by event (its title or id) and column.
    """
    problems: list[Problem] = []
    names = [r.get("title") or r.get("event_id") or f"event {i}" for i, r in enumerate(records, 1)]
    frame = pd.DataFrame(
        {c: pd.Series([r[c] for r in records], dtype="str") for c in schema.SCHEMA_COLUMNS}
    )
    try:
        validate_events_frame(frame)
    except EventsFileError as error:
        for problem in error.problems:
            index = (problem.row or 2) - 2  # validate_events_frame counts the header as row 1
            where = names[index] if 0 <= index < len(names) else "the events"
            problems.append(Problem(None, problem.column, f"{where!r}: {problem.message}"))
    known = set(directory.kinds) | set(directory.aliases)
    for name, record in zip(names, records, strict=True):
        for column in ("actors", "recipients"):
            for actor in schema.split_list(record[column]):
                if actor not in known:
                    problems.append(
                        Problem(
                            None,
                            column,
                            f"{name!r}: unknown actor {actor!r}; use a name from the actors "
                            "directory or the workspace's actors (add a new one under "
                            '"New actors to review" on the Add events page)',
                        )
                    )
    if problems:
        raise WorkspaceError(problems)


@dataclass(frozen=True)
class NewActor:
    """A name the extractor proposed that no known actor has, with the review form's
    starting values."""

    name: str
    #: "government" for a government's name ("Chilean government", "Government of X"),
    #: else None: the reviewer chooses.
    kind: str | None
    #: The country the name's own words or the words attached to it in its evidence
    #: sentences say (:func:`attached_country`), or "".
    country: str
    #: Positions (0-based) of the candidates proposing it.
    candidates: tuple[int, ...]


_GOVERNMENT_SUFFIX = " government"
_GOVERNMENT_PREFIX = "Government of "


#: Words of a title that may stand between a country's name or demonym and the person
#: it titles ("Cambodian Prime Minister X", "Indonesia's foreign minister X") or follow
#: it in apposition ("X, a Belgian envoy,").
_TITLE_WORD = (
    r"(?i:president|vice|prime|deputy|foreign|defen[cs]e|interior|home|finance|trade|affairs"
    r"|minister|secretary|general|special|permanent|envoy|ambassador|king|queen|crown|prince"
    r"|princess|senior|chief|commander|head|leader|junta|military|army|official|diplomat"
    r"|spokes(?:man|woman|person)|counsel+or|acting|former|top)"
)
_TITLES_BEFORE = re.compile(rf"\s+(?:{_TITLE_WORD}\s+){{0,4}}")
_APPOSED_BEFORE = re.compile(r",\s+(?:(?i:a|an|the)\s+)?")
_APPOSED_AFTER = re.compile(rf"\s+{_TITLE_WORD}\b")
_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?")


def attached_country(name: str, sentence: str) -> str:
    """The one country the words attached to ``name`` in ``sentence`` say, or "".

    Attached: a country's name or demonym right before the name or its title ("Cambodian
    Prime Minister X", "Indonesia's foreign minister X"), "of" a country right after it
    ("X of Thailand"), or a country's title in apposition ("X, a Belgian envoy");
    countries (:func:`dashboard.geography.find_countries`) told elsewhere in the sentence,
    where the meeting was, say nothing about whose the person is.
    """
    mentions = find_countries(sentence)
    told = set()
    for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
        for mention in mentions:
            gap = _TITLES_BEFORE.fullmatch(sentence, mention.end, found.start())
            of = _OF_BEFORE.fullmatch(sentence, found.end(), mention.start)
            apposed = _APPOSED_BEFORE.fullmatch(sentence, found.end(), mention.start)
            if gap or of or (apposed and _APPOSED_AFTER.match(sentence, mention.end)):
                told.add(mention.country)
    return told.pop() if len(told) == 1 else ""


def new_actors_to_review(candidates: pd.DataFrame, directory: ActorDirectory) -> list[NewActor]:
    """The names the candidates propose as new actors (their ``proposed_actors``) that
    ``directory`` does not know by any spelling, in order of first proposal.

    A government's name ("Chilean government", "Government of Chile") starts as kind
    government of the country its words name; another name takes the one country the
    words attached to it in its candidates' evidence sentences say
    (:func:`attached_country`), else none: the reviewer says. Never the candidates' own
    countries: a visitor met in a country is named with that country only.
    """
    proposing: dict[str, list[int]] = {}
    for position, proposed in enumerate(candidates.get("proposed_actors", pd.Series(dtype="str"))):
        for name in schema.split_list(str(proposed)):
            if name not in directory.kinds and name not in directory.aliases:
                proposing.setdefault(name, []).append(position)
    found = []
    for name, positions in proposing.items():
        kind, country = None, ""
        if name.endswith(_GOVERNMENT_SUFFIX) or name.startswith(_GOVERNMENT_PREFIX):
            kind = "government"
            words = name.removesuffix(_GOVERNMENT_SUFFIX).removeprefix(_GOVERNMENT_PREFIX)
            country = SPELLINGS.get(words, "")
        if not country and "evidence" in candidates:
            told = {attached_country(name, str(candidates["evidence"].iat[p])) for p in positions}
            told.discard("")
            country = told.pop() if len(told) == 1 else ""
        found.append(NewActor(name, kind, country, tuple(positions)))
    return found


def saved_events(path: Path | str | None = None) -> pd.DataFrame:
    """The events of the workspace at ``path`` (default :func:`default_workspace_path`).

    An empty frame when no workspace database exists there: reading never creates one.
    """
    return _saved(path, Workspace.events_frame)


def saved_actors(path: Path | str | None = None) -> pd.DataFrame:
    """The actors of the workspace at ``path``, as :func:`saved_events` reads its events."""
    return _saved(path, Workspace.actors_frame)


def _saved(path: Path | str | None, read) -> pd.DataFrame:
    path = Path(path) if path is not None else default_workspace_path()
    if not path.is_file():
        return pd.DataFrame()
    return read(Workspace(path))


def with_workspace(
    table: EventTable, workspace: pd.DataFrame, actors: pd.DataFrame | None = None
) -> EventTable:
    """The open table plus the workspace's events (and actors), indexed as one table.

    The one rule for every table the dashboard shows or exports (the default table,
    ``$EVENTS_PATH``, an upload, ``python -m dashboard export``): the workspace's events
    follow the table's, each marked by ``ADDED_BY_COLUMN`` (the badge), and the table's
    directory gains the workspace's ``actors`` (:meth:`Workspace.actors_frame`;
    :func:`with_actors`), so they count as known. ``table`` itself when the workspace has
    neither.
    """
    actors = pd.DataFrame() if actors is None else actors
    if workspace.empty and actors.empty:
        return table
    return index_loaded(
        merge_with_workspace(table.events, workspace),
        with_actors(table.directory, actors),
        table.label,
    )


def added_count(events: pd.DataFrame) -> int:
    """How many of ``events`` are the workspace's: those whose ``ADDED_BY_COLUMN`` is
    filled (0 for a table without the column)."""
    if ADDED_BY_COLUMN not in events.columns:
        return 0
    return int(events[ADDED_BY_COLUMN].ne("").sum())


def merge_with_workspace(events: pd.DataFrame, workspace: pd.DataFrame) -> pd.DataFrame:
    """The open table's events followed by the workspace's, as one validated frame.

    The workspace's events carry ``ADDED_BY_COLUMN`` (empty for the open table's rows);
    extra columns of either side are kept with their types: text empty and numbers
    missing where the other side has none.
    """
    if workspace.empty:
        return events
    workspace = ids_apart(workspace, set(events["event_id"]))
    merged = pd.concat([events, workspace], ignore_index=True)
    for column in merged.columns:
        values = merged[column]
        if column in schema.DATE_COLUMNS or not values.isna().any():
            continue
        if isinstance(values.dtype, pd.CategoricalDtype):  # a typed table's text
            if "" not in values.cat.categories:
                values = values.cat.add_categories([""])
            merged[column] = values.fillna("")
        elif not pd.api.types.is_numeric_dtype(values.dtype):
            merged[column] = values.fillna("").astype("str")
        # a number (ACLED's fatalities, GDELT's GoldsteinScale) stays one, missing
        # where the other side has no such column
    return merged


def ids_apart(workspace: pd.DataFrame, taken: set[str]) -> pd.DataFrame:
    """``workspace`` with each event id the open table took (``taken``) renamed apart.

    An id the open table took after the event was accepted: both are kept, the
    workspace's as ``id-2`` (``-3``... when that is taken too). ``taken`` needs only the
    table's ids that equal or start with a workspace event's id.
    """
    workspace = workspace.copy()
    used = set(taken)
    renamed = []
    for event_id in workspace["event_id"]:
        new = _unique(event_id, used) if event_id in taken else event_id
        used.add(new)
        renamed.append(new)
    workspace["event_id"] = pd.Series(renamed, index=workspace.index, dtype="str")
    return workspace
