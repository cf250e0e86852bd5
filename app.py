"""Streamlit entrypoint (placeholder until the dashboard pages land)."""

import streamlit as st

from dashboard.table import load_events

st.set_page_config(page_title="Diplomatic timeline", layout="wide")
table = load_events()
st.title("Diplomatic timeline")
st.dataframe(table.events)
