"""Rendering helpers that keep event text plain (it is data and may hold HTML or markdown)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st

from dashboard.problems import Problem

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it leaves
# no markup (emphasis, links, images, HTML, Streamlit's :colour[...] and $math$).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


#: What GitHub-flavoured markdown links by itself: a scheme before "://" or ":", "www.",
#: an e-mail domain. Streamlit's markdown finds these in the text *after* escapes are
#: undone, so escaping cannot stop them; an invisible word joiner (U+2060) breaks each.
_AUTOLINK = re.compile(
    r"(?i)(?<![^\W_])(?:https?(?=:)|ftp(?=:)|mailto(?=:)|xmpp(?=:)|www(?=\.))|@(?=[-\w]+\.\w)"
)
_WORD_JOINER = "\u2060"


def md_escape(text: object) -> str:
    """``text`` as markdown that renders literally (never as a link, even a bare URL)."""
    text = _AUTOLINK.sub(lambda found: found.group(0) + _WORD_JOINER, str(text))
    return _PUNCTUATION.sub(r"\\\1", text).replace("\n", " ")


def problems_markdown(lead: str, problems: Sequence[Problem]) -> str:
    """``lead`` (markdown) then every problem of a refusal as plain text, each by its event
    and column (a workspace's save, an actor's addition, a workspace file that cannot be
    read): one problem follows the lead on its line, several are a list under it."""
    said = [
        md_escape(p if p.row is not None or p.column is not None else p.message) for p in problems
    ]
    if len(said) == 1:
        return f"{lead} {said[0]}"
    return lead + "\n\n" + "\n".join(f"- {line}" for line in said)


def warn_all(notices: list[str]) -> None:
    """Show each notice as a warning (notices quote URL values, so escape them)."""
    for notice in notices:
        st.warning(md_escape(notice), icon="⚠️")


def field(label: str, value: object) -> None:
    """One labelled plain-text line of an event's details; empty values are skipped."""
    text = "" if value is None else str(value).strip()
    if text:
        st.text(f"{label}: {text}")
