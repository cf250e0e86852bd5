"""Events: counts at a glance, the filtered table and its CSV download."""

import streamlit as st

from dashboard.engine_views import everything, window_table
from dashboard.export import export_timelinejs
from dashboard.summary import fatalities_help, metric_weights
from dashboard.window import MAX_WINDOW_ROWS
from ui.events_view import show_events_table
from ui.page import finish_page, open_page, show_if_empty

page = open_page("Events")
if not show_if_empty(page):
    engine, spec = page.engine, page.spec
    counts = engine.summary(spec)
    deaths = engine.fatalities(spec)
    shown = {
        "Events": f"{counts.events:,}",
        "Countries": f"{counts.countries:,}",
        "Actors": f"{counts.actors:,}",
        **({} if deaths is None else {"Fatalities": f"{deaths.total:,}"}),
        "Date span": f"{counts.first_date} – {counts.last_date}",
    }
    helps = {} if deaths is None else {"Fatalities": fatalities_help(deaths)}
    for column, (label, value) in zip(
        st.columns(metric_weights(shown.values())), shown.items(), strict=True
    ):
        column.metric(label, value, help=helps.get(label))

    if page.table is None:  # a query engine: the first events, bounded like the window
        table = window_table(engine, spec, MAX_WINDOW_ROWS)
        positions = everything(table)

        def story() -> bytes:
            return export_timelinejs(engine.window(spec, 0, page.matched).events)
    else:
        table, positions = page.table, page.positions

        def story() -> bytes:
            return export_timelinejs(table.take(positions))

    csv_column, story_column = st.columns(2)
    csv_column.download_button(
        f"Download these {page.matched:,} events (CSV)",
        # Deferred: the CSV is built when the analyst clicks, not on every rerun.
        data=lambda: engine.export_csv(spec),
        file_name="events-filtered.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    story_column.download_button(
        "As a TimelineJS story (JSON)",
        data=story,
        file_name="events-timelinejs.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/timeline:",
        help="The filtered events as TimelineJS 3 JSON, to publish the story as a timeline.",
    )
    show_events_table(table, positions, page.matched)
finish_page(page)
