"""Rendering helpers that keep event text plain (it is data and may hold HTML or markdown)."""

from __future__ import annotations

import re

import streamlit as st

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it leaves
# no markup (emphasis, links, images, HTML, Streamlit's :colour[...] and $math$).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: object) -> str:
    """``text`` as markdown that renders literally."""
    return _PUNCTUATION.sub(r"\\\1", str(text)).replace("\n", " ")


def warn_all(notices: list[str]) -> None:
    """Show each notice as a warning (notices quote URL values, so escape them)."""
    for notice in notices:
        st.warning(md_escape(notice), icon="⚠️")


def field(label: str, value: object) -> None:
    """One labelled plain-text line of an event's details; empty values are skipped."""
    text = "" if value is None else str(value).strip()
    if text:
        st.text(f"{label}: {text}")
