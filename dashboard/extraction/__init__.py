"""Candidate events from a news article (the package's modules are split out next)."""

from dashboard.extraction.actor_finder import (
    ADDED_STATUS,
    CANDIDATE_COLUMNS,
    Candidate,
    added_candidate,
    article_headline,
    article_paragraphs,
    candidates_frame,
    extract_events,
    split_sentences,
)

__all__ = [
    "ADDED_STATUS",
    "CANDIDATE_COLUMNS",
    "Candidate",
    "added_candidate",
    "article_headline",
    "article_paragraphs",
    "candidates_frame",
    "extract_events",
    "split_sentences",
]
