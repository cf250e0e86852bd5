"""Events: counts at a glance, the filtered table and its CSV download."""

import streamlit as st

from dashboard.engine_views import everything, window_table
from dashboard.export import export_timelinejs
from dashboard.summary import fatalities_help
from dashboard.window import MAX_WINDOW_ROWS
from ui.events_view import show_events_table
from ui.page import finish_page, open_page, show_if_empty

page = open_page("Events")
if not show_if_empty(page):
    engine, spec = page.engine, page.spec
    counts = engine.summary(spec)
    deaths = engine.fatalities(spec)
    widths = [1, 1, 1, 2.4] if deaths is None else [1, 1, 1, 1, 2.4]
    events, countries, actors, *dead, span = st.columns(widths)
    events.metric("Events", f"{counts.events:,}")
    countries.metric("Countries", f"{counts.countries:,}")
    actors.metric("Actors", f"{counts.actors:,}")
    if deaths is not None:
        dead[0].metric("Fatalities", f"{deaths.total:,}", help=fatalities_help(deaths))
    span.metric("Date span", f"{counts.first_date} – {counts.last_date}")

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
