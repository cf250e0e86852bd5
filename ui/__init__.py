"""The Streamlit layer: shared sidebar, state keys, cached loader and rendering helpers.

Only this package and the page scripts (app.py, pages/) import streamlit.
"""
