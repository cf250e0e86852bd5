"""ICEWS coded event data (tab-separated, CAMEO codes) mapped onto our schema.

Column by column (also in docs/formats.md):

* ``Event ID`` with ``Event Date`` -> ``event_id`` ``<Event ID>-<YYYYMMDD>``: ICEWS's key
  (an ``Event ID`` recurs on another day in the published data); ``Event Date``
  (YYYY-MM-DD) -> start = end, precision day;
* ``CAMEO Code`` -> ``event_type`` through :mod:`dashboard.cameo` (leading zero
  restored; codes no type of ours fits keep their CAMEO root), with ``cameo_code``,
  ``plover`` and ``quad_class``;
* ``Source Name`` -> ``actors``, ``Target Name`` -> ``recipients``; ICEWS's name for an
  actor it could not identify (``Unspecified Actor``) is no actor (the title keeps it);
* ``Source Country``, ``Target Country`` and ``Country`` (where it happened) ->
  ``countries``, with the actors' countries the actors directory knows;
* ``City``, ``District``, ``Province`` -> ``location``; ``Latitude``/``Longitude`` ->
  ``latitude``/``longitude``;
  ``Publisher`` -> ``source``; ``Event Text`` -> ``title`` (with the actors);
* every ICEWS column is kept as given (``Intensity``, ``Story ID``, ``Sentence Number``...);
  ``Latitude`` and ``Longitude`` as ``icews_Latitude`` and ``icews_Longitude``, since ours
  are ``latitude`` and ``longitude`` and names match in any letter case.

``NA`` and empty fields are missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard import cameo
from dashboard.actors import ActorDirectory
from dashboard.countries import common_names
from dashboard.sourcemap import (
    finish,
    join_unique,
    keyed_duplicate_message,
    per_distinct,
    pick,
    read_coded_records,
    type_vocabulary,
)

SIGNATURE: tuple[str, ...] = ("Event ID", "Event Date", "Source Name", "CAMEO Code")
#: ICEWS's id column (with ``Event Date``, its key: see :func:`convert_icews_frame`).
ID_COLUMN = "Event ID"
MISSING_VALUES: frozenset[str] = frozenset({"NA"})
#: What ICEWS writes for an actor it could not identify: no actor of ours.
UNSPECIFIED_ACTOR = "unspecified actor"

#: The types of ICEWS's columns (:mod:`dashboard.coltypes`); CAMEO codes are text.
COLUMN_TYPES: dict[str, str] = {
    "Intensity": "float",
    # kept with the prefix: ours are latitude/longitude (names match in any letter case)
    "icews_Latitude": "float",
    "icews_Longitude": "float",
    "Story ID": "int",
    "Sentence Number": "int",
    "Event ID": "text",
    "CAMEO Code": "text",
}


def is_icews(columns: tuple[str, ...]) -> bool:
    folded = {str(c).strip().casefold() for c in columns}
    return all(name.casefold() in folded for name in SIGNATURE)


#: The columns that say a table is POLECAT, ICEWS's successor (PLOVER-coded, weekly and
#: yearly ``ngecEvents`` files): not read as a format of its own, but named when a file
#: of them is not recognised, with the column mapping that reads it (:data:`POLECAT_HINT`).
POLECAT_SIGNATURE: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Actor Name",
    "Recipient Name",
    "Quad Code",
)
POLECAT_HINT = (
    "this looks like POLECAT (ICEWS's successor, its events coded in PLOVER), which is not "
    "read as a format of its own: map its columns, e.g. `python -m dashboard convert IN -o "
    'OUT --map event_id="Event ID" --map when="Event Date" --map event_type="Event Type" '
    '--set type_vocabulary=PLOVER --map title="Event Type" --map actors="Actor Name" '
    '--map recipients="Recipient Name" --map countries=Country --map location=Placename '
    "--map latitude=Latitude --map longitude=Longitude --map source=Source` (in the app: "
    "the same choices in the column mapping form); its other columns are kept"
)


def is_polecat(columns: tuple[str, ...]) -> bool:
    """Whether ``columns`` are POLECAT's (:data:`POLECAT_SIGNATURE`, any letter case)."""
    folded = {str(c).strip().casefold() for c in columns}
    return all(name.casefold() in folded for name in POLECAT_SIGNATURE)


