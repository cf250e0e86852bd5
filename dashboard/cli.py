"""Command line: ``python -m dashboard validate|export|convert ...``.

Exit codes: 0 success, 1 invalid input file, 2 usage error (bad arguments,
unknown or malformed filter values), 3 unexpected error (a bug: one line says what
failed; ``DASHBOARD_DEBUG=1`` prints the traceback too).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard import bench, bench_import, synth
from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import (
    chunked_format,
    is_dataset,
    write_dataset,
    write_dataset_in_chunks,
)
from dashboard.export import export_csv
from dashboard.extraction import candidates_frame, extract_events
from dashboard.filters import add_filter_arguments, spec_from_args
from dashboard.importing import FORMATS, UNRECOGNISED, load_any, load_any_frame, table_columns
from dashboard.loading import load_events_frame, validate_events_frame
from dashboard.mapping import ColumnMapping, guessed_hint
from dashboard.memory import tune_allocator
from dashboard.problems import (
    EventsFileError,
    counted,
    figure,
    format_grouped_problems,
    telling_empty_rows,
)
from dashboard.query import ENGINES, Engine, MemoryEngine, open_engine
from dashboard.scoring import format_score, score_events, scored_by_article
from dashboard.table import EventTable, default_events_path, load_directory
from dashboard.unread import listed_for, unread_dates
from dashboard.workspace import (
    Workspace,
    WorkspaceError,
    default_workspace_path,
    saved_actors,
    saved_events,
    with_workspace,
)

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Set (to anything but "" or "0") to print the traceback of an unexpected error.
DEBUG_VARIABLE = "DASHBOARD_DEBUG"

logger = logging.getLogger(__name__)


def _summary(table: EventTable) -> str:
    events = table.events
    if events.empty:
        return counted(0, "event")
    first = events["start_date"].min().date().isoformat()
    last = events["end_date"].max().date().isoformat()
    return f"{counted(len(events), 'event')}, {first} to {last}"


def _report_invalid(path, err: EventsFileError, stderr) -> None:
    for line in format_grouped_problems(err.problems):
        print(line, file=stderr)
    print(f"{path}: invalid, {counted(len(err.problems), 'problem')}", file=stderr)
    if any(p.message == UNRECOGNISED for p in err.problems):
        # The app's mapping form preselects these guesses; here they are a line to run.
        try:
            guessed = guessed_hint(table_columns(path))
        except (EventsFileError, OSError, ValueError):
            guessed = None
        if guessed is not None:
            print(f"hint: {guessed}", file=stderr)


def _load(path, stderr, format: str = "auto", mapping=None) -> EventTable | None:
    """Any accepted table (our CSV, ACLED, Parquet), as the app opens it; None if invalid."""
    try:
        table, notices = load_any(path, format=format, mapping=mapping)
    except EventsFileError as err:
        _report_invalid(path, err, stderr)
        return None
    for notice in notices:
        print(f"notice: {notice}", file=stderr)
    return table


def _mapping(args, stderr) -> ColumnMapping | int | None:
    """The ``--map``/``--set`` column mapping (None without them), or the usage exit code."""
    if not (args.map or args.set):
        return None
    try:
        return ColumnMapping.from_assignments(args.map or [], args.set or [])
    except ValueError as err:
        print(f"error: {err}", file=stderr)
        return EXIT_USAGE


def cmd_validate(args, stdout, stderr) -> int:
    mapping = _mapping(args, stderr)
    if isinstance(mapping, int):
        return mapping
    table = _load(args.path, stderr, format=args.format, mapping=mapping)
    if table is None:
        return EXIT_INVALID
    print(f"{args.path}: valid, {_summary(table)}", file=stdout)
    return EXIT_OK


def cmd_convert(args, stdout, stderr) -> int:
    mapping = _mapping(args, stderr)
    if isinstance(mapping, int):
        return mapping
    if args.to == "parquet-dataset":
        return _convert_to_dataset(args, stderr, mapping)
    try:
        frame, notices = load_any_frame(
            args.input, format=args.source_format, directory=load_directory(), mapping=mapping
        )
    except EventsFileError as err:
        _report_invalid(args.input, err, stderr)
        return EXIT_INVALID
    for notice in notices:
        print(f"notice: {notice}", file=stderr)
    _write(export_csv(frame), args.output, stdout)
    print(f"wrote {counted(len(frame), 'event')} to {args.output}", file=stderr)
    return EXIT_OK


def _convert_to_dataset(args, stderr, mapping=None) -> int:
    """``convert --to parquet-dataset``: the table as a Parquet dataset folder.

    A CSV in our schema, ACLED's, UCDP's, ICEWS's or GDELT's is read in chunks (any
    size, bounded memory: :func:`dashboard.dataset.write_dataset_in_chunks`;
    :func:`dashboard.dataset.chunked_format` says which); any other table is loaded whole
    as the app loads it, then written.
    """
    try:
        if mapping is None and chunked_format(args.input, args.source_format) is not None:
            try:
                info, notices = write_dataset_in_chunks(
                    args.input, args.output, format=args.source_format
                )
            except EventsFileError as err:
                _report_invalid(args.input, err, stderr)
                return EXIT_INVALID
            for notice in notices:
                print(f"notice: {notice}", file=stderr)
        else:
            table = _load(args.input, stderr, format=args.source_format, mapping=mapping)
            if table is None:
                return EXIT_INVALID
            info = write_dataset(table, args.output)
    except FileExistsError as err:
        print(f"error: {err}", file=stderr)
        return EXIT_USAGE
    print(f"wrote {counted(info.events, 'event')} to the Parquet dataset {info.path}", file=stderr)
    return EXIT_OK


def _write(data: bytes, output: str, stdout) -> None:
    if output == "-":
        stdout.buffer.write(data) if hasattr(stdout, "buffer") else stdout.write(data.decode())
    else:
        with open(output, "wb") as handle:
            handle.write(data)


def _open(args, stderr) -> Engine | int:
    """The engine ``--engine`` names over ``--events``, or the exit code of why not.

    The workspace's events and actors are part of the table, as in the app (one rule:
    :func:`dashboard.workspace.with_workspace`; the SQL engines read them with the
    dataset, docs/engines.md), unless ``--no-workspace``; a workspace that does not exist
    has none and is not created.
    """
    workspace = pd.DataFrame() if args.no_workspace else saved_events(args.workspace)
    actors = pd.DataFrame() if args.no_workspace else saved_actors(args.workspace)

    def notice() -> None:
        if not workspace.empty:
            print(
                f"notice: with {counted(len(workspace), 'workspace event')} from "
                f"{args.workspace or default_workspace_path()} (--no-workspace leaves them out)",
                file=stderr,
            )

    if args.engine in (None, "memory") and not is_dataset(args.events):
        table = _load(args.events, stderr)
        if table is None:
            return EXIT_INVALID
        notice()
        return MemoryEngine(with_workspace(table, workspace, actors))
    own = None if workspace.empty and actors.empty else Workspace(args.workspace)
    try:
        engine = open_engine(args.events, args.engine, workspace=own)
        notice()
        return engine
    except EventsFileError as err:
        _report_invalid(args.events, err, stderr)
        return EXIT_INVALID
    except ValueError as err:
        print(f"error: {err}", file=stderr)
        return EXIT_USAGE


def cmd_export(args, stdout, stderr) -> int:
    spec, notices = spec_from_args(args)
    engine = _open(args, stderr)
    if isinstance(engine, int):
        return engine
    try:
        spec, unknown = spec.restricted_to(engine.vocabulary())
        notices += unknown
        if notices:
            # A dropped filter value would widen the export: refuse instead.
            for notice in notices:
                print(f"error: {notice}", file=stderr)
            return EXIT_USAGE
        data, kept, total = engine.export_csv(spec), engine.count(spec), engine.info().events
    finally:
        engine.close()
    _write(data, args.output, stdout)
    print(f"wrote {figure(kept)} of {counted(total, 'event')} to {args.output}", file=stderr)
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _read_article(path: str) -> str:
    """An article's text as ``extract`` reads it (bytes that are no UTF-8 become U+FFFD),
    so ``score --article`` reads the same sentences the candidates came from."""
    return Path(path).read_text(encoding="utf-8", errors="replace")


def cmd_extract(args, stdout, stderr) -> int:
    text = _read_article(args.article)
    candidates = extract_events(text, args.published, load_directory(), source=args.source)
    # Validated as every events table is: the file is valid under `validate`.
    frame = validate_events_frame(candidates_frame(candidates, source=args.source))
    _write(export_csv(frame), args.output, stdout)
    print(f"wrote {counted(len(frame), 'candidate event')} to {args.output}", file=stderr)
    proposed = sorted({name for c in candidates for name in c.proposed_actors})
    if proposed:
        print(f"names to review as new actors: {', '.join(proposed)}", file=stderr)
    return EXIT_OK


def cmd_score(args, stdout, stderr) -> int:
    frames = []
    for path in (args.candidates, args.gold):

        def say(notice: str, path=path) -> None:
            print(f"{path}: {notice}", file=stderr)

        try:
            frames.append(load_events_frame(path, on_empty_rows=telling_empty_rows(say)))
        except EventsFileError as err:
            _report_invalid(path, err, stderr)
            return EXIT_INVALID
    candidates, gold = frames
    if args.article is not None and args.published is None:
        print(
            "score: --article needs --published (its date words are read against it)", file=stderr
        )
        return EXIT_USAGE
    article = None if args.article is None else _read_article(args.article)
    if args.published is not None:
        scored = scored_by_article(gold, args.published)
        if (~scored).any():
            print(
                f"left out {counted(int((~scored).sum()), 'gold event')} dated from public "
                f"record with no date words read against {args.published}: "
                + ", ".join(gold.loc[~scored, "event_id"]),
                file=stderr,
            )
        gold = gold[scored]
    score = score_events(candidates, gold, args.published)
    for line in format_score(score):
        print(line, file=stdout)
    listed = _listed_misses(article, args.published, candidates, gold, score.unmatched_gold, stdout)
    if args.verbose:
        for candidate, gold_id in score.pairs:
            print(f"match: {candidate} = {gold_id}", file=stdout)
        for candidate in score.unmatched_candidates:
            print(f"unmatched candidate: {candidate}", file=stdout)
        for gold_id in score.unmatched_gold:
            print(f"missed gold event: {gold_id}{listed.get(gold_id, '')}", file=stdout)
    return EXIT_OK


def _listed_misses(article, published, candidates, gold, missed, stdout) -> dict[str, str]:
    """With ``--article``: prints how many missed gold events the Add events page's list of
    unread date words points at; returns, per such event, what ``-v`` adds to its line."""
    if article is None:
        return {}
    unread = unread_dates(article, published, candidates)
    rows = gold.set_index("event_id")
    listed = {}
    for gold_id in missed:
        hits = listed_for(
            unread, rows.at[gold_id, "source_paragraph"], rows.at[gold_id, "date_text"]
        )
        if not hits.empty:
            first = hits.iloc[0]
            listed[gold_id] = (
                f" (its date words listed unread: {first['date_text']!r}, "
                f"paragraph {first['source_paragraph']})"
            )
    print(
        f"unread date words {figure(len(unread))}, pointing at {figure(len(listed))} of "
        f"{counted(len(missed), 'missed gold event')}",
        file=stdout,
    )
    return listed


def cmd_workspace_export(args, stdout, stderr) -> int:
    workspace = Workspace(args.workspace)
    frame = workspace.events_frame()
    _write(export_csv(frame), args.output, stdout)
    print(
        f"wrote {counted(len(frame), 'workspace event')} from {workspace.path} to {args.output}",
        file=stderr,
    )
    return EXIT_OK


def cmd_workspace_actors(args, stdout, stderr) -> int:
    workspace = Workspace(args.workspace)
    frame = workspace.actors_frame()[list(ACTOR_COLUMNS)]
    _write(export_csv(frame), args.output, stdout)
    print(
        f"wrote {counted(len(frame), 'workspace actor')} from {workspace.path} to {args.output} "
        "(data/actors.csv's columns)",
        file=stderr,
    )
    return EXIT_OK


def add_mapping_arguments(parser: argparse.ArgumentParser) -> None:
    """``--map``/``--set``: one definition for ``validate`` and ``convert`` (one meaning)."""
    parser.add_argument(
        "--map",
        action="append",
        metavar="OURS=THEIRS",
        help="take our column OURS from the table's column THEIRS (repeatable); "
        "`when=COLUMN` reads free-text dates and ranges into start, end and precision",
    )
    parser.add_argument(
        "--set",
        action="append",
        metavar="OURS=VALUE",
        help="give our column OURS the same VALUE in every event (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check an events CSV")
    validate.add_argument("path", help="events CSV (or Parquet, or ACLED export) to check")
    validate.add_argument(
        "--format", choices=FORMATS, default="auto", help="table format (default: auto)"
    )
    add_mapping_arguments(validate)
    validate.set_defaults(func=cmd_validate)

    export = commands.add_parser("export", help="write the filtered events as CSV")
    export.add_argument(
        "--events",
        default=str(default_events_path()),
        help="events table (CSV, Parquet, ACLED...) or Parquet dataset folder",
    )
    export.add_argument(
        "--engine",
        choices=list(ENGINES),
        help="engine running the filters (default: $ENGINE, else duckdb for a dataset "
        "folder, memory for a file; see docs/engines.md)",
    )
    add_filter_arguments(export)
    export.add_argument(
        "--workspace",
        default=None,
        help="workspace whose events are exported with the table, as the app shows them "
        "(default: $WORKSPACE_PATH or .local/workspace.sqlite3; none if it does not exist)",
    )
    export.add_argument(
        "--no-workspace",
        action="store_true",
        help="export the table without the workspace's events",
    )
    export.add_argument("-o", "--output", required=True, help="output CSV path, or - for stdout")
    export.set_defaults(func=cmd_export)

    convert = commands.add_parser(
        "convert", help="convert any recognised table (or one mapped by --map) to our events CSV"
    )
    convert.add_argument(
        "--from", dest="source_format", choices=FORMATS, default="auto", help="input format"
    )
    convert.add_argument(
        "input", help="input table (CSV, TSV, Parquet, JSON or .xlsx; the content decides)"
    )
    add_mapping_arguments(convert)
    convert.add_argument(
        "--to",
        choices=("csv", "parquet-dataset"),
        default="csv",
        help="csv (our events CSV) or parquet-dataset (a folder the duckdb and spark "
        "engines query, see docs/engines.md)",
    )
    convert.add_argument(
        "-o", "--output", required=True, help="output CSV path or - for stdout; dataset folder"
    )
    convert.set_defaults(func=cmd_convert)

    extract = commands.add_parser(
        "extract", help="propose candidate events from a news article (plain text)"
    )
    extract.add_argument("article", help="the article as a UTF-8 text file")
    extract.add_argument(
        "--published", required=True, type=_iso_date, metavar="YYYY-MM-DD",
        help="publication date: relative dates are read against it",
    )  # fmt: skip
    extract.add_argument("--source", default="", help="citation written into each candidate")
    extract.add_argument("-o", "--output", required=True, help="output CSV path, or - for stdout")
    extract.set_defaults(func=cmd_extract)

    score = commands.add_parser("score", help="precision, recall and F1 of candidates vs gold")
    score.add_argument("candidates", help="candidate events CSV (from extract)")
    score.add_argument("gold", help="gold events CSV")
    score.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD",
        help="score for this article (its publication date): gold events dated by its words "
        "(date_basis article) and public-record ones whose date words read against it",
    )  # fmt: skip
    score.add_argument(
        "--article", metavar="ARTICLE.txt",
        help="the article (with --published): also count the missed gold events whose "
        "date words the Add events page lists as taken by no candidate",
    )  # fmt: skip
    score.add_argument("-v", "--verbose", action="store_true", help="list matches and misses")
    score.set_defaults(func=cmd_score)

    workspace = commands.add_parser("workspace", help="the analyst's workspace (SQLite)")
    actions = workspace.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, what, func in (
        ("export", "the workspace's events as CSV", cmd_workspace_export),
        (
            "actors",
            "the actors added in the workspace, in data/actors.csv's columns",
            cmd_workspace_actors,
        ),
    ):
        sub = actions.add_parser(action, help=f"write {what}")
        sub.add_argument(
            "--workspace", default=None, help="workspace database (default: $WORKSPACE_PATH "
            "or .local/workspace.sqlite3)",
        )  # fmt: skip
        sub.add_argument("-o", "--output", required=True, help="output CSV path, or - for stdout")
        sub.set_defaults(func=func)

    synth.add_command(commands)
    bench.add_command(commands)
    bench_import.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None, stdout=None, stderr=None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    # argparse writes usage errors and --help to sys.stderr/sys.stdout before raising
    # SystemExit (2 or 0); send them to the caller's streams too.
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        args = build_parser().parse_args(argv)
    # Before any table is loaded (Linux only); a command's process exits when it is done,
    # so it takes the batch setting (see dashboard.memory.BATCH_MMAP_THRESHOLD).
    tune_allocator(batch=True)
    try:
        return args.func(args, stdout, stderr)
    except WorkspaceError as err:  # e.g. a workspace file that is not one
        print(f"error: {err}", file=stderr)
        return EXIT_INVALID
    except OSError as err:
        print(f"error: {err}", file=stderr)
        return EXIT_USAGE
    except Exception as err:  # the boundary: one clear line, never a traceback
        logger.debug("unexpected error in %s", args.command, exc_info=True)
        if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
            traceback.print_exc(file=stderr)
        print(
            f"error: unexpected {type(err).__name__} in {args.command!r}: {err}; "
            f"please report it (set {DEBUG_VARIABLE}=1 for the details)",
            file=stderr,
        )
        return EXIT_INTERNAL
