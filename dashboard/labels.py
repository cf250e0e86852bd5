"""Text from the data made safe and short for Plotly labels, hover text and legends."""

from __future__ import annotations

import html


def plain_label(text: object, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters (… marks a cut), then HTML-escaped.

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
        text = text[: limit - 1].rstrip() + "…"
    # quote=False: the text goes into element content, never into an attribute.
    return html.escape(text, quote=False)
