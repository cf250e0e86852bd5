"""Write dashboard/cameo_verbs.csv: verb lemma -> CAMEO code, from PETRARCH2's dictionary.

The source is the CAMEO verb dictionary of PETRARCH2 (Open Event Data Alliance, MIT
licence; a WordNet-based composite of the TABARI CAMEO dictionaries):
``petrarch2/data/dictionaries/CAMEO.2.0.txt`` of github.com/openeventdata/petrarch2.
The extractor uses the table as a fallback action lexicon (docs/extraction.md,
"The CAMEO fallback"); this script is not run by the app.

What is taken, per verb block (``---  NAME   [code]  ---`` then synonym lines, then
``- ...`` patterns):

- the header's name, where it is a verb (one word; ``MEET_PEOPLE`` is a label), with
  the block's default code;
- each synonym line (``ATTEND [042:043]``, ``+MEET_WITH {...}``) with its own code, else
  the block's default; multi-word synonyms as words separated by spaces;
- a pattern only where it is a bare particle after the verb (``- * (FOR) [042:043] #
  DEPART``: "depart for"), for the verb its comment names, where that verb is one of
  the block's synonyms: more specific than the block's default ("depart" consults,
  "depart for" visits).

A code ``042:043`` is the active code ``042``; a code with no active part (``[:173]``,
``[---]``) gives nothing. The first entry of a lemma wins (the dictionary lists a few
verbs in two blocks).

Run: ``python scripts/make_cameo_verbs.py [CAMEO.2.0.txt]`` (default: the PETRARCH2
mirror on this machine).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

MIRROR = Path("/work/.mirror/openeventdata+petrarch2/repo/.git")
DICTIONARY = "HEAD:petrarch2/data/dictionaries/CAMEO.2.0.txt"
OUT = Path(__file__).resolve().parent.parent / "dashboard" / "cameo_verbs.csv"
COLUMNS = ("lemma", "code", "block", "source")

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_SYNONYM = re.compile(r"^\+?([A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+\*\s+\(?([A-Z]+)\)?\s+\[([^\]]*)\]\s*#\s*(\S+)")
#: Particles and prepositions a bare pattern may add to its verb.
PARTICLES = frozenset(
    [
        "ABOUT",
        "AGAINST",
        "AWAY",
        "BACK",
        "DOWN",
        "FOR",
        "FROM",
        "IN",
        "INTO",
        "OFF",
        "ON",
        "OUT",
        "OVER",
        "TO",
        "UP",
        "WITH",
    ]
)


def active_code(code: str | None) -> str | None:
    """The active part of a CAMEO code ("042:043" -> "042"), or None ("---", ":173")."""
    if code is None:
        return None
    active = code.strip().split(":")[0].strip()
    return active if active.isdigit() else None


def _lemma(word: str) -> str:
    return word.strip("_").replace("_", " ").casefold()


def derive(text: str) -> list[tuple[str, str, str, str]]:
    """Rows (lemma, code, block, source) from the dictionary's verb blocks.

    Parameters
    ----------
    text : str
        The dictionary file's text (its ``VERB PATTERNS`` part is read).

    Returns
    -------
    list of tuple
        One row per lemma, in the dictionary's order; ``source`` is ``header``,
        ``synonym`` or ``pattern``.
    """
    rows: dict[str, tuple[str, str, str, str]] = {}
    block, default, synonyms = "", None, set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.startswith("-") else line.rstrip()
        header = _HEADER.match(line)
        if header:
            block, default = header.group(1), active_code(header.group(2))
            synonyms = set()
            if "_" not in block and default:
                rows.setdefault(_lemma(block), (_lemma(block), default, block, "header"))
            continue
        if not block or not line or line.startswith(("~", "&")):
            continue
        if line.startswith("-"):
            _add_pattern(rows, line, block, synonyms)
            continue
        synonym = _SYNONYM.match(line)
        if synonym:
            synonyms.add(synonym.group(1).strip("_"))
            code = active_code(synonym.group(2)) if synonym.group(2) else default
            if code:
                lemma = _lemma(synonym.group(1))
                rows.setdefault(lemma, (lemma, code, block, "synonym"))
    return list(rows.values())


def _add_pattern(rows: dict, line: str, block: str, synonyms: set[str]) -> None:
    """A bare-particle pattern of one of the block's verbs ("- * (FOR) [042] # DEPART")."""
    pattern = _PATTERN.match(line)
    if not pattern:
        return
    particle, code, verb = pattern.group(1), active_code(pattern.group(2)), pattern.group(3)
    if particle in PARTICLES and code and verb in synonyms:
        lemma = f"{_lemma(verb)} {particle.casefold()}"
        rows.setdefault(lemma, (lemma, code, block, "pattern"))


def main(argv: list[str]) -> int:
    if argv:
        text = Path(argv[0]).read_text(encoding="utf-8", errors="replace")
    else:
        show = ["git", "-C", str(MIRROR), "show", DICTIONARY]
        text = subprocess.run(show, check=True, capture_output=True).stdout.decode(
            "utf-8", errors="replace"
        )
    rows = derive(text)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"{len(rows)} lemmas -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
