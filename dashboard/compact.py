"""Repetitive text columns held dictionary-encoded in the shared table, plain everywhere else.

A loaded table repeats most of its text: an event type, a precision, a date basis, a
location or a source is one of a few hundred values written a million times. pandas'
``str`` columns hold every copy (Arrow ``large_string``: the bytes plus 8-byte offsets);
a ``category`` column holds each value once and a small integer per row. The shared
:class:`~dashboard.table.EventTable` keeps such columns as categories
(:func:`compact_text`); every frame handed out of it (windows, exports, details: its
``take``) has them back as ``str`` (:func:`plain_text`), so what leaves the table is
exactly what was loaded, in the same dtypes. Columns whose values are mostly distinct
(ids, titles) stay as they are.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: Whether encoding a column is worth trying is decided on its first rows, in steps:
#: (rows, the most distinct values among them, as a share of those rows). A column whose
#: values keep coming new (titles, ids, people's names) stops at a step, after a fraction
#: of the work of encoding it whole. Coordinates pass the second step (at 1M synthetic
#: events 19 % of the first 262,144 latitudes are distinct, 99k in all: 11.9 MB of text
#: become 5.2 MB); actors and recipients lists (30-39 %, 0.63 of their bytes encoded) and
#: titles (82 %) stop there.
SAMPLES = ((65_536, 0.4), (262_144, 0.25))
#: A sample with at most this share of distinct values goes straight to the whole column
#: (types, precisions, places: a few hundred values; the later steps would only cost).
SURELY_REPEATED = 1 / 16
#: A column is kept encoded when codes plus values take at most this share of its bytes.
KEPT_SHARE = 0.5
#: Columns are encoded side by side (pyarrow's hashing releases the GIL).
THREADS = 2
#: pandas' text dtype, as the loader makes it.
_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def is_text(dtype) -> bool:
    """Whether a column of ``dtype`` holds text: pandas ``str``, or categories of text."""
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.api.types.is_string_dtype(dtype.categories.dtype)
    return pd.api.types.is_string_dtype(dtype)


def _large_string(series: pd.Series) -> pa.Array:
    """The column as one Arrow ``large_string`` array (chunks combined: a copy if several)."""
    array = _text_chunks(series)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _text_chunks(series: pd.Series) -> pa.Array | pa.ChunkedArray:
    """The column as Arrow ``large_string``, as it is held: no copy of a pandas ``str`` column."""
    return pa.array(series, type=pa.large_string(), from_pandas=True)


def encode_text(text: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """(distinct values, the code of each value; -1 where missing) of Arrow text.

    A column of several chunks (one per block the CSV reader read) is encoded as it
    is, without first being combined into one: Arrow's encoding of chunks gives every
    chunk the one dictionary of them all; only if some chunk had another would the
    chunks' dictionaries be unified first.
    """
    encoded = pc.dictionary_encode(text)
    if isinstance(encoded, pa.ChunkedArray):
        if encoded.num_chunks == 0:
            return pa.array([], type=text.type), np.empty(0, dtype=np.int32)
        if len({id(chunk.dictionary) for chunk in encoded.chunks}) > 1 and not all(
            chunk.dictionary.equals(encoded.chunk(0).dictionary) for chunk in encoded.chunks
        ):
            encoded = encoded.unify_dictionaries()
        dictionary = encoded.chunk(0).dictionary
        indices = pa.chunked_array([chunk.indices for chunk in encoded.chunks])
    else:
        dictionary, indices = encoded.dictionary, encoded.indices
    if indices.null_count:
        indices = pc.fill_null(indices, -1)
    return dictionary, np.asarray(indices.to_numpy(zero_copy_only=False))


def categories_dtype(values: pa.Array) -> pd.CategoricalDtype:
    """The category dtype of ``values``, distinct text (an Arrow dictionary), unchecked.

    pandas checks that categories are distinct by building their lookup table, an
    object array of Python strings with a hash table, and keeps it on the categories
    for the column's life: at 1M synthetic events ~20 MB for the 249k distinct
    coordinates, sources, places and date texts of the shared table. An Arrow
    dictionary is distinct by construction, so the check is skipped; a lookup that
    needs the table (``get_loc``, a comparison with a value) still builds it then.
    """
    categories = pd.Index(values, dtype="str")
    try:
        return pd.CategoricalDtype._from_fastpath(categories, ordered=False)
    except AttributeError:  # not in this pandas: the checked way
        return pd.CategoricalDtype(categories, ordered=False)


def _encoded(series: pd.Series) -> pd.Series | None:
    """``series`` as categories when that saves at least half its bytes, else None."""
    text = _text_chunks(series)
    for rows, share in SAMPLES:
        distinct = pc.count_distinct(text.slice(0, rows)).as_py()  # a missing value is none
        if distinct > share * min(len(text), rows):
            return None
        if rows >= len(text) or distinct <= SURELY_REPEATED * rows:
            break
    values, codes = encode_text(text)  # a missing value has code -1
    categorical = pd.Categorical.from_codes(codes, dtype=categories_dtype(values), validate=False)
    if categorical.codes.nbytes + values.nbytes > KEPT_SHARE * text.nbytes:
        return None
    return pd.Series(categorical, index=series.index, name=series.name)


def compact_text(frame: pd.DataFrame, keep_plain: tuple[str, ...] = ()) -> pd.DataFrame:
    """``frame`` with its repetitive ``str`` columns as categories (a new frame).

    ``keep_plain`` names columns left as text whatever their values. Every ``str``
    column left as text is made one chunk (:func:`one_chunk`): the CSV reader gives a
    column per block it read, and the shared table's takes want one. Only those are
    combined: the encoded columns are encoded from their chunks as they are.
    """
    text = [name for name in frame.columns if pd.api.types.is_string_dtype(frame[name].dtype)]
    names = [name for name in text if name not in keep_plain]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        encoded = dict(zip(names, pool.map(lambda name: _encoded(frame[name]), names), strict=True))
        changed = {name: series for name, series in encoded.items() if series is not None}
        plain = [name for name in text if name not in changed]
        whole = pool.map(lambda name: one_chunk(frame[name]), plain)
        changed.update((n, s) for n, s in zip(plain, whole, strict=True) if s is not None)
    return frame.assign(**changed) if changed else frame


def one_chunk(series: pd.Series) -> pd.Series | None:
    """A ``str`` column of several chunks as one (a new Series); None if it is one already.

    pandas' ``take`` on a string column of many chunks (one per block the CSV reader
    read) concatenates them all first: at 1M events, taking the Events page's 5,000
    rows cost ~50 ms and ~100 MB of scratch on every run; on one chunk ~3 ms.
    Arrow's concatenation releases the GIL (:func:`compact_text` runs two side by side).
    """
    dtype = series.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None  # not held in Arrow chunks
    values = _text_chunks(series)
    if not isinstance(values, pa.ChunkedArray) or values.num_chunks <= 1:
        return None
    whole = pa.concat_arrays(values.chunks, memory_pool=pa.system_memory_pool())
    text = whole.to_pandas(types_mapper={pa.large_string(): dtype}.get)
    return text.set_axis(series.index).rename(series.name)


def _encoded_text(dtype) -> bool:
    return isinstance(dtype, pd.CategoricalDtype) and is_text(dtype)


def _decoded(series: pd.Series) -> pa.Array:
    """A column of text categories as Arrow text: an Arrow ``take`` of the values.

    pandas' ``astype("str")`` of a category column goes through Python strings, and
    ``pa.array(column, type=pa.large_string())`` through a slow cast: 0.6-1.7 s for a
    million rows, against ~0.1 s for the take.
    """
    codes = series.cat.codes.to_numpy()
    values = pa.array(series.cat.categories, type=pa.large_string())
    return pc.take(values, pa.array(codes, mask=codes < 0))


def text_array(series: pd.Series) -> pa.Array:
    """A text column (``str`` or text categories) as one Arrow ``large_string`` array."""
    if _encoded_text(series.dtype):
        return _decoded(series)
    return _large_string(series)


def text_chunks(series: pd.Series) -> pa.Array | pa.ChunkedArray:
    """Like :func:`text_array`, but a ``str`` column of several chunks stays in them (no copy)."""
    if _encoded_text(series.dtype):
        return _decoded(series)
    return _text_chunks(series)


def value_codes(series: pd.Series) -> tuple[list[str], np.ndarray]:
    """(distinct values, the code of each row's value; -1 where missing) of a text column.

    A category column's own (no work); else Arrow's dictionary encoding of the column.
    """
    if _encoded_text(series.dtype):
        return list(series.cat.categories), series.cat.codes.to_numpy().astype(np.int64)
    values, codes = encode_text(_text_chunks(series))
    return values.to_pylist(), codes.astype(np.int64)


def plain_series(series: pd.Series) -> pd.Series:
    """One column as :func:`plain_text` gives it."""
    if not _encoded_text(series.dtype):
        return series
    text = _decoded(series).to_pandas(types_mapper={pa.large_string(): _STR}.get)
    return text.set_axis(series.index).rename(series.name)


def plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every column of text categories back as pandas ``str``."""
    encoded = [name for name in frame.columns if _encoded_text(frame[name].dtype)]
    if not encoded:
        return frame
    return frame.assign(**{name: plain_series(frame[name]) for name in encoded})
