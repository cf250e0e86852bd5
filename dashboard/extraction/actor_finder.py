"""The actor finder: who a sentence names (the directory's names and aliases, countries and
demonyms, titles, roles, bodies and governments described), as :class:`Mention` s."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from dashboard.actors import ActorDirectory
from dashboard.dates import DateMention, DateSpan
from dashboard.extraction.actor_words import (
    _CYRILLIC_SCRIPT,
    _FAMILY_NAME_FIRST,
    _GIVEN_NAME_TOLD,
    _GOVERNMENT_TOLD,
    _MAKER_NAME,
    _french_spellings,
    _office,
    _role_office,
    _singular,
    _subject_person,
    _transliterations,
)
from dashboard.extraction.candidate import Mention, _dedupe
from dashboard.extraction.patterns import (
    _ABBREVIATION_AFTER,
    _ACTION_ADJECTIVE,
    _BOTH_COUNTRIES,
    _CAPACITY_BEFORE,
    _CLAUSE_BREAK,
    _COORDINATED_DESCRIPTION,
    _COUNTERPART,
    _DEFENCE_OFFICIALS,
    _DESCRIBED_TELLER,
    _DIPLOMAT,
    _ENVOY_NAME,
    _ENVOY_RANK,
    _ENVOY_TO,
    _ENVOY_WORD,
    _EXILE_ALIAS,
    _EXILE_DESCRIPTION,
    _FORCES_OF,
    _HEAD_AFTER,
    _HEAD_OF,
    _MEMBERS,
    _NAVAL_FORCES,
    _NOT_NAMES,
    _OFFICE_AFTER,
    _OFFICE_BEFORE,
    _OFFICE_HOLDERS,
    _PERSON_DESCRIBED,
    _PREPOSITION,
    _ROLE,
    _ROLE_BEFORE,
    _RULING_ALIAS,
    _RULING_DESCRIPTION,
    _SENT_FROM,
    _THE_COUNTRY,
    _THE_MILITARY,
    _THE_POLICE,
    _TITLE_GAP,
)
from dashboard.geography import (
    COUNTRY_BY_NAME,
    SPELLINGS,
    CountryMention,
    find_countries,
    find_places,
    government_name,
)
from dashboard.parsing import Structure

#: A patronymic's ending ("Petrovich", "Vladimirovna", "Ilyich").
_PATRONYMIC = re.compile(r"(?:ich|ovna|evna|ichna)$", re.IGNORECASE)


#: Between a country's possessive or demonym and the body it owns: "Russia's ", "Russian ".
_OWNER_GAP = re.compile(r"(?:['\u2019]s?)?\s+")
#: "of" a country after a body's name: "the Security Council of (the) Russian Federation".
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")


class _ActorFinder:
    """Actor spellings from the directory, matched longest first, case-insensitively."""

    def __init__(self, directory: ActorDirectory):
        self.directory = directory
        self.surnames: dict[str, str] = {}
        #: (country, office) -> the person the article names in it, and back.
        self.offices: dict[tuple[str, str], str] = {}
        self.office_of: dict[str, tuple[str, str]] = {}
        #: What the article has told so far: mentions per actor, the last person and
        #: body, countries in the order last named.
        self.seen: Counter[str] = Counter()
        self.last_person = ""
        #: the persons told so far, the last told last (for "the Russian general")
        self.persons_told: list[str] = []
        #: The person last told as a sentence's subject: "he" in a new sentence is
        #: that person rather than someone the last sentence told of ("X met Y. He ...").
        self.last_subject = ""
        #: The parties of the last event told, for "both sides" / "the two sides".
        self.last_parties: tuple[str, ...] = ()
        #: who transferred arms in the last sentence: the seller of a transfer told next
        #: in the passive with none ("X sold radars in 2021. Last year, rockets were sold")
        self.last_sellers: tuple[str, ...] = ()
        #: the actors the last sentence named, for "the two sides" before any event
        self.last_named: tuple[str, ...] = ()
        #: Date words of a report ("reported on Saturday"), by paragraph: the day of
        #: the report, never the day of an expected action told in it.
        self.report_dates: dict[int, set[str]] = {}
        #: the day of the last speech act a text dates by its reporting verb ("X said
        #: Tuesday"): the day of the speaker's other undated statements told after it
        self.report_span: tuple[DateSpan, str] | None = None
        #: the day of a dateline told as a block of its own ("29 October 2024 - Dhaka"):
        #: the day of the lead's news told in the present perfect
        self.dateline_span: tuple[DateSpan, str] | None = None
        #: dated tellings of a one-off event nobody acts in (type, span, date words)
        self.one_off_told: list[tuple[str, DateSpan, str]] = []
        #: the last date words the text told, for "that day", "during the same period"
        self.last_date: DateMention | None = None
        #: tellers described, not named ("a U.N. rights expert"), by their words
        self.described_tellers: dict[str, str] = {}
        self.last_body = ""
        #: Governments the directory lacks, named for countries acting as such
        #: (:meth:`government_of`): name -> country, proposed for review.
        self.proposed_governments: dict[str, str] = {}
        self.recent_countries: list[str] = []
        #: The country the text tells of most (see :meth:`learn_text_country`).
        self.text_country: str | None = None
        spellings = {name: name for name in directory.kinds}
        spellings.update(directory.aliases)
        #: Roles the directory gives persons as aliases ("junta chief"): not names (the
        #: words fit any country's holder), but the holder of that office in the person's
        #: country when the article names no one in it.
        self.directory_roles: dict[tuple[str, str], str] = {}
        for spelling, name in list(spellings.items()):
            role = _ROLE.fullmatch(spelling)
            if role and directory.kinds.get(name) == "person":
                del spellings[spelling]
                country = directory.countries.get(name)
                if country:
                    self.directory_roles.setdefault((country, _role_office(role)), name)
        self.by_spelling = {s.casefold(): name for s, name in spellings.items()}
        # a person's name spelt by another transliteration of a short i ("Sergey
        # Shoygu" for "Sergei Shoigu"), when the spelling names no one else
        for spelling, name in spellings.items():
            if directory.kinds.get(name) == "person" and " " in spelling:
                for variant in self._spellings(spelling.casefold(), name):
                    self.by_spelling.setdefault(variant, name)
        #: one-word proper names ("Amnesty", "EU", "Kremlin"): a lower-case "amnesty"
        #: or "eu" in running text is a common word, no mention of the actor
        self.proper_words = {
            s.casefold() for s in spellings if " " not in s and s[:1].isupper()
        } - {s.casefold() for s in spellings if " " not in s and not s[:1].isupper()}
        # a person told by given name and patronymic without the surname: "Ivan
        # Petrovich" of "Ivan Petrovich Sidorov", when only one person of the directory
        # is so spelled and the words spell no one else. Only a patronymic: the first
        # two words of other spellings are a rank or an honorific ("Major General" of
        # "Major General Zaw Min Tun", "U Than" of "U Than Swe") or part of a name
        # that is no one alone ("Aung San" of "Aung San Suu Kyi")
        leading: dict[str, set[str]] = {}
        for spelling, name in spellings.items():
            words = spelling.split()
            if (
                directory.kinds.get(name) == "person"
                and len(words) >= 3
                and _PATRONYMIC.search(words[1])
            ):
                leading.setdefault(" ".join(words[:2]).casefold(), set()).add(name)
        for words, names in leading.items():
            if len(names) == 1 and words not in self.by_spelling:
                self.by_spelling[words] = next(iter(names))
        self._compile()

    def _compile(self) -> None:
        alternatives = sorted(self.by_spelling, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(s) for s in alternatives) + r")(?![\w-])",
            re.IGNORECASE,
        )

    def learn_abbreviations(self, sentence: str) -> None:
        """Abbreviations the article defines for a known actor: "State Planning Board
        (SPB)" makes "SPB" a spelling of that actor for the rest of the text."""
        learnt = False
        for mention in self._named(sentence):
            defined = _ABBREVIATION_AFTER.match(sentence, mention.end)
            if defined and defined.group(1).casefold() not in self.by_spelling:
                self.by_spelling[defined.group(1).casefold()] = mention.actor
                learnt = True
        if learnt:
            self._compile()

    def _named(self, sentence: str) -> list[Mention]:
        mentions = [
            Mention(m.start(), m.end(), self.by_spelling[m.group(1).casefold()])
            for m in self.pattern.finditer(sentence)
            if not (m.group(1)[:1].islower() and m.group(1).casefold() in self.proper_words)
        ]
        for m in mentions:
            if self.directory.kinds.get(m.actor) == "person" and " " in m.actor:
                for surname in self._spellings(self._family_name(m.actor), m.actor):
                    self.surnames.setdefault(surname, m.actor)
        # "the X Board (XB)": the abbreviation defined is the same mention, not another
        mentions = [
            m
            for m in mentions
            if not any(
                (d := _ABBREVIATION_AFTER.match(sentence, o.end)) and d.start(1) == m.start
                for o in mentions
            )
        ]
        mentions = [m for m in mentions if not self._a_countrys_own(sentence, m)]
        for surname, actor in self.surnames.items():
            for hit in re.finditer(rf"(?<![\w.]){re.escape(surname)}(?![\w])", sentence):
                if not any(m.start <= hit.start() < m.end for m in mentions):
                    mentions.append(Mention(hit.start(), hit.end(), actor))
        return mentions

    def _a_countrys_own(self, sentence: str, mention: Mention) -> bool:
        """An international body's name shortened to its end, its owner dropped
        ("Security Council" for the United Nations Security Council), told with a
        country's possessive or demonym before it ("Russia's Security Council", "the
        Russian Security Council") or "of" a country after it ("the Security Council of
        Russia") names that country's own body, not the international one."""
        told = sentence[mention.start : mention.end].casefold()
        if self.directory.countries.get(mention.actor) or not mention.actor.casefold().endswith(
            f" {told}"
        ):
            return False
        before = find_countries(sentence[: mention.start])
        owner = bool(before) and _OWNER_GAP.fullmatch(sentence, before[-1].end, mention.start)
        of = _OF_COUNTRY.match(sentence, mention.end)
        return bool(
            owner
            or (of and (after := find_countries(sentence[of.end() :])) and after[0].start == 0)
        )

    def _spellings(self, name: str, person: str) -> set[str]:
        """``name`` (a spelling of ``person``) and its other transliterations: of a short
        i, and the French of a person of a Cyrillic-script country."""
        spellings = _transliterations(name)
        if self.directory.country_of(person) in _CYRILLIC_SCRIPT:
            spellings |= _french_spellings(name)
        return spellings

    def _family_name(self, person: str) -> str:
        """The name a person is told by alone: the last word, but the first for the
        countries whose names put the family name first ("Wang" of "Wang Yi", "Kim" of
        "Kim Jong Un") and for those whose people are told by their given name ("Don" of
        Thailand's "Don Pramudwinai")."""
        words = person.split()
        first = self.directory.country_of(person) in _FAMILY_NAME_FIRST | _GIVEN_NAME_TOLD
        return words[0] if first else words[-1]

    def learn_offices(self, sentence: str) -> None:
        """Record who holds which office from the article's titles before names.

        "Chinese Foreign Minister Wang Yi", "Myanmar's foreign minister, Wunna Maung
        Lwin": the article's own words, read before extraction so that "his Myanmar
        counterpart" or "the foreign ministers of China..." resolve anywhere in it.
        """
        named = self._named(sentence)
        for mention in named:
            if self.directory.kinds.get(mention.actor) != "person":
                continue
            for body in named:  # "Chairman of the X (XB) and Prime Minister Name"
                gap = _TITLE_GAP.fullmatch(sentence, body.end, mention.start)
                if gap and _HEAD_OF.search(sentence[: body.start]):
                    self.offices.setdefault((body.actor, "head"), mention.actor)
            title = _OFFICE_BEFORE.search(sentence[: mention.start])
            role = _ROLE_BEFORE.search(sentence[: mention.start])
            if not (title or role):
                continue
            begin = (title or role).start()
            countries = [
                c.country for c in find_countries(sentence[max(0, begin - 30) : begin])
            ] or ([self.directory.countries.get(mention.actor)] if role else [])
            if countries and countries[-1]:
                kind = _office(title.group(1)) if title else _role_office(role)
                office = (countries[-1], kind)
                self.offices.setdefault(office, mention.actor)
                self.office_of.setdefault(mention.actor, office)

    def learn_text_country(self, paragraphs: list[str]) -> None:
        """The country the text names most often, when one leads (for "Soldiers fought"
        before any country is told)."""
        told = Counter(c.country for p in paragraphs for c in find_countries(p) if c.country)
        ranked = told.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            self.text_country = ranked[0][0]

    def learn_described_tellers(self, paragraphs: list[str]) -> None:
        """ "..., a U.N. rights expert said Tuesday." then "Tom Andrews called ...": a
        teller described (not named) is the first person the next paragraph names."""
        for here, after in pairwise(paragraphs):
            persons = [
                m.actor for m in self._named(after) if self.directory.kinds.get(m.actor) == "person"
            ]
            for hit in _DESCRIBED_TELLER.finditer(here):
                if persons and hit.group(1).casefold() not in self.by_spelling:
                    self.described_tellers.setdefault(hit.group(1).casefold(), persons[0])

    def _tellers_described(self, sentence: str, known: list[Mention]) -> list[Mention]:
        found = []
        for hit in _DESCRIBED_TELLER.finditer(sentence):
            person = self.described_tellers.get(hit.group(1).casefold())
            if person and not any(m.start <= hit.start(1) < m.end for m in known):
                found.append(Mention(hit.start(1), hit.end(1), person))
        return found

    def find(self, sentence: str) -> list[Mention]:
        """Directory actors named in ``sentence``, by name, alias, title or surname.

        A person's surname alone ("Shoigu") counts once the article has named them in
        full: news style gives the full name first. Offices the article has given a
        name ("Myanmar's foreign minister", "his Myanmar counterpart") and defence
        officials of named countries resolve to those actors.
        """
        mentions = self._named(sentence)
        roles = list(_ROLE.finditer(sentence))
        # "junta leader" is a person: the body "junta" inside it is no mention, nor one
        # of whose alias the role's first word is the end ("the Myanmar military chief").
        mentions = [
            m
            for m in mentions
            if self.directory.kinds.get(m.actor) == "person"
            or not any(m.start < r.end() and r.start() < m.end for r in roles)
        ]
        mentions += self._role_holders(sentence, roles, mentions)
        mentions += self._ruling_described(sentence, roles, mentions)
        mentions += _exile_described(self, sentence, mentions)
        capacities = self._capacities(sentence, mentions)
        mentions = self._heads(sentence, mentions)
        mentions += self._titles(sentence, mentions)
        mentions += self._coordinated(sentence, mentions)
        mentions += self._described(sentence, mentions)
        mentions += self._the_military(sentence, mentions)
        mentions += self._the_police(sentence, mentions)
        mentions = self._members(sentence, mentions)
        mentions += self._tellers_described(sentence, mentions)
        mentions += self._governments_told(sentence, mentions)
        mentions += self._diplomats(sentence, mentions)
        mentions = [  # a capacity's body, by whatever path it was found, is no party
            m
            for m in mentions
            if self.directory.kinds.get(m.actor) == "person"
            or not any(start <= m.start < end for start, end in capacities)
        ]
        mentions.sort(key=lambda m: m.start)
        self.seen.update(m.actor for m in mentions)
        return mentions

    def _role_holders(self, sentence: str, roles, known: list[Mention]) -> list[Mention]:
        """The persons holding the roles a sentence describes ("Myanmar's junta leader").

        The role's country is the possessive or demonym just before it ("Myanmar's",
        "Russian"); else, for a ruling body's role ("the junta chief"), the country of
        the body the directory names so ("junta"); else the country last told. Its
        holder is the person the article titles so ("junta chief X"), else the one the
        directory gives that role.
        """
        found = []
        for role in roles:
            if any(m.start <= role.start() < m.end for m in known):
                continue
            if any(0 <= m.start - role.end() <= 2 for m in known):
                continue  # "junta chief X": the title of the person named
            office = _role_office(role)
            told = find_countries(sentence[: role.start()])
            before = [c for c in told if c.end >= role.start() - 4]
            country = before[-1].country if before else None
            start = before[-1].start if before else role.start()
            if country is None and role["ruling"]:
                body = self.by_spelling.get(role["ruling"].casefold())
                country = self.directory.countries.get(body) if body else None
            if country is None and self.recent_countries:
                country = self.recent_countries[-1]
            holder = self.offices.get((country, office)) or self.directory_roles.get(
                (country, office)
            )
            if holder:
                found.append(Mention(start, role.end(), holder))
        return found

    def _capacities(self, sentence: str, mentions: list[Mention]) -> list[tuple[int, int]]:
        """The spans of bodies whose head's title is told as the capacity of a person
        named before it ("X visited Y as Commander-in-Chief of the Z", "X, then head of
        the Z, met Y"): the title is that person's, the body no party of its own."""
        spans = []
        for m in mentions:
            head = _HEAD_OF.search(sentence[: m.start])
            if head is None or self.directory.kinds.get(m.actor) == "person":
                continue
            capacity = _CAPACITY_BEFORE.search(sentence[: head.start()])
            if capacity and any(
                n.end <= capacity.start() and self.directory.kinds.get(n.actor) == "person"
                for n in mentions
            ):
                spans.append((m.start, m.end))
        return spans

    def _heads(self, sentence: str, mentions: list[Mention]) -> list[Mention]:
        """A body's head told by office ("the chairman of the X", "the leader of X's
        ruling generals", "the X Chair") is that PERSON, not the body: the one the
        article titles so ("Chairman of the X ... Name"), else, for a country's ruling
        body, the holder of its leader's role (the article's, else the directory's).
        An office nobody is known to hold stays the body ("met the head of X")."""
        found = []
        for m in mentions:
            if self.directory.kinds.get(m.actor) == "person":
                found.append(m)
                continue
            before = _HEAD_OF.search(sentence[: m.start])
            after = _HEAD_AFTER.match(sentence, m.end)
            if not (before or after):
                found.append(m)
                continue
            country = self.directory.countries.get(m.actor)
            holder = self.offices.get((m.actor, "head"))
            if holder is None and country and self.ruling_body(country) == m.actor:
                holder = self.offices.get((country, "leader")) or self.directory_roles.get(
                    (country, "leader")
                )
            if holder:
                start = before.start() if before else m.start
                found.append(Mention(start, after.end() if after else m.end, holder))
            else:  # "met the head of X" with no one known to hold it: X's people
                found.append(m)
        return found

    def ruling_body(self, country: str | None, alias: re.Pattern = _RULING_ALIAS) -> str | None:
        """The ruling military body of ``country``: its one government actor the
        directory also calls a junta or a military government, regime or administration
        (with ``alias``, the one it calls so: a government in exile)."""
        bodies = {
            name
            for spelling, name in self.by_spelling.items()
            if self.directory.kinds.get(name) == "government"
            and alias.match(spelling)
            and (country is None or self.directory.countries.get(name) == country)
        }
        return bodies.pop() if len(bodies) == 1 else None

    def _ruling_described(self, sentence: str, roles, known: list[Mention]) -> list[Mention]:
        """Governments described by who holds them ("Myanmar's military-led government",
        "the generals", "the regime"): the ruling body of the country the description's
        possessive or demonym names, else of the country last told, else the one ruling
        body the directory has."""
        found = []
        for hit in _RULING_DESCRIPTION.finditer(sentence):
            if any(
                m.start <= hit.start() < m.end or hit.start() <= m.start < hit.end() for m in known
            ):
                continue  # a name or alias of the directory says it already
            if any(r.start() <= hit.start() < r.end() for r in roles):
                continue  # "the regime leader": a person (see _role_holders)
            if re.match(r"\s+(?:leader|chief|head|ruler|supremo)\b", sentence[hit.end() :]):
                continue
            told = [c for c in find_countries(sentence[: hit.start()]) if c.end >= hit.start() - 4]
            country = told[-1].country if told else None
            start = told[-1].start if told else hit.start()
            body = self.ruling_body(country) if country else None
            if body is None and country is None:
                for recent in reversed(self.recent_countries):
                    body = self.ruling_body(recent)
                    if body:
                        break
                body = body or self.ruling_body(None)
            if body:
                found.append(Mention(start, hit.end(), body))
        return found

    def last_person_of(self, country: str) -> str | None:
        """The person of ``country`` the article told last, if any."""
        return next(
            (p for p in reversed(self.persons_told) if self.directory.country_of(p) == country),
            None,
        )

    def remember(self, sentence: str, mentions: list[Mention], countries) -> None:
        """Keep the last person, body and countries told, for pronouns and "the country".

        The sentence's subject person (see :func:`_subject_person`) becomes the one a
        later "he" or "she" stands for.
        """
        subject = _subject_person(sentence, mentions, self.directory)
        if subject is not None:
            self.last_subject = subject
        self.last_named = _dedupe(m.actor for m in mentions)
        for m in mentions:
            if self.directory.kinds.get(m.actor) == "person":
                self.last_person = m.actor
                self.persons_told = [p for p in self.persons_told if p != m.actor] + [m.actor]
            else:
                self.last_body = m.actor
        for country in self._countries_told(sentence, mentions, countries, len(sentence)):
            if country in self.recent_countries:
                self.recent_countries.remove(country)
            self.recent_countries.append(country)

    def _countries_told(self, sentence, mentions, countries, before: int) -> list[str]:
        """Countries named (by name, demonym, place or an actor's country) before ``before``;
        a maker's compound ("Russia-made jets") tells no country later words stand for."""
        made = [hit.span() for hit in _MAKER_NAME.finditer(sentence)]

        def told(start: int, end: int) -> bool:
            return end <= before and not any(s <= start < e for s, e in made)

        named = [(c.start, c.country) for c in countries if told(c.start, c.end)]
        named += [(s, place.country) for s, e, place in find_places(sentence) if told(s, e)]
        named += [
            (m.start, self.directory.countries.get(m.actor))
            for m in mentions
            if told(m.start, m.end) and self.directory.countries.get(m.actor)
        ]
        return [country for _, country in sorted(named)]

    def referred_countries(self, sentence: str, mentions: list[Mention]) -> list[CountryMention]:
        """ "the country" (the last country told) and "both countries" (the last two)."""
        found = []
        named = find_countries(sentence)
        for pattern, size in ((_THE_COUNTRY, 1), (_BOTH_COUNTRIES, 2)):
            for hit in pattern.finditer(sentence):
                told = list(self.recent_countries)
                for country in self._countries_told(sentence, mentions, named, hit.start()):
                    if country in told:
                        told.remove(country)
                    told.append(country)
                for country in told[-size:]:
                    found.append(CountryMention(hit.start(), hit.end(), hit.group(0), country))
        return found

    def _described(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """Offices and defence officials that stand for actors ("his Myanmar counterpart")."""
        found: list[Mention] = []

        def add(start: int, end: int, actor: str | None) -> None:
            if actor and not any(m.start <= start < m.end for m in known):
                found.append(Mention(start, end, actor))

        for country in find_countries(sentence):
            after = _OFFICE_AFTER.match(sentence, country.end)
            if after and country.country:  # "Myanmar's foreign minister" (named or not)
                if any(re.fullmatch(r"\s*,?\s+", sentence[after.end() : m.start]) for m in known):
                    continue  # "Myanmar's deputy prime minister, X": the title is X's
                # an unknown name after the title is the minister's (proposed for review)
                name = _minister_name(sentence, after.end(), self)
                end = name.end() if name else after.end()
                add(country.start, end, self.office_holder(country.country, after))
        for holders in _OFFICE_HOLDERS.finditer(sentence):  # "the foreign ministers of A, B"
            for country in find_countries(holders.group(0)):
                office = (country.country, _office(holders.group(1)))
                add(holders.start(), holders.end(), self.offices.get(office))
        for hit in _COUNTERPART.finditer(sentence):
            people = [
                m.actor
                for m in known
                if m.end <= hit.start() and self.directory.kinds.get(m.actor) == "person"
            ]
            person = people[-1] if people else self.last_person
            countries = find_countries(hit.group(1))
            if not countries or not countries[0].country:
                continue
            country = countries[0].country
            if person in self.office_of:
                office = (country, self.office_of[person][1])
                if office in self.offices:
                    add(hit.start(), hit.end(), self.offices[office])
                    continue
            if any(re.fullmatch(r"\s*,?\s+", sentence[hit.end() : m.start]) for m in known):
                continue  # "his Myanmar counterpart, X": X is the party
            # the office's holder unknown ("External Affairs Minister Y told his
            # Myanmarese counterpart Z"): the country's government in power acts; a name
            # after the words the directory lacks is proposed (:func:`_counterpart_names`)
            name = _counterpart_name(sentence, hit.end(), self)
            end = name.end() if name else hit.end()
            add(hit.start(), end, self.government_of(country, sends=True))
        for hit in _FORCES_OF.finditer(sentence):  # "the armed forces of A and B"
            for country in find_countries(hit.group(1)):
                add(hit.start(), hit.end(), self.forces_of(country.country))
        for hit in _PERSON_DESCRIBED.finditer(sentence):  # "the Russian general"
            countries = find_countries(hit.group(1))
            if countries and countries[0].text == hit.group(1):
                add(hit.start(), hit.end(), self.last_person_of(countries[0].country))
        for hit in _SENT_FROM.finditer(sentence):  # "observers from A, B and C"
            for country in find_countries(hit.group(1)):
                # a country of several governments the text does not single out ("a
                # delegation from Myanmar"): the one that sends delegations, its ruling body
                add(hit.start(), hit.end(), self.government_of(country.country, sends=True))
        for hit in _NAVAL_FORCES.finditer(sentence):  # "Russian warships arrived"
            countries = find_countries(hit.group("country"))
            if countries and countries[0].text == hit.group("country"):
                add(hit.start(), hit.end(), self.forces_of(countries[0].country))
        for hit in _DEFENCE_OFFICIALS.finditer(sentence):
            if hit.group(1):  # "... from both countries"
                countries = [
                    c.country for c in self.referred_countries(hit.group(0), []) if c.country
                ]
            else:  # "a senior defense official": of the country whose action sends him
                subject = self.subject_country(sentence, hit.start())
                countries = [subject] if subject else []
            for country in countries:
                add(hit.start(), hit.end(), self.defence_body(country))
        return found

    def office_holder(self, country: str, title: re.Match) -> str | None:
        """Who a country's minister told by title stands for ("Russia's foreign minister",
        "the Russian foreign minister"): the person the article titles so, else the one
        the directory gives that role ("top diplomat"), else the country's government
        (:meth:`government_of`; a name after the title that the directory lacks is
        proposed for review). A minister serves the government in power: with several
        governments of the country and none told, its ruling body (``sends``, as for "his
        Myanmar counterpart")."""
        office = (country, _office(title.group(1)))
        return (
            self.offices.get(office)
            or self.directory_roles.get(office)
            or self.government_of(country, sends=True)
        )

    def _diplomats(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """A country's diplomat titled before a name the directory lacks ("British
        Ambassador X condemned ..."): the country's government (:meth:`government_of`)
        acts through its envoy, whose name is proposed for review (:func:`_proposed_names`)."""
        found = []
        for country in find_countries(sentence):
            if not country.country or any(m.start <= country.start < m.end for m in known):
                continue
            title = _DIPLOMAT.match(sentence, country.end)
            if title is None or not _envoy_name(title, self):
                continue
            actor = self.government_of(country.country)
            if actor:
                found.append(Mention(country.start, title.end(), actor))
        for name, title, country in _apposed_envoys(sentence, self):
            actor = self.government_of(country)
            if actor and not any(m.start < title.end() and name.start() < m.end for m in known):
                found.append(Mention(name.start(), title.end(), actor))
        return found

    def _members(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "UN Security Council members Russia and China": the members named (their
        governments) act, not the body they are told as members of."""
        found = []
        for m in known:
            hit = _MEMBERS.match(sentence, m.end)
            told = find_countries(hit.group(1)) if hit else []
            members = [self.government_of(c.country) for c in told if c.country]
            if not members or self.directory.kinds.get(m.actor) == "person":
                found.append(m)
                continue
            found += [Mention(m.start, hit.end(), g) for g in members if g]
        return found

    def _the_military(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "the military", "the junta army", "soldiers" as subject -> the armed forces
        (:meth:`forces_of`) of the country told, else of the latest told that has them,
        else of the country the text names most."""
        found = []
        named = find_countries(sentence)
        for hit in _THE_MILITARY.finditer(sentence):
            told = self._countries_told(sentence, known, named, hit.start())
            # the latest country told in the sentence that has armed forces in the
            # directory ("Rohingya fled to Bangladesh following killings by the army": a
            # refuge without forces in the directory is not theirs), else the latest told
            # before that has them ("Soldiers fought" in a text about one country)
            countries = told[::-1] or [*reversed(self.recent_countries), self.text_country]
            forces = next(filter(None, (self.forces_of(c) for c in countries)), None)
            if forces:
                found.append(Mention(hit.start(), hit.end(), forces))
        return found

    def _the_police(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "the police" -> the one police actor of the country told, else of the text's."""
        found = []
        for hit in _THE_POLICE.finditer(sentence):
            if any(m.start <= hit.start() < m.end for m in known):
                continue  # "the Myanmar police": named already
            told = self._countries_told(sentence, known, find_countries(sentence), hit.start())
            countries = told[-1:] or [*reversed(self.recent_countries), self.text_country]
            police = next(filter(None, (self.police_of(c) for c in countries if c)), None)
            if police:
                found.append(Mention(hit.start(), hit.end(), police))
        return found

    def police_of(self, country: str) -> str | None:
        """The country's one actor named as its police in the directory, else None."""
        forces = [
            name
            for name, country_of in self.directory.countries.items()
            if country_of == country and re.search(r"\b[Pp]olice\b", name)
        ]
        return forces[0] if len(forces) == 1 else None

    def subject_country(self, sentence: str, position: int) -> str | None:
        """The country acting as subject of the clause at ``position``.

        The first country, capital or country's actor named in that clause that is not
        after a preposition nor a possessive ("Myanmar's capital"); a clause without
        one ("..., and last year dispatched an official") takes the nearest earlier
        clause's; a subordinate "While ..." clause is not the subject's.
        """
        named = [(c.start, c.end, c.country, c.text) for c in find_countries(sentence)]
        named += [(start, end, p.country, "") for start, end, p in find_places(sentence)]
        named += [
            (m.start, m.end, self.directory.countries.get(m.actor), "")
            for m in self._named(sentence)
            if self.directory.countries.get(m.actor)
        ]
        subjects = sorted(
            (start, country)
            for start, end, country, text in named
            if end <= position
            and not _PREPOSITION.search(sentence[:start])
            and not text.endswith(("'s", "\u2019s"))
            and not re.match(r"['\u2019]s\b", sentence[end : end + 2])
        )
        starts = sorted({0, *(b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, position))})
        for begin, end in reversed(list(zip(starts, [*starts[1:], position], strict=True))):
            if re.match(r"(?:While|Although|Though|Whereas)\b", sentence[begin:].lstrip()):
                continue
            inside = [country for start, country in subjects if begin <= start < end]
            if inside:
                return inside[0]
        return None

    def adjective_actor(self, sentence: str, match: re.Match) -> str | None:
        """The actor a capitalised adjective on the action noun names: a country's
        demonym -> its government, "Western" -> the directory's "Western governments"."""
        window = sentence[max(0, match.start() - 20) : match.end()]
        hits = list(_ACTION_ADJECTIVE.finditer(window))
        if not hits:
            return None
        word = hits[-1].group(1)
        countries = find_countries(word)
        if countries and countries[0].text == word:
            return self.government_of(countries[0].country)
        return self.by_spelling.get(f"{word} governments".casefold())

    def defence_body(self, country: str) -> str | None:
        """The one actor of ``country`` whose name or alias says defence ("Defence Services")."""
        bodies = {
            name
            for spelling, name in self.by_spelling.items()
            if self.directory.countries.get(name) == country
            and self.directory.kinds.get(name) != "person"
            and re.search(r"\bdefen[cs]e\b", spelling)
        }
        return bodies.pop() if len(bodies) == 1 else None

    def forces_of(self, country: str) -> str | None:
        """A country's armed forces as an actor: its one military, else its defence body.

        The one meaning of "a country's armed forces" wherever they are told acting
        ("the military", "soldiers", "the armed forces of", warships, exercises, a
        crackdown's toll). :meth:`military_of` answers another question, the coup rules'
        (:meth:`military_behind`, :func:`_coup_parties`): whether the country has a
        military actor that seizes or holds power; a defence ministry is never taken for
        a coup's agent by those rules."""
        return self.military_of(country) or self.defence_body(country)

    def is_defence(self, actor: str) -> bool:
        """A military, a defence or arms body, or a person the article titles defence minister."""
        if self.directory.kinds.get(actor) == "military":
            return True
        if self.office_of.get(actor, ("", ""))[1] == "defence minister":
            return True
        return self.directory.kinds.get(actor) != "person" and any(
            name == actor and re.search(r"\b(?:defen[cs]e|arms)\b", spelling)
            for spelling, name in self.by_spelling.items()
        )

    def _titles(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "Russia's defence ministry" -> the one Russian directory actor so titled."""
        found = []
        for country in find_countries(sentence):
            if any(m.start <= country.start < m.end for m in known):
                continue
            match = re.match(r"\s+((?:[A-Za-z]+[ -]){0,3}[A-Za-z]+)", sentence[country.end :])
            if not match:
                continue
            words = match.group(1).casefold().split()
            coordinated = re.fullmatch(r"(\w+) and (\w+) (agencies|ministries)", " ".join(words))
            if coordinated:  # "Russia's space and nuclear agencies": two titled actors
                head = {"agencies": "agency", "ministries": "ministry"}[coordinated.group(3)]
                end = country.end + match.end(1)
                for word in coordinated.group(1, 2):
                    actor = self._titled(country.country, f"{word} {head}")
                    if actor:
                        found.append(Mention(country.start, end, actor))
                continue
            for size in range(len(words), 1, -1):
                title = " ".join(words[:size])
                actor = self._titled(country.country, title)
                if actor:
                    end = country.end + match.start(1) + len(title)
                    found.append(Mention(country.start, end, actor))
                    break
        return found

    def _coordinated(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """A body coordinated with a named one, by description ("X's space agency
        Roscosmos and nuclear agencies"): the description is a title of the named
        body's country ("nuclear agency" of that country's one actor so titled)."""
        found = []
        structure = None
        for m in known:
            country = self.directory.countries.get(m.actor)
            if not country or self.directory.kinds.get(m.actor) == "person":
                continue
            if not re.match(r"\s+and\s+[a-z]", sentence[m.end :]):
                continue  # parse only where a lower-case noun phrase is coordinated
            structure = structure or Structure.of(sentence)
            described = structure.conjuncts(m.start, m.end)
            if not described:  # the parse may hang the phrase elsewhere (an apposition)
                phrase = _COORDINATED_DESCRIPTION.match(sentence, m.end)
                words = phrase.group(1).casefold().split() if phrase else []
                described = [
                    (phrase.start(1), phrase.start(1) + len(" ".join(words[:size])), words[:size])
                    for size in range(len(words), 0, -1)
                ]
            described = [(a, b, [*w[:-1], _singular(w[-1])]) for a, b, w in described]
            for start, end, words in described:
                actor = self._titled(country, " ".join(words))
                if actor and not any(k.start <= start < k.end for k in known):
                    found.append(Mention(start, end, actor))
                    break
        return found

    def _titled(self, country: str, title: str) -> str | None:
        matches = {
            name
            for spelling, name in self.by_spelling.items()
            if self.directory.countries.get(name) == country and spelling.endswith(" " + title)
        }
        return matches.pop() if len(matches) == 1 else None

    def military_behind(self, actor: str) -> str:
        """The country's armed forces for a government actor in a coup, else the actor.

        A junta is named for what it became; the coup is the military's act (our
        vocabulary: seizure of power by the military). Needs exactly one military actor
        of that country in the directory.
        """
        if self.directory.kinds.get(actor) != "government":
            return actor
        return self.military_of(self.directory.countries.get(actor, "")) or actor

    def _actors_of(self, kind: str, country: str) -> list[str]:
        """The directory's actors of ``kind`` ("military", "government") of ``country``."""
        return [
            name
            for name, its_kind in self.directory.kinds.items()
            if its_kind == kind and self.directory.countries.get(name) == country
        ]

    def protesters_of(self, country: str) -> str | None:
        """The country's one protest movement in the directory (an organisation known
        as its "protesters" or "demonstrators"), else None."""
        movements = {
            name
            for spelling, name in self.directory.aliases.items()
            if self.directory.kinds.get(name) == "organisation"
            and self.directory.countries.get(name) == country
            and re.search(r"\b(?:protesters|demonstrators)\b", spelling, re.IGNORECASE)
        }
        return movements.pop() if len(movements) == 1 else None

    def military_of(self, country: str) -> str | None:
        """The country's one military actor in the directory, else None (the coup
        rules' question; armed forces told acting are :meth:`forces_of`)."""
        military = self._actors_of("military", country)
        return military[0] if len(military) == 1 else None

    def government_of(self, country: str, *, sends: bool = False) -> str | None:
        """The directory's actor for a country acting as such ("the U.S. called...").

        The first of these ways that names one actor, in this order:

        1. the directory has no government actor for the country: "<Demonym>
           government" (:func:`dashboard.geography.government_name`, "Chilean
           government"), proposed for review as a new actor (see
           :meth:`_proposed_government`);
        2. the one named as the country's government ("Government of Chile",
           "Chilean government");
        3. the only government actor of the country;
        4. several (an elected government, a junta...): the one the article talks
           about most;
        5. none told: the one that speaks for the country abroad, its foreign ministry
           ("the U.S. called ...": the State Department, not the Treasury);
        6. with ``sends`` (people the country sends: "a delegation from Myanmar"): its
           ruling body (:meth:`ruling_body`).
        """
        governments = self._actors_of("government", country)

        def one(names: list[str]) -> str | None:
            return names[0] if len(names) == 1 else None

        def proposed() -> str | None:
            return None if governments else self._proposed_government(country)

        def named() -> str | None:
            known = COUNTRY_BY_NAME.get(country)
            demonyms = {d.casefold() for d in known.demonyms} if known else set()
            return one(
                [
                    g
                    for g in governments
                    if g.casefold() == f"government of {country.casefold()}"
                    or (g.casefold().endswith(" government") and g.casefold()[:-11] in demonyms)
                ]
            )

        def told_most() -> str | None:
            told = sorted(((self.seen[g], g) for g in governments if self.seen[g]), reverse=True)
            return told[0][1] if told and (len(told) == 1 or told[0][0] > told[1][0]) else None

        def foreign_ministry() -> str | None:
            return one([g for g in governments if _FOREIGN_MINISTRY.search(g)])

        def ruling_body() -> str | None:
            return self.ruling_body(country) if sends else None

        ways = (proposed, named, lambda: one(governments), told_most, foreign_ministry, ruling_body)
        return next((actor for way in ways if (actor := way())), None)

    def _governments_told(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """A country's government told as such, not by a directory name: "Chile's
        government", "the Chilean government", "the government of Chile" - the
        country's government actor (:meth:`government_of`)."""
        found = []
        for hit in _GOVERNMENT_TOLD.finditer(sentence):
            if any(m.start < hit.end() and hit.start() < m.end for m in known):
                continue
            told = find_countries(hit.group(0))
            actor = self.government_of(told[0].country) if len(told) == 1 else None
            if actor:
                found.append(Mention(hit.start(), hit.end(), actor))
        return found

    def _proposed_government(self, country: str) -> str | None:
        """The government of a country the directory lacks one for, as a new actor to
        review: named by :func:`~dashboard.geography.government_name`, of that country
        (the finder's own directory gains it, kind and country, so the candidate's
        countries and the merging rules read it as the directory's governments are
        read; the directory passed in is never changed). None for a name that is no
        known country, or whose government name the directory gives another actor
        (an alias) or country."""
        if country not in COUNTRY_BY_NAME:
            return None
        name = government_name(country)
        directory = self.directory
        if name in directory.aliases or directory.kinds.get(name, "government") != "government":
            return None
        if directory.countries.get(name, country) != country:
            return None
        if name not in directory.kinds:
            self.directory = ActorDirectory(
                {**directory.kinds, name: "government"},
                {**directory.countries, name: country},
                directory.aliases,
                directory.inferred,
            )
            self.proposed_governments[name] = country
        return name


def _exile_described(finder: _ActorFinder, sentence: str, known: list[Mention]) -> list[Mention]:
    """An exile or shadow government described ("the government in exile"): the
    directory's government of that kind of the country the possessive or demonym before
    it names, else of the text's country - only when the text's country is clear."""
    found = []
    for hit in _EXILE_DESCRIPTION.finditer(sentence):
        if any(m.start <= hit.start() < m.end or hit.start() <= m.start < hit.end() for m in known):
            continue  # a name or alias of the directory says it already
        told = [c for c in find_countries(sentence[: hit.start()]) if c.end >= hit.start() - 4]
        country = told[-1].country if told else finder.text_country
        body = finder.ruling_body(country, _EXILE_ALIAS) if country else None
        if body:
            found.append(Mention(told[-1].start if told else hit.start(), hit.end(), body))
    return found


def _envoy_name(title: re.Match, finder: _ActorFinder) -> bool:
    """Whether the name after a diplomat's title (:data:`_ENVOY`) is a person's the
    directory lacks: no known actor, no place, no title words ("the UN Security Council")."""
    name = title.group("name")
    return not (
        name.casefold() in finder.by_spelling
        or name in SPELLINGS
        or find_places(name)
        or any(word in _NOT_NAMES for word in name.split())
    )


#: A name right after a minister's title, with or without a comma ("Britain's foreign
#: minister John Smith", "..., Wunna Maung Lwin").
_NAME_AFTER_TITLE = re.compile(rf"\s*,?\s+(?P<name>{_ENVOY_NAME})(?![\w-])")


def _minister_name(sentence: str, end: int, finder: _ActorFinder) -> re.Match | None:
    """The name after a country's minister's title ending at ``end`` ("Britain's foreign
    minister John Smith"), when the directory lacks it (:func:`_envoy_name`), else None."""
    name = _NAME_AFTER_TITLE.match(sentence, end)
    return name if name and _envoy_name(name, finder) else None


#: A name after "his X counterpart", an honorific or initial before it ("U Than Shwe")
#: not taken into the name, nor a possessive after it ("U Than Shwe India's concern").
_NAME_AFTER_COUNTERPART = re.compile(
    r"\s*,?\s+(?:[A-Z]\.?\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?![\w'\u2019-])){1,3})"
    r"(?![\w'\u2019-])"
)


def _counterpart_name(sentence: str, end: int, finder: _ActorFinder) -> re.Match | None:
    """The name after "his X counterpart" ending at ``end``, when the directory lacks it
    (:func:`_envoy_name`), else None."""
    name = _NAME_AFTER_COUNTERPART.match(sentence, end)
    return name if name and _envoy_name(name, finder) else None


def _counterpart_names(sentence: str, finder: _ActorFinder) -> list[re.Match]:
    """The unknown names told after "his/her X counterpart" (:func:`_counterpart_name`)."""
    found = []
    for hit in _COUNTERPART.finditer(sentence):
        name = _counterpart_name(sentence, hit.end(), finder)
        if name and find_countries(hit.group(1)):
            found.append(name)
    return found


#: A minister's capitalised title with no country, then a name told with an initial
#: ("External Affairs Minister S Jaishankar", "Foreign Minister K. Rao"): the name,
#: initial and all, which the capitalised-name rule misses (its words start at the
#: surname, one word).
_TITLE_INITIAL_NAME = re.compile(
    r"\b(?:Foreign|Defen[cs]e|External Affairs|Prime|Interior|Home|Finance) Minister\s+"
    r"(?P<name>[A-Z]\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?![\w'\u2019-])"
)


def _titled_initials(sentence: str, finder: _ActorFinder) -> list[re.Match]:
    """The names told with an initial after a minister's title (:data:`_TITLE_INITIAL_NAME`)
    that the directory lacks (:func:`_envoy_name`)."""
    return [m for m in _TITLE_INITIAL_NAME.finditer(sentence) if _envoy_name(m, finder)]


def _titled_ministers(sentence: str, finder: _ActorFinder) -> list[re.Match]:
    """The unknown names told after a country's minister's title (:func:`_minister_name`)."""
    found = []
    for country in find_countries(sentence):
        after = _OFFICE_AFTER.match(sentence, country.end)
        name = _minister_name(sentence, after.end(), finder) if after and country.country else None
        if name:
            found.append(name)
    return found


#: A name with a diplomat's title in apposition after it: "X, the British ambassador,"
#: (the name; the country and title follow, see :func:`_apposed_envoys`).
_NAME_APPOSED = re.compile(rf"(?<![\w-])(?P<name>{_ENVOY_NAME}),\s+(?:the\s+)?$")
_APPOSED_TITLE = re.compile(rf"{_ENVOY_RANK}{_ENVOY_WORD}\b{_ENVOY_TO}\s*,")


def _apposed_envoys(sentence: str, finder: _ActorFinder) -> list[tuple[re.Match, re.Match, str]]:
    """(name, title, country) of each diplomat named before a title in apposition ("X,
    the British ambassador, condemned ...", "X, Britain's envoy to the UN, said"), whose
    name the directory lacks (:func:`_envoy_name`): the country acts through its envoy,
    as when the title comes first (:meth:`_ActorFinder._diplomats`)."""
    found = []
    for country in find_countries(sentence):
        name = _NAME_APPOSED.search(sentence, 0, country.start)
        title = _APPOSED_TITLE.match(sentence, country.end)
        if country.country and name and title and _envoy_name(name, finder):
            found.append((name, title, country.country))
    return found


#: A foreign ministry's name in the directory.
_FOREIGN_MINISTRY = re.compile(
    r"\b(?:Department of State|State Department|Foreign (?:Ministry|Office)|"
    r"Ministry of Foreign Affairs|Foreign Affairs Ministry)\b"
)
