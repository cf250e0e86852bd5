"""Session-state keys, defined once, and the one place the current filters live.

The filters are a :class:`~dashboard.filters.FilterSpec` under :data:`FILTERS`.
Widgets never own them: Streamlit gives a widget a different id on each page,
so widget values would be lost on navigation. Instead the sidebar copies the
spec into its widget keys before drawing them, and widget callbacks copy their
values back into the spec.
"""

from __future__ import annotations

import streamlit as st

from dashboard.filters import MAX_DATE as MAX_FILTER_DATE
from dashboard.filters import MIN_DATE as MIN_FILTER_DATE
from dashboard.filters import FilterSpec, is_filter_key

#: The current filters (a FilterSpec); survives page changes.
FILTERS = "filters"
#: Notices (list[str]) about dropped filter values, shown once on the next run.
NOTICES = "filter_notices"

#: This session's own table (a ui.upload.Upload) when the analyst opened one; absent
#: means the default table. Per session: other tabs and people keep theirs.
UPLOAD = "upload"
#: Messages about the last upload (list of ui.upload.Message), shown once.
UPLOAD_MESSAGES = "upload_messages"
#: An upload no format recognised, waiting for its column mapping: (file name, bytes).
UPLOAD_MAPPING = "upload_mapping"
#: Prefix of the mapping form's widget keys.
MAPPING_WIDGET = "mapping_"
#: Part of the uploaders' keys; bumped to empty them when going back to the default.
UPLOAD_GENERATION = "upload_generation"
#: The workspace problems this session has met (set of ui.data keys): an unreadable
#: workspace is logged once a session, not on every run.
WORKSPACE_UNREAD_LOGGED = "workspace_unread_logged"

#: Sidebar widget keys (shared by every page).
W_COUNTRIES = "sidebar_countries"
W_ACTORS = "sidebar_actors"
W_TYPES = "sidebar_event_types"
W_START = "sidebar_start"
W_END = "sidebar_end"
W_QUERY = "sidebar_q"
#: Facet widgets: a multiselect per opened column (prefix + column) and the column adder.
W_FACET = "sidebar_facet_"
W_FACET_ADD = "sidebar_facet_add"
#: The facet columns opened in this session (list[str]), chosen values or not.
FACETS_OPEN = "facets_open"

#: Page-only keys carry their page's prefix.
TIMELINE_LANE = "timeline_lane"
#: The Timeline's counting period asked for at least (dashboard.timeline.COUNT_PERIODS).
TIMELINE_PER = "timeline_per"
TIMELINE_CHART = "timeline_chart"
TIMELINE_DETAIL = "timeline_detail"
NETWORK_KIND = "network_node_kind"
NETWORK_EGO = "network_ego"
NETWORK_CHART = "network_chart"
#: The Network's list of relations (a row picked there lists the events behind it).
NETWORK_RELATIONS = "network_relations"
#: ... and the pairs it listed on the last run (its pick is kept by the pair, not the row).
NETWORK_RELATIONS_LISTED = "network_relations_listed"
#: The picked relation's events over time (a chart under the list).
NETWORK_TREND = "network_trend"

#: Date bounds of the date pickers: the filters' (dashboard.filters owns the rule).
MIN_DATE = MIN_FILTER_DATE
MAX_DATE = MAX_FILTER_DATE


#: The view (what is shown, not which events): URL key -> value, e.g. {"lane": "actor"}.
#: Kept apart from the widgets (Streamlit drops a page's widget state when another page
#: runs), written to the URL with the filters and carried by the sidebar's links.
VIEW = "view"
#: URL keys of the view: timeline lanes and counting period, the event being read (a
#: permalink to it), the network's node kind, ego and picked relation, the map's measure
#: and where the map looks.
VIEW_KEYS: tuple[str, ...] = (
    "lane",
    "per",
    "event",
    "nodes",
    "ego",
    "relation",
    "measure",
    "map",
)


def view() -> dict[str, str]:
    """The session's view (read from the URL on the session's first run)."""
    if VIEW not in st.session_state:
        st.session_state[VIEW] = {
            key: st.query_params.get(key, "").strip()
            for key in VIEW_KEYS
            if st.query_params.get(key, "").strip()
        }
    return st.session_state[VIEW]


def set_view(key: str, value: object) -> None:
    """Set (or, with None or "", clear) one view key; the URL follows on the next write."""
    current = dict(view())
    text = "" if value is None else str(value)
    if text:
        current[key] = text
    else:
        current.pop(key, None)
    st.session_state[VIEW] = current


def restore_widget(
    view_key: str, widget_key: str, allowed: tuple[str, ...] | None = None, default=None
) -> None:
    """Give the widget ``widget_key`` the view's value (``default`` when absent or not
    ``allowed``) before it is drawn; pair with ``on_change=partial(remember_widget, ...)``."""
    value = view().get(view_key, default)
    if allowed is not None and value not in allowed:
        value = default
    st.session_state[widget_key] = value


def remember_widget(view_key: str, widget_key: str) -> None:
    """on_change callback: the widget's value becomes the view's (and the URL's)."""
    set_view(view_key, st.session_state.get(widget_key))


def link_params(spec: FilterSpec) -> dict[str, list[str]]:
    """The whole view as query parameters: the filters, then the view keys."""
    return {**spec.to_query_params(), **{key: [value] for key, value in view().items()}}


#: Said when Streamlit dropped the link's whole query string (over its limits).
IGNORED_LINK_NOTICE = (
    "This link has more parameters (or characters) than the app accepts, so all of them "
    "were ignored: no filter from it is applied."
)


def link_was_ignored() -> bool:
    """True when the URL had a query string that Streamlit ignored as a whole.

    Streamlit drops a query string of over 1,000 parameters or 512 Ki characters
    (only logging it), and the page would silently show every event. The raw
    string is still in the script run's context: compare it with those limits.
    """
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.state.query_params import (
            CLIENT_STATE_QUERY_STRING_MAX_FIELDS,
            CLIENT_STATE_QUERY_STRING_MAX_LENGTH,
        )
    except ImportError:  # another Streamlit version: nothing to compare with
        return False
    ctx = get_script_run_ctx()
    raw = getattr(ctx, "query_string", "") or ""
    return bool(raw) and (
        len(raw) > CLIENT_STATE_QUERY_STRING_MAX_LENGTH
        or raw.count("&") + 1 > CLIENT_STATE_QUERY_STRING_MAX_FIELDS
    )


def url_params() -> dict[str, list[str]]:
    """The filter keys of the current URL, every value of repeated keys kept."""
    return {key: st.query_params.get_all(key) for key in st.query_params if is_filter_key(key)}


def current_filters() -> FilterSpec:
    """The filters of this session (empty before the first sidebar run)."""
    return st.session_state.get(FILTERS, FilterSpec())


def add_notices(notices: list[str]) -> None:
    """Queue notices to show (as warnings) on the current or next run."""
    if notices:
        st.session_state[NOTICES] = [*st.session_state.get(NOTICES, []), *notices]


def take_notices() -> list[str]:
    """The queued notices, removing them from the queue."""
    return st.session_state.pop(NOTICES, [])


def set_filters(spec: FilterSpec) -> None:
    """Make ``spec`` the session's filters and write it to the URL.

    Safe in widget callbacks and before ``st.rerun()``; the sidebar widgets pick
    the new values up on their next run.
    """
    st.session_state[FILTERS] = spec
    write_url(spec)


def write_url(spec: FilterSpec) -> None:
    """Replace the URL's query string by ``spec`` and the view (lists repeated)."""
    params = link_params(spec)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != params:
        st.query_params.from_dict(params)