def convert_icews_frame(
    frame: pd.DataFrame,
    *,
    directory: ActorDirectory,
    record_rows: Callable[[int], np.ndarray],
    on_ids: Callable[..., None] | None = None,
) -> tuple[pd.DataFrame, Counter]:
    """Map an all-text ICEWS frame onto our schema and validate it.

    Returns the events and what was counted (:func:`tally_notices` words it; the
    tallies of a file's chunks add up).
    """
    n = len(frame)
    records = read_coded_records(
        frame,
        record_rows,
        id_column=ID_COLUMN,
        date_column="Event Date",
        date_form="YYYY-MM-DD",
        code_column="CAMEO Code",
        keyed_by_day=True,
        on_ids=on_ids,
    )
    ids, text, codes = records.ids, records.date_text, records.codes
    coded_codes = records.coded_codes  # per-code steps run once per distinct code

    types = per_distinct(cameo.our_types, coded_codes)
    source, target = pick(frame, "Source Name"), pick(frame, "Target Name")
    what = pick(frame, "Event Text")
    what = what.where(what != "", types.str.capitalize())
    title = what + ": " + source + (" – " + target).where(target != "", "")
    unknown_source = source.str.casefold() == UNSPECIFIED_ACTOR
    unknown_target = target.str.casefold() == UNSPECIFIED_ACTOR
    unspecified = int(unknown_source.sum() + unknown_target.sum())
    source, target = source.mask(unknown_source, ""), target.mask(unknown_target, "")
    day = records.iso_day
    ours = {
        "event_id": ids,
        "start_date": day,
        "end_date": day,
        "date_precision": pd.Series("day", index=frame.index, dtype="str"),
        "event_type": types,
        "title": title,
        "date_text": text,
        "actors": source,
        "recipients": target,
        "countries": join_unique(
            [
                common_names(pick(frame, "Source Country")),
                common_names(pick(frame, "Target Country")),
                common_names(pick(frame, "Country")),
                source.map(directory.country_of),
                target.map(directory.country_of),
            ]
        ),
        "location": join_unique(
            [pick(frame, "City"), pick(frame, "District"), pick(frame, "Province")]
        ).str.replace(";", ", "),
        "source": pick(frame, "Publisher"),
        "notes": "ICEWS event date " + text + ", CAMEO code " + codes + ".",
        "type_vocabulary": type_vocabulary(types, "CAMEO"),
        "cameo_code": codes,
        "plover": per_distinct(cameo.plover, coded_codes),
        "quad_class": per_distinct(cameo.quad_class, coded_codes),
        "latitude": pick(frame, "Latitude"),
        "longitude": pick(frame, "Longitude"),
    }
    events = finish(ours, frame, record_rows, prefix="icews", ids_distinct=records.ids_distinct)
    return events, Counter(events=n, unspecified=unspecified)


def tally_notices(tally: Counter) -> list[str]:
    """The notices of what an import counted (:func:`convert_icews_frame`)."""
    n, unspecified = tally["events"], tally["unspecified"]
    notices = [f"Imported {n:,} ICEWS event{'s' if n != 1 else ''}."]
    if unspecified:
        notices.append(
            f"{unspecified:,} source or target name{'s' if unspecified != 1 else ''} "
            "'Unspecified Actor' (ICEWS's name for an actor it could not identify) "
            "left without an actor; the titles keep them."
        )
    return notices


def duplicate_message(event_id: str, first_row: int, date_text: str | None = None) -> str:
    """How a record repeating an ``Event ID`` on its day is worded, from our id
    (``<Event ID>-<YYYYMMDD>``) and its ``Event Date`` as the file gives it (``date_text``;
    None: a valid ``YYYY-MM-DD`` date, read back from the id's digits)."""
    source_id, day = event_id.rsplit("-", 1)
    if date_text is None:
        date_text = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    return keyed_duplicate_message(ID_COLUMN, source_id, date_text, first_row)
