"""About the data: which table is loaded, the data dictionary, vocabularies and sources."""

import streamlit as st

from dashboard import schema
from dashboard.dictionary import (
    data_dictionary_markdown,
    formats_markdown,
    precision_markdown,
    vocabulary_markdown,
)
from dashboard.filters import FilterSpec
from ui.data import source_counts
from ui.page import finish_page, open_page
from ui.render import md_escape
from ui.upload import shown_table_notices, uploader

#: The sources table lists the most used ones; the rest are counted (30k sources are 1.2 MB).
TOP_SOURCES = 20

page = open_page("About the data")
table = page.table
served = page.engine.info()
if table is None:  # a query engine counts the whole dataset (its answer is cached)
    whole = page.engine.summary(FilterSpec())
    events, actors, countries = whole.events, whole.actors, whole.countries
    first, last = whole.first_date, whole.last_date
else:  # the in-memory table knows these already
    events, actors = len(table), len(table.participants.names)
    countries = len(table.countries.names)
    first, last = table.events["start_date"].min(), table.events["end_date"].max()

st.header("The table shown")
span = f"{first:%Y-%m-%d} to {last:%Y-%m-%d}" if events else "no dates"
st.markdown(
    f"**{md_escape(served.label)}**: {events:,} events, "
    f"{actors:,} actors, {countries:,} countries, {span}."
)
st.caption(
    f"Served by the **{served.engine}** engine ({md_escape(served.description)}); "
    "see docs/engines.md for the DuckDB and Spark engines over a Parquet dataset."
)
for notice in shown_table_notices():
    st.info(md_escape(notice))

st.header("Open your own table")
st.markdown(
    "Upload a table to look at it with every page of the dashboard: a table with the columns "
    "of the data dictionary below, or an ACLED, GDELT, UCDP GED or ICEWS file (CSV, "
    "tab-separated, Parquet, JSON or Excel), recognised by its content and mapped onto our "
    "columns as the table below says. Any other table can be mapped column by column. "
    "If the file has problems, they are listed by row and column and the table shown stays "
    "as it is. **Back to the default table** (above) returns to the default. The sidebar's "
    "**Open your own table** does the same from any page."
)
uploader("about")
# Generated from the formats registry (our own constants), so markdown is safe.
st.markdown(formats_markdown())

st.header("Sources and how to cite them")
st.markdown(
    "The default table is derived from one news article: The Wall Street Journal, "
    "*Russia Reaffirms Support for Myanmar's Junta After Execution of Activists*, "
    "by Feliz Solomon, 3 August 2022. Titles and descriptions are written in our own words. "
    "Cite an event by its source **and the paragraph** it comes from "
    "(the `source_paragraph` column), e.g. *The Wall Street Journal, 2022-08-03, para. 2*; "
    "where `date_basis` is `public record`, the date was narrowed from public knowledge "
    "and the `notes` column says how."
)
if table is None:
    st.caption("The sources of a table served by a query engine are in the Events page's download.")
elif len(table):
    sources = source_counts(table)
    st.dataframe(sources.head(TOP_SOURCES), hide_index=True, width="stretch")
    if len(sources) > TOP_SOURCES:
        rest = sources["events"].iloc[TOP_SOURCES:].sum()
        st.caption(
            f"and {len(sources) - TOP_SOURCES:,} more sources ({rest:,} events); "
            "the Events page's download has the source of every event."
        )

# The dictionary and vocabularies are our own constants (dashboard.schema), so markdown is safe.
st.header("Data dictionary")
st.markdown(data_dictionary_markdown())
st.caption(
    "List columns (actors, recipients, countries, source_paragraph) separate their "
    f"values with `{schema.LIST_SEPARATOR}`. Dates are ISO (YYYY-MM-DD) and inclusive."
)

st.header("Date precision")
st.markdown(precision_markdown())

st.header("Event types")
st.markdown(
    "Each event type maps to one category of the PLOVER codebook (Open Event Data Alliance) "
    "and to its quad class: verbal or material, cooperation or conflict."
)
st.markdown(vocabulary_markdown())
finish_page(page)
