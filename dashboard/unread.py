"""Date words of an article that no candidate event was read from: where to look for a miss.

The extractor proposes an event only where it reads an action, its participants and a
date together; on reports it was not fitted to it finds fewer than half of the events
a reader finds (docs/extraction.md, the held-out rounds). Every event a text dates has
date words, so the date words that no candidate took are the places a reviewer should
read again: each is listed with its sentence, its paragraph and the span the resolver
reads, ready to be added by hand. The list is read from the same paragraphs, sentences
and resolver as the candidates, so the paragraph numbers and dates agree with theirs.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.dates import find_date_expressions
from dashboard.extraction import article_paragraphs, split_sentences
from dashboard.geography import find_countries, find_places
from dashboard.schema import LIST_SEPARATOR

#: The columns of :func:`unread_dates`, in order.
UNREAD_COLUMNS: tuple[str, ...] = (
    "source_paragraph",
    "date_text",
    "start_date",
    "end_date",
    "date_precision",
    "countries",
    "location",
    "sentence",
)


def _taken(candidates: pd.DataFrame) -> set[tuple[str, str]]:
    """(sentence, date words casefolded) of every candidate: what is already read."""
    if candidates.empty or not {"evidence", "date_text"} <= set(candidates.columns):
        return set()  # no sentences known to be read: every date expression is listed
    return {
        (" ".join(str(evidence).split()), str(words).casefold())
        for evidence, words in zip(candidates["evidence"], candidates["date_text"], strict=True)
    }


def unread_dates(text: str, published: date, candidates: pd.DataFrame) -> pd.DataFrame:
    """Every date expression of the article's body that no candidate was dated by.

    Parameters
    ----------
    text : str
        The article as plain text (paragraphs separated by blank lines).
    published : datetime.date
        Its publication date, which relative date words are read against.
    candidates : pandas.DataFrame
        The candidates proposed for it (:func:`dashboard.extraction.candidates_frame`):
        their ``evidence`` sentences and ``date_text`` words.

    Returns
    -------
    pandas.DataFrame
        One row per date expression, in text order, with :data:`UNREAD_COLUMNS`: the
        paragraph number, the words, the span they resolve to (ISO dates, the
        precision), the countries the sentence names or its places are in (``;``-separated,
        named first), its first place and the sentence.
        A date expression is left out when a candidate came from the same sentence
        with the same date words.
    """
    taken = _taken(candidates)
    rows = []
    for number, paragraph in enumerate(article_paragraphs(text), start=1):
        for sentence in split_sentences(paragraph):
            sentence = " ".join(sentence.split())
            places = [place for _, _, place in find_places(sentence)]
            named = [m.country for m in find_countries(sentence)]
            countries = LIST_SEPARATOR.join(dict.fromkeys([*named, *(p.country for p in places)]))
            location = places[0].name if places else ""
            for mention in find_date_expressions(sentence, published):
                if (sentence, mention.text.casefold()) in taken:
                    continue
                rows.append(
                    (
                        str(number),
                        mention.text,
                        mention.span.start.isoformat(),
                        mention.span.end.isoformat(),
                        mention.span.precision,
                        countries,
                        location,
                        sentence,
                    )
                )
    return pd.DataFrame(rows, columns=list(UNREAD_COLUMNS), dtype="str")


def listed_for(unread: pd.DataFrame, paragraphs: str, date_text: str) -> pd.DataFrame:
    """The rows of ``unread`` that point at an event told in ``paragraphs`` by ``date_text``.

    Parameters
    ----------
    unread : pandas.DataFrame
        :func:`unread_dates`' rows for the article.
    paragraphs : str
        The event's ``source_paragraph`` (``;``-separated numbers).
    date_text : str
        The article's words for its date (a gold row's ``date_text``).

    Returns
    -------
    pandas.DataFrame
        The rows in one of those paragraphs whose date words and ``date_text`` contain one
        another, ignoring case ("Thursday" and "on Thursday"); none when ``date_text`` is
        empty.
    """
    words = date_text.strip().casefold()
    if not words or unread.empty:
        return unread[:0]
    told = unread["date_text"].str.casefold()
    overlap = told.map(lambda w: w in words or words in w).astype(bool)
    inside = unread["source_paragraph"].isin(paragraphs.split(LIST_SEPARATOR))
    return unread[overlap & inside]
