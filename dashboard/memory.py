"""How the process hands memory back to the OS (glibc's allocator; no effect elsewhere).

Nothing here runs at import: the entrypoints (the app's pages through
:func:`ui.page.open_page`, the command line's ``main``, the benchmark's measuring
processes) call :func:`tune_allocator` once, the loaders call
:func:`return_freed_memory` after a load, and every page run ends with
:func:`collect_garbage` (:func:`ui.page.finish_page`).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
import threading
from dataclasses import dataclass, field

import pyarrow as pa

#: glibc's mallopt parameter for the size from which an allocation gets its own mapping.
M_MMAP_THRESHOLD = -3
#: Allocations of this size and more are mapped on their own and unmapped when freed:
#: glibc's own starting value (128 KiB), kept fixed. 1 MiB left the medium arrays of the
#: pages' runs (windows, figure data, per-run masks of a few hundred KB) in the heap
#: between longer-lived blocks: at 1M events the app held ~15 MB more after every page.
MMAP_THRESHOLD = 128 << 10
#: The threshold for a command-line process, which reads a table, writes what it was asked
#: and exits (``convert``, ``validate``, ``export``, ``bench-import``): glibc's largest,
#: so a million-row column's scratch (8-70 MB, allocated and freed dozens of times by a
#: conversion) is reused from the heap instead of being mapped, zeroed page by page and
#: unmapped each time. Converting the 1M-row ACLED file of ``bench-import``: 2.3-2.5 s
#: instead of 3.5-3.7 s, peak 2.6 GB instead of 1.3 GB. Not for the app: a table loaded
#: this way keeps ~150 MB more after the load (freed scratch between long-lived arrays).
BATCH_MMAP_THRESHOLD = 32 << 20


def _libc():
    """The C library of this process, or None off Linux (mallopt is glibc's)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def tune_allocator(batch: bool = False) -> bool:
    """Have glibc give every allocation of 128 KiB or more its own mapping; pyarrow uses it.

    ``batch``: a command-line process that exits after its command: allocations below
    :data:`BATCH_MMAP_THRESHOLD` come from the heap instead (faster, a higher peak).

    By default glibc raises that threshold (up to 32 MB) each time a mapped block is
    freed, so after the first load the big arrays that numpy and pyarrow allocate and
    free (a load's scratch, a view's masks and pairs) land in the heap, where freed
    space is kept: at 1M events the app held ~830 MB after one visit of each page and
    peaked at 1.7 GB while loading; with a fixed threshold 600 MB and 1.2 GB.
    A fixed threshold also stops the adjustment. Calling it again changes nothing.

    pyarrow's own default allocator (mimalloc in the wheels) keeps pages it freed for
    reuse: at 1M events ~50 MB more after every page had run than with the system
    allocator, which the loader's parse already uses. On glibc, pyarrow's default pool
    becomes the system one, so Arrow's big buffers follow the threshold above too.

    Returns
    -------
    bool
        True when glibc accepted the setting; False off Linux or off glibc.
    """
    libc = _libc()
    with contextlib.suppress(AttributeError, OSError):
        if libc is not None:
            threshold = BATCH_MMAP_THRESHOLD if batch else MMAP_THRESHOLD
            accepted = bool(libc.mallopt(M_MMAP_THRESHOLD, threshold))
            if accepted:
                pa.set_memory_pool(pa.system_memory_pool())
                with _STATE.lock:
                    _STATE.threshold = threshold
            return accepted
    return False


#: glibc's mallopt parameter for the free space at the heap's top kept rather than trimmed.
M_TRIM_THRESHOLD = -1
#: glibc's default for it (the threshold above fixes it; mallopt leaves it unchanged).
TRIM_THRESHOLD = 128 << 10


@dataclass
class _AllocatorState:
    """What this module set in the process, changed only under ``lock``."""

    #: The mmap threshold :func:`tune_allocator` set (None until it has run).
    threshold: int | None = None
    #: How many :func:`scratch_in_heap` blocks are running (a process may load two tables).
    scratch_blocks: int = 0
    #: Whether :func:`collect_garbage` has frozen what was alive at its first call.
    frozen: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


_STATE = _AllocatorState()


@contextlib.contextmanager
def scratch_in_heap():
    """Within the block, glibc serves allocations below 32 MB from its heap, reusing freed ones.

    For a step that allocates and frees much more than it keeps, all of which is freed
    later: pyarrow's CSV reader. With every allocation of 128 KiB or more mapped on its
    own (:func:`tune_allocator`), each of the reader's per-block buffers was new memory
    that the kernel zeroed page by page: at 1M events the parse took ~287k page faults
    and 0.7-0.8 s of system time; with the freed buffers reused, ~165k and ~0.4 s. On
    leaving, the app's setting comes back and the heap's free pages go back to the OS
    (``malloc_trim``), so the load's peak stays where it was and what the table keeps
    is unchanged (its columns are copied or encoded out of the reader's chunks). Not
    for the validation: it runs while the list indexes are built on another thread,
    whose long-lived postings then came from the heap too; the app's process after the
    page runs held ~479 MB instead of ~455 in three of seven runs at 1M events. Does
    nothing unless :func:`tune_allocator` set the app's threshold (a batch process keeps
    its scratch in the heap anyway).
    """
    libc = _libc()
    with _STATE.lock:
        active = libc is not None and _STATE.threshold == MMAP_THRESHOLD
        if active:
            _STATE.scratch_blocks += 1
            if _STATE.scratch_blocks == 1:
                _mallopt(libc, M_MMAP_THRESHOLD, BATCH_MMAP_THRESHOLD)
                _mallopt(libc, M_TRIM_THRESHOLD, 1 << 30)
    try:
        yield
    finally:
        if active:
            with _STATE.lock:
                _STATE.scratch_blocks -= 1
                if _STATE.scratch_blocks == 0:
                    _mallopt(libc, M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                    _mallopt(libc, M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                    with contextlib.suppress(AttributeError, OSError):
                        libc.malloc_trim(0)


def _mallopt(libc, parameter: int, value: int) -> None:
    with contextlib.suppress(AttributeError, OSError):
        libc.mallopt(parameter, value)


def return_freed_memory() -> None:
    """Hand the parse's freed scratch memory back to the OS (it held ~150 MB at 1M events)."""
    pa.default_memory_pool().release_unused()
    libc = _libc()
    with contextlib.suppress(AttributeError, OSError):
        if libc is not None:
            libc.malloc_trim(0)  # glibc only


def collect_garbage() -> None:
    """A full garbage collection of what a page run left, kept cheap by one freeze.

    A script run leaves reference cycles (the session's sent messages, figures, frames)
    that Python's collector frees only on a full pass, which it starts rarely in a
    process holding ~140k long-lived objects (the imported modules). Until then the
    garbage takes Python's small-object arenas, and an arena goes back to the OS only
    when every object in it is gone: at 1M events the app's process kept ~40 MB of
    mostly empty arenas after each page had run. A full pass after every run keeps the
    arenas to what is alive. It costs ~100 ms when the modules are scanned too, so the
    first call moves everything then alive (the modules, the loaded table's objects)
    into the collector's permanent generation (``gc.freeze``): every later pass scans
    only what came since, 2-19 ms at 1M events. A cycle already alive at that first
    call is never collected, once per process.
    """
    with _STATE.lock:
        first = not _STATE.frozen
        _STATE.frozen = True
    gc.collect()
    if first:
        gc.freeze()
