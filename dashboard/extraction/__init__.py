"""Candidate events from a news article: rule-based, offline, explainable.

An article is split into paragraphs and sentences; each *action* word (visit, meet,
sign, condemn, execute, call for an embargo...) found in a sentence proposes one
event of the matching type. Its actors come from the actors directory (names and
aliases), country names and demonyms and titles ("Russia's defence ministry"); its
dates from :mod:`dashboard.dates`, read against the publication date; its place and
coordinates from :mod:`dashboard.geography`. Every candidate keeps the paragraph
number and the sentence it comes from, its confidence and the article's own date
words, so an analyst can check it. See docs/extraction.md for why rules and not a
model, for the limits, and for which module holds what ("Where the code is").

This package re-exports the names its callers use; everything else lives in the module
that owns it (:mod:`dashboard.extraction.reading` reads an article, and calls the rest).
"""

from dashboard.extraction.article import article_headline, article_paragraphs, split_sentences
from dashboard.extraction.candidate import Candidate
from dashboard.extraction.frame import (
    ADDED_STATUS,
    CANDIDATE_COLUMNS,
    added_candidate,
    candidates_frame,
)
from dashboard.extraction.reading import extract_events

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
