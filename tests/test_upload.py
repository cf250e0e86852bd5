"""Analysts' own tables in the app (ui/upload.py), driven with AppTest's file_uploader.

Streamlit 1.67's AppTest registers the bytes given to ``file_uploader(...).upload`` as a
real upload, so these tests go through the widget and its on_change callback.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import csv_bytes, event_row, sample_events
from streamlit import config
from streamlit.testing.v1 import AppTest

from dashboard import icews
from dashboard.filters import FilterSpec
from dashboard.importing import load_any
from dashboard.table import load_events
from ui import mapping_form, state

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EVENTS = "pages/2_Events.py"
ABOUT = "pages/3_About_the_data.py"
ACLED_SAMPLE = ROOT / "tests" / "data" / "acled_sample.csv"
TIMEOUT = 30
#: Events in the tables these tests upload (conftest's sample_events).
N = len(sample_events())


@pytest.fixture(autouse=True)
def default_table(monkeypatch):
    monkeypatch.delenv("EVENTS_PATH", raising=False)


@pytest.fixture(scope="module")
def article():
    return load_events()


def open_app(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def upload(at: AppTest, name: str, data: bytes, place: str = "sidebar") -> AppTest:
    """Upload ``data`` through the uploader at ``place`` ("sidebar" or "about") and rerun."""
    widget = next(u for u in at.file_uploader if u.key.startswith(f"upload_{place}_"))
    widget.upload(name, data, "text/csv")
    return at.run()


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


def banner(at: AppTest) -> str:
    """The line saying which table is shown (an info for an upload, a caption otherwise)."""
    return next(t for t in [*infos(at), *(c.value for c in at.caption)] if "Showing" in t)


def parquet_bytes(rows) -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(list(rows)), sink)
    return sink.getvalue()


def test_default_banner_and_an_uploader_on_every_page(article):
    for page in (None, "pages/1_Network.py", EVENTS, ABOUT):
        at = open_app(page)
        assert not at.exception
        assert banner(at) == (
            f"Showing the article\\'s table \\(data\\/events\\.csv\\) — {len(article)} events."
        )
        places = sorted(u.key.rsplit("_", 1)[0] for u in at.file_uploader)
        assert places == (
            ["upload_about", "upload_sidebar"] if page == ABOUT else ["upload_sidebar"]
        )
        # The limit is said next to the uploader, from the configured value.
        limit = config.get_option("server.maxUploadSize")
        assert any(f"up to {limit:,} MB" in c.value for c in at.caption)


def test_config_sets_a_deliberate_upload_limit():
    text = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "maxUploadSize = 200" in text


def test_an_uploaded_table_replaces_the_default_on_every_page():
    rows = sample_events()
    at = upload(open_app(EVENTS), "mine.csv", csv_bytes(rows))
    assert not at.exception
    assert [s.value for s in at.success] == [f"Opened mine\\.csv: {N} events."]
    assert banner(at) == f"Showing your upload: **mine\\.csv** — {N} events."
    assert metric(at, "Events") == str(N)
    for page in ("app.py", "pages/1_Network.py", ABOUT):
        at.switch_page(page).run()
        assert not at.exception
        assert banner(at) == f"Showing your upload: **mine\\.csv** — {N} events."
    assert at.markdown[0].value.startswith("**mine\\.csv**: ")  # About: the table shown


def test_the_about_pages_uploader_does_the_same():
    at = upload(open_app(ABOUT), "mine.csv", csv_bytes(sample_events()), place="about")
    assert not at.exception
    assert banner(at).startswith("Showing your upload: **mine\\.csv**")


def test_filters_the_new_table_lacks_are_dropped_with_a_notice_and_the_url_follows():
    at = open_app(EVENTS, country=["Ukraine", "Myanmar"], type="visit")
    assert at.query_params == {"country": ["Ukraine", "Myanmar"], "type": "visit"}
    rows = [
        event_row(event_id=f"e{i}", countries="Myanmar", actors="Min Aung Hlaing", recipients="")
        for i in range(3)
    ]
    at = upload(at, "myanmar.csv", csv_bytes(rows))
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("Ukraine" in n and "dropped" in n for n in notices), notices
    assert at.session_state[state.FILTERS].countries == ("Myanmar",)
    assert at.multiselect(key=state.W_COUNTRIES).value == ["Myanmar"]
    assert dict(at.query_params)["country"] == "Myanmar"
    assert "Ukraine" not in str(at.query_params)


def test_an_invalid_upload_lists_its_problems_and_keeps_the_table(article):
    at = upload(open_app(EVENTS), "mine.csv", csv_bytes(sample_events()))
    bad_rows = [event_row(event_id=f"bad{i}", start_date="2022-02-30") for i in range(60)]
    at = upload(at, "bad <b>.csv", csv_bytes(bad_rows))
    assert not at.exception
    assert [e.value for e in at.error] == [
        "bad \\<b\\>\\.csv cannot be opened: 60 problems. The table shown is unchanged."
    ]
    # 60 problems of one kind are one line: the count, their rows as a run, an example.
    assert at.text[0].value.splitlines() == [
        "60 problems like this on rows 2–61, column start_date, "
        "e.g. row 2, column start_date: '2022-02-30' is not a real date"
    ]
    # Still the previous upload.
    assert banner(at) == f"Showing your upload: **mine\\.csv** — {N} events."
    assert metric(at, "Events") == str(N)


def test_the_uploader_names_no_fewer_kinds_of_file_than_it_takes():
    """Its label said "Upload a CSV or Parquet file" while it took TSV, JSON and Excel too."""
    at = open_app(EVENTS)
    kinds = {"CSV", "TSV", "Parquet", "JSON", "Excel"}
    for widget in at.file_uploader:
        named = {kind for kind in kinds if kind in widget.label}
        assert not named or named == kinds, widget.label
    assert any(set(kinds) <= set(c.value.replace(",", "").split()) for c in at.caption)


def test_an_invalid_first_upload_keeps_the_default(article):
    at = upload(open_app(EVENTS), "notes.csv", b"name,comment\nx,y\n")
    assert not at.exception
    # Not a format we know: the column mapping is offered instead of the problems.
    assert "notes\\.csv is not a table this dashboard recognises" in at.info[0].value
    assert [h.value for h in at.subheader] == ["Map the columns of notes\\.csv"]
    assert "required column is missing" in at.text[0].value  # the preview's problems
    # No column holds the type: the preview names the form's field to type one in.
    field = mapping_form.FIXED["event_type"].split(" (")[0]
    assert f'type one type for every event in "{field}"' in at.text[0].value
    assert banner(at).startswith("Showing the article")
    assert metric(at, "Events") == f"{len(article):,}"


def test_an_unrecognised_upload_is_told_what_the_import_said_of_it(article):
    """A POLECAT file (ICEWS's successor) is named, with the mapping that reads it, on the
    command line; the app showed only the generic 'not recognised' line and dropped it."""
    header = [*icews.POLECAT_SIGNATURE, "Contexts", "Version"]
    record = ["20230102-0001", "2023-01-02", "CONSULT", "Freedonia", "Sylvania", "1", "", "1"]
    data = "\n".join(["\t".join(header), "\t".join(record[: len(header)])]).encode() + b"\n"
    at = upload(open_app(EVENTS), "ngecEvents.txt", data)
    assert not at.exception
    assert "ngecEvents\\.txt is not a table this dashboard recognises" in at.info[0].value
    assert any("this looks like POLECAT" in t.value for t in at.text)
    assert [h.value for h in at.subheader] == ["Map the columns of ngecEvents\\.txt"]
    assert banner(at).startswith("Showing the article")


def test_an_acled_export_opens_with_its_notices():
    expected, notices = load_any(ACLED_SAMPLE)
    at = upload(open_app(EVENTS), "acled.csv", ACLED_SAMPLE.read_bytes())
    assert not at.exception
    assert metric(at, "Events") == str(len(expected))
    shown = infos(at)
    assert any("ACLED" in text for text in shown)
    assert len(notices) >= 1
    # About the data keeps listing the import's notices while the table is shown.
    at.switch_page(ABOUT).run()
    listed = [t for t in infos(at) if "ACLED" in t or "not in the actors directory" in t]
    assert len(listed) == len(notices)


def test_a_parquet_upload_opens():
    rows = sample_events()
    at = upload(open_app(EVENTS), "mine.parquet", parquet_bytes(rows))
    assert not at.exception
    assert metric(at, "Events") == str(len(rows))
    assert set(at.dataframe[0].value["event_id"]) == {row["event_id"] for row in rows}


@pytest.fixture
def upload_limit_1mb():
    """server.maxUploadSize = 1 for one test (the app reads it with st.get_option)."""
    before = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    yield
    config.set_option("server.maxUploadSize", before)


def test_a_too_large_upload_is_refused_with_our_message(upload_limit_1mb, article):
    big = csv_bytes(sample_events()) + b" " * (1024 * 1024)
    at = upload(open_app(EVENTS), "big.csv", big)
    assert not at.exception
    assert at.error[0].value.startswith("big\\.csv is 1.0 MB; tables up to 1 MB")
    assert metric(at, "Events") == f"{len(article):,}"
    assert any("up to 1 MB" in c.value for c in at.caption)


def test_back_to_default_restores_the_table_and_empties_the_uploader(article):
    at = upload(open_app(EVENTS, type="visit"), "mine.csv", csv_bytes(sample_events()))
    assert at.file_uploader[0].value is not None
    at.button(key="upload_back_to_default").click().run()
    assert not at.exception
    assert banner(at).startswith("Showing the article")
    assert "Back to the default table." in infos(at)
    assert at.file_uploader[0].value is None  # a fresh uploader
    assert at.session_state[state.FILTERS] == FilterSpec(event_types=("visit",))
    assert [b.key for b in at.button] == ["sidebar_reset"]  # no "back" on the default


def test_an_upload_is_for_its_own_session_only(article):
    mine = upload(open_app(EVENTS), "mine.csv", csv_bytes(sample_events()))
    theirs = open_app(EVENTS)
    assert metric(mine, "Events") == str(N)
    assert metric(theirs, "Events") == f"{len(article):,}"
    assert banner(theirs).startswith("Showing the article")
    # The same bytes in another session give that session the same table, from the cache.
    again = upload(open_app(EVENTS), "mine.csv", csv_bytes(sample_events()))
    assert again.session_state[state.UPLOAD].table is mine.session_state[state.UPLOAD].table


def test_an_upload_forgets_the_chosen_event_and_ego_of_the_old_table(article):
    at = open_app()
    first = str(article.events["event_id"].iloc[0])
    at.selectbox(key=state.TIMELINE_DETAIL).select(first).run()
    at.switch_page("pages/1_Network.py").run()
    at.selectbox(key=f"{state.NETWORK_EGO}_actor").select("Sergei Lavrov").run()
    at = upload(at, "mine.csv", csv_bytes(sample_events()))
    assert not at.exception
    assert at.selectbox(key=f"{state.NETWORK_EGO}_actor").value is None
    at.switch_page("app.py").run()
    assert not at.exception
    assert at.selectbox(key=state.TIMELINE_DETAIL).value is None


@pytest.mark.parametrize("kind", ["acled", "parquet"])
def test_events_path_may_be_an_acled_export_or_parquet(kind, tmp_path, monkeypatch):
    if kind == "acled":
        path = ACLED_SAMPLE
    else:
        path = tmp_path / "events.parquet"
        path.write_bytes(parquet_bytes(sample_events()))
    expected, notices = load_any(path)
    monkeypatch.setenv("EVENTS_PATH", str(path))
    at = open_app(EVENTS)
    assert not at.exception
    assert metric(at, "Events") == str(len(expected))
    assert "EVENTS\\_PATH" in banner(at)
    at.switch_page(ABOUT).run()
    assert not at.exception
    assert len([t for t in infos(at) if "Showing" not in t]) == len(notices)


def test_when_the_default_cannot_load_an_own_table_still_can(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "nowhere.csv"))
    at = open_app()
    assert "cannot be opened" in at.error[0].value
    at = upload(at, "mine.csv", csv_bytes(sample_events()), place="main")
    assert not at.exception
    assert banner(at) == f"Showing your upload: **mine\\.csv** — {N} events."


def test_the_loaders_build_the_network_indexes_with_the_table():
    # Built once at load time, so no analyst's first Network visit pays for them.
    from dashboard import network
    from ui.data import load_default

    at = open_app()
    assert not at.exception
    default = load_default()[0]
    assert set(network._INDEXES[default]) == set(network.NODE_KINDS)
    at = upload(at, "mine.csv", csv_bytes(sample_events()))
    assert not at.exception
    uploaded = at.session_state[state.UPLOAD].table
    assert uploaded is not default
    assert set(network._INDEXES[uploaded]) == set(network.NODE_KINDS)


def test_the_mapping_form_guesses_an_analysts_headers_and_gives_the_actors_a_country():
    """The presidents' travel list (tests/data/real/SOURCES.md): the form preselected only
    `description`; now its analyst's headers are guessed, each labelled as a guess, and
    the actors and their country can be given for the whole sheet."""
    data = (ROOT / "tests" / "data" / "real" / "us_president_visits_sample.csv").read_bytes()
    at = upload(open_app(EVENTS), "presidents.csv", data)
    assert not at.exception
    picked = {box.key.removeprefix(state.MAPPING_WIDGET): box for box in at.selectbox}
    assert picked["when"].value == "time"
    assert picked["when"].label.endswith("(guessed)")
    assert picked["countries"].value == "destination country"
    assert picked["location"].value == "destination city"
    assert picked["description"].value == "description"
    assert not picked["description"].label.endswith("(guessed)")
    fixed = {box.key.removeprefix(state.MAPPING_WIDGET): box for box in at.text_input}
    fixed["set_event_type"].input("visit")
    fixed["set_actors"].input("President of the United States")
    fixed["set_actor_country"].input("United States").run()
    assert not at.exception
    at.button(key=f"{state.MAPPING_WIDGET}load").click().run()
    assert not at.exception
    assert metric(at, "Events") == "6"
