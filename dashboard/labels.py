"""Text from the data made safe and short for Plotly labels, hover text and legends."""

from __future__ import annotations

import html
import re

#: The bracketed qualifiers that end a name: "(2025-) (Uganda)".
_TRAILING_BRACKETS = re.compile(r"(?: \([^()]*\))+$")


def plain_label(text: object, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters (… marks a cut), then HTML-escaped.

    A cut keeps the bracketed qualifiers that end the text (ACLED's dates and countries:
    ``… (2025-) (Uganda)``), which are what tells such names apart.

    Parameters
    ----------
    text
        Any value from the table (titles, names, dates as written).
    limit
        Most characters kept before escaping.

    Returns
    -------
    str
        Text that Plotly shows literally: it renders tags such as ``<b>`` in hover
        labels, ticks and legends, so ``<`` ``>`` ``&`` become entities.
    """
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = _cut(text, limit)
    # quote=False: the text goes into element content, never into an attribute.
    return html.escape(text, quote=False)


def _cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, its trailing brackets kept when they fit in half."""
    found = _TRAILING_BRACKETS.search(text)
    tail = found.group() if found and len(found.group()) <= limit // 2 else ""
    head = text[: len(text) - len(tail)]
    return head[: limit - 1 - len(tail)].rstrip() + "…" + tail


def chart_title(title: str, notes: list[str] | tuple[str, ...] = ()) -> dict:
    """A figure's ``layout.title``: what it shows, with its notes as the subtitle.

    A subtitle is its own text element, so a screen reader reads "Events by country",
    then the notes; the notes as ``<br><sup>`` of the title were one element, read as
    "Events by countryhatched, translucent bars…".
    """
    found = {"text": title}
    if notes:
        found["subtitle"] = {"text": "; ".join(notes)}
    return found
