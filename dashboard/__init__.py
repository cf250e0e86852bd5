"""Diplomatic-timeline dashboard: the plain-Python model (no Streamlit here)."""
