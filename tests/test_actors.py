"""The actors directory: canonical names, aliases, countries, and its own row/column problems."""

from __future__ import annotations

import pytest
from conftest import ACTORS, csv_text

from dashboard.actors import ACTOR_COLUMNS, ActorDirectory, load_actors, parse_actors
from dashboard.problems import EventsFileError

HEADER = ",".join(ACTOR_COLUMNS) + "\n"


def problems_of(text: str) -> list[str]:
    with pytest.raises(EventsFileError) as caught:
        parse_actors(text)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def directory() -> ActorDirectory:
    return parse_actors(csv_text(ACTORS, columns=ACTOR_COLUMNS))


def test_every_actor_has_its_kind_and_country(directory):
    for row in ACTORS:
        assert directory.kinds[row["actor"]] == row["kind"]
        assert directory.countries[row["actor"]] == row["country"]


@pytest.mark.parametrize(
    "name, canonical, country",
    [
        ("Min Aung Hlaing", "Min Aung Hlaing", "Myanmar"),
        ("Gen. Hlaing", "Min Aung Hlaing", "Myanmar"),
        ("Senior General Min Aung Hlaing", "Min Aung Hlaing", "Myanmar"),
        ("Lavrov", "Sergei Lavrov", "Russia"),
        ("ASEAN", "ASEAN", ""),
        ("Nobody Known", "Nobody Known", ""),
        ("gen. hlaing", "gen. hlaing", ""),  # aliases are exact spellings
    ],
)
def test_aliases_resolve_to_one_canonical_name(directory, name, canonical, country):
    assert directory.canonical(name) == canonical
    assert directory.country_of(name) == country


def test_empty_directory_knows_nobody():
    empty = ActorDirectory()
    assert empty.canonical("Gen. Hlaing") == "Gen. Hlaing"
    assert empty.country_of("Min Aung Hlaing") == ""


def test_values_are_trimmed_and_quoted_fields_kept():
    text = HEADER + ' Wang Yi ,person, China ,"Wang; FM Wang"\n'
    directory = parse_actors(text)
    assert directory.countries == {"Wang Yi": "China"}
    assert directory.aliases == {"Wang": "Wang Yi", "FM Wang": "Wang Yi"}


def test_load_actors_reads_a_file_with_bom_and_crlf(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(csv_text(ACTORS, columns=ACTOR_COLUMNS, line_end="\r\n").encode("utf-8-sig"))
    assert load_actors(path) == parse_actors(csv_text(ACTORS, columns=ACTOR_COLUMNS))


def test_load_actors_latin1_is_a_problem_not_a_traceback(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes((HEADER + "José,person,Spain,\n").encode("latin-1"))
    with pytest.raises(EventsFileError, match="not UTF-8 text"):
        load_actors(path)


@pytest.mark.parametrize(
    "body, expected",
    [
        (",person,X,\n", ["row 2, column actor: is empty"]),
        (
            "A,person,X,\nA,person,Y,\n",
            ["row 3, column actor: 'A' is listed twice"],
        ),
        (
            "A,person,X,B\nB,person,Y,\n",
            ["row 3, column actor: 'B' is listed twice"],
        ),
        (
            "A,person,X,B\nC,person,Y,B\n",
            ["row 3, column aliases: alias 'B' is ambiguous"],
        ),
        (
            "A,robot,X,\n",
            [
                "row 2, column kind: unknown kind 'robot'; "
                "use one of person, government, military, organisation"
            ],
        ),
        ("A,person,X\n", ["row 2: has 3 fields, the header has 4"]),
        ("A,person,X,,surplus\n", ["row 2: has 5 fields, the header has 4"]),
        (
            '"A\nB",person,X,\nC,robot,Y,\n',
            [
                "row 4, column kind: unknown kind 'robot'; "
                "use one of person, government, military, organisation"
            ],
        ),
        (
            ",person,X,\nA,robot,X,\nB,person,Y\n",
            [
                "row 2, column actor: is empty",
                "row 3, column kind: unknown kind 'robot'; "
                "use one of person, government, military, organisation",
                "row 4: has 3 fields, the header has 4",
            ],
        ),
    ],
)
def test_problems_name_row_and_column(body, expected):
    assert problems_of(HEADER + body) == expected


def test_missing_columns_are_all_named():
    assert problems_of("actor,kind\nA,person\n") == [
        "column aliases: required column is missing",
        "column country: required column is missing",
    ]


def test_the_shipped_directory_names_unique_aliases_and_known_countries():
    """data/actors.csv: one row per name, no alias shared or equal to another name,
    every country one the extractor knows (dashboard/geography.py)."""
    import csv

    from dashboard.geography import COUNTRIES
    from dashboard.table import DEFAULT_ACTORS_PATH

    with open(DEFAULT_ACTORS_PATH, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [r["actor"] for r in rows]
    assert len(names) == len(set(names))
    aliases = [a for r in rows for a in r["aliases"].split(";") if a]
    assert len(aliases) == len(set(aliases))
    assert not set(aliases) & set(names)
    known = {c.name for c in COUNTRIES}
    assert {r["country"] for r in rows if r["country"]} <= known
    # the governments the gold tables name are the directory's, not only the fallback's
    for government in ("Chinese government", "Indian government", "Kazakh government"):
        assert government in names
