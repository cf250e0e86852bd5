"""Export filtered events as CSV that is both lossless and safe in a spreadsheet.

* Lossless: the file loads back through :func:`dashboard.importing.load_any`
  with every field identical: text as given, dates as ``YYYY-MM-DD``, typed extra
  columns (:mod:`dashboard.coltypes`) as plain numbers, quoting as needed (RFC 4180,
  CRLF line ends).
* Spreadsheet-safe: a cell starting with ``= + - @``, tab or carriage return
  gets a leading apostrophe (see :mod:`dashboard.cells`), which the loader
  removes again, so both properties hold at once.
* UTF-8 with a byte-order mark, so spreadsheet programs detect the encoding.

The same events also export as a TimelineJS story (:func:`timelinejs`).
"""

from __future__ import annotations

import html
import json

import pandas as pd

from dashboard import schema
from dashboard.cells import escape_formula_cells

BOM = "\ufeff"


def export_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The text form of ``events`` as written to CSV (dates ISO, formulas neutralised)."""
    # Built as one dict: inserting thousands of columns one by one is quadratic.
    names = escape_formula_cells(pd.Series(list(events.columns), dtype="str")).tolist()
    out = {}
    for name, column in zip(names, events.columns, strict=True):
        values = events[column]
        if column in schema.DATE_COLUMNS:
            values = values.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_numeric_dtype(values.dtype):
            # A typed extra column (dashboard.coltypes) is written as plain numbers, which
            # no spreadsheet reads as a formula; missing is an empty cell.
            out[name] = number_text(values)
            continue
        out[name] = escape_formula_cells(values.astype("str"))
    return pd.DataFrame(out, index=events.index)


def number_text(values: pd.Series) -> pd.Series:
    """A numeric column as text: whole numbers as digits, others in their shortest exact
    form (``0.1``, ``1e+20``: they load back to the same float), missing as ``""``."""
    return values.astype("str").where(values.notna(), "").astype("str")


def export_csv(events: pd.DataFrame) -> bytes:
    """CSV bytes of ``events``: every column, every row given, nothing else."""
    text = export_frame(events).to_csv(index=False, lineterminator="\r\n")
    return (BOM + text).encode("utf-8")


def timelinejs(events: pd.DataFrame, title: str = "Diplomatic timeline") -> dict:
    """``events`` as a TimelineJS 3 story (its JSON format), so an analyst can publish it.

    Each event is a slide: the headline is its title; the text its description and
    its source (with paragraphs); dates carry only what is known (a month-precision
    event has no day, a year-precision one only its year) and the source's own words
    for the date are the display date. The event type groups the slides. TimelineJS
    renders text as HTML, so every value is HTML-escaped.
    """
    slides = []
    for row in events.itertuples(index=False):
        record = row._asdict()
        citation = str(record.get("source", "") or "").strip() or "(no source given)"
        paragraphs = str(record.get("source_paragraph", "") or "").replace(";", ", ").strip()
        if paragraphs:
            citation += f", paragraph {paragraphs}"
        slide = {
            "unique_id": str(record["event_id"]),
            "start_date": _timelinejs_date(record["start_date"], record["date_precision"]),
            "text": {
                "headline": html.escape(str(record["title"])),
                "text": f"<p>{html.escape(str(record.get('description', '') or ''))}</p>"
                f"<p>Source: {html.escape(citation)}</p>",
            },
            "group": html.escape(str(record["event_type"])),
        }
        if record["end_date"] != record["start_date"] and record["date_precision"] == "day":
            slide["end_date"] = _timelinejs_date(record["end_date"], "day")
        date_text = str(record.get("date_text", "") or "").strip()
        if date_text:
            slide["display_date"] = html.escape(date_text)
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides}


def _timelinejs_date(day, precision: str) -> dict[str, int]:
    """A TimelineJS date with the parts the precision knows (a week keeps its first day)."""
    date = {"year": int(day.year)}
    if precision in ("day", "week", "month"):
        date["month"] = int(day.month)
    if precision in ("day", "week"):
        date["day"] = int(day.day)
    return date


def export_timelinejs(events: pd.DataFrame) -> bytes:
    """:func:`timelinejs` as UTF-8 JSON bytes."""
    return json.dumps(timelinejs(events), ensure_ascii=False, indent=1).encode("utf-8")
