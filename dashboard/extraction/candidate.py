"""What extraction proposes: an actor named in a sentence (:class:`Mention`) and a candidate
event with its evidence (:class:`Candidate`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dashboard.dates import DateSpan


@dataclass(frozen=True)
class Mention:
    """An actor named in a sentence (canonical name) and where."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True)
class Candidate:
    """A proposed event, with the evidence an analyst needs to accept or reject it."""

    event_type: str
    span: DateSpan
    date_text: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    countries: tuple[str, ...]
    location: str
    coordinates: tuple[float, float] | None
    paragraph: int
    evidence: str
    confidence: float
    status: str
    proposed_actors: tuple[str, ...] = ()
    trigger: str = field(default="", compare=False)
    #: The action word names an event told before ("the trip", "the coup") and takes
    #: that event's date: it may be merged into it even without actors of its own.
    refers_back: bool = field(default=False, compare=False)
    #: No date words place it yet; :func:`_date_later` may, else it is left out.
    undated: bool = field(default=False, compare=False)
    #: The persons its sentence names (for :func:`_date_later`).
    people: tuple[str, ...] = field(default=(), compare=False)
    #: Told in the present perfect: only its own words date it, never a later action.
    indefinite: bool = field(default=False, compare=False)
    #: Told in the present progressive without date words: dated by the publication's
    #: days, it is the same action a later sentence gives a start day (_merge_ongoing).
    ongoing: bool = field(default=False, compare=False)
    #: Counterparts told by an office the directory cannot resolve ("met Minister of
    #: Foreign Affairs"): proposed for review; they keep the event apart from others.
    unknown_counterparts: tuple[str, ...] = field(default=(), compare=False)

    def with_lent_date(self, span: DateSpan, words: str) -> Candidate:
        """This candidate dated by another telling's date words (a later sentence or an
        anaphor naming it back): no longer undated, and 0.1 less sure (never under 0.05)."""
        return replace(
            self,
            span=span,
            date_text=words,
            undated=False,
            confidence=round(max(0.05, self.confidence - 0.1), 2),
        )


def _dedupe(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))
