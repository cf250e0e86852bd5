"""Rendering helpers that keep event text plain (it is data and may hold HTML or markdown)."""

from __future__ import annotations

import re

import streamlit as st

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


def warn_all(notices: list[str]) -> None:
    """Show each notice as a warning (notices quote URL values, so escape them)."""
    for notice in notices:
        st.warning(md_escape(notice), icon="⚠️")


def field(label: str, value: object) -> None:
    """One labelled plain-text line of an event's details; empty values are skipped."""
    text = "" if value is None else str(value).strip()
    if text:
        st.text(f"{label}: {text}")
