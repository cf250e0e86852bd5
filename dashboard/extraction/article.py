"""An article's text: its paragraphs (headline, hashtags and boilerplate left out, names
broken over lines joined), its headline and its sentences."""

from __future__ import annotations

import re

_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Brig", "Maj", "Capt",
    "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "No", "U.S", "U.N", "U.K", "E.U",
)  # fmt: skip
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])"
    # a full stop with its space lost ("... Min Aung Hlaing.He noted"): after a word of
    # three lower-case letters or more, before a capitalised word (not "U.S.", "Gen.")
    r"|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]+\s)"
)
#: A dateline-led first paragraph: "SINGAPORE—", "MOSCOW, July 2 (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*[\u2014\u2013-]|\s*\()")
#: The dateline's own words before the lead's first sentence: "BRUSSELS (AP) — ",
#: "MOSCOW, July 2 (Reuters) - ", "SINGAPORE— ".
_DATELINE_WORDS = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(?:,[^\u2014\u2013()]{1,30}?)?\s*(?:\([^()]{1,30}\)\s*)?"
    r"[\u2014\u2013-]\s*"
    # a wire's place, its country in brackets, the day and the agency, then a colon:
    # "Brussels [Belgium], November 9 (ANI): ", "New Delhi [India], Jan 3 (ANI): "
    r"|^[A-Z][\w .'-]{1,30}\[[A-Z][\w .'-]{1,30}\],\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*"
    r"\([^()]{1,30}\)\s*:\s*"
)


def _dateline_end(sentence: str) -> int:
    """Where a dateline opening the sentence ends (0 when there is none): its place
    and agency name no one who acts, and a country told in it is no party."""
    dateline = _DATELINE_WORDS.match(sentence)
    return dateline.end() if dateline else 0


_ENDS_SENTENCE = re.compile(
    r"[.!?][\"\u201d\u2019)]*$|Photo: \w+$"
    # a quotation's attribution whose full stop was lost ("...,” it stated")
    r"|[\"\u201d]\s*,?\s*(?:\w+\s+){0,3}(?:said|stated|added|says|noted|wrote)$"
)
_BOILERPLATE = re.compile(
    r"^(?:Write to|Copyright|Click Here|Register now|Reporting by|Editing by|Read more|"
    r"Sign up|Subscribe|#)",
    re.IGNORECASE,
)


def article_paragraphs(text: str) -> list[str]:
    """The article's body paragraphs, numbered from 1 in list order.

    Blank lines separate blocks. The body starts at a dateline-led block
    ("SINGAPORE—", "MOSCOW, Aug 3 (Reuters) -") when there is one, else at the first
    block; headlines (short blocks without a full stop) and boilerplate ("Register
    now", hashtag lines) are left out, the body ends at "Write to" or "Copyright", and
    a sentence broken over blocks (a name on its own line) is joined again.
    """
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    start = next((i for i, b in enumerate(blocks) if _DATELINE.match(b)), 0)
    paragraphs: list[str] = []
    open_sentence = False
    for block in blocks[start:]:
        if block.lower().startswith(("write to", "copyright")):
            break  # the sign-off: the body is over
        if _BOILERPLATE.match(block) or block.count("#") >= 3:
            continue
        tokens = block.split()
        is_name = len(tokens) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+\.?", t) for t in tokens)
        if paragraphs and (is_name or open_sentence or block[:1].islower()):
            paragraphs[-1] = f"{paragraphs[-1]} {block}"
            open_sentence = is_name or not _ENDS_SENTENCE.search(block)
            continue
        if not (_ENDS_SENTENCE.search(block) or len(tokens) > 25 or _DATELINE.match(block)):
            continue  # a headline or a label, not prose
        paragraphs.append(block)
        open_sentence = not _ENDS_SENTENCE.search(block)
    return paragraphs


def article_headline(text: str) -> str:
    """The headline: the first block before the body that reads as a title, or ""."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = next((i for i, b in enumerate(blocks) if _DATELINE.match(b)), 0)
    for block in blocks[: max(body, 1)]:
        if _BOILERPLATE.match(block) or block.count("#") >= 3 or _DATELINE.match(block):
            continue
        if not _ENDS_SENTENCE.search(block) and len(block.split()) <= 25:
            return block
    return ""


#: A dateline block of its own, a date and a place: "29 October 2024 – Dhaka, Bangladesh",
#: "Bangkok, Apr 4:". Which part is the date, the caller's date reader says.
_DATELINE_BLOCK = re.compile(
    r"^(?P<first>[\w ,.'-]{3,40}?)\s*(?:[\u2013\u2014:-]|,)\s*(?P<second>[\w ,.'-]{3,40}?)\s*:?$"
)


def article_datelines(text: str) -> list[tuple[str, str]]:
    """The two parts of each block before the body's first paragraph that reads as a
    dateline ("29 October 2024 – Dhaka, Bangladesh"): which part is a date, if any,
    the caller's date reader says."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    paragraphs = article_paragraphs(text)
    first = next((i for i, b in enumerate(blocks) if paragraphs and b == paragraphs[0]), 0)
    found = []
    for block in blocks[:first]:
        dateline = _DATELINE_BLOCK.match(block)
        if dateline and not _ENDS_SENTENCE.search(block):
            found.append((dateline.group("first"), dateline.group("second")))
    return found


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations ("Gen.", "U.S.") whole."""
    protected = paragraph
    for abbreviation in _ABBREVIATIONS:
        protected = re.sub(
            rf"(?<![\w.]){re.escape(abbreviation)}\.(?=\s)",
            abbreviation.replace(".", "\x01") + "\x01",
            protected,
        )
    parts = _SENTENCE_END.split(protected)
    return [p.replace("\x01", ".").strip() for p in parts if p.strip()]
