"""The model package has no import side effects: no Streamlit, no allocator setting."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Imports every module of dashboard/ (not __main__, which runs the CLI) with ctypes.CDLL
#: recording what is called on the C library, then prints what happened as JSON.
PROBE = r"""
import ctypes, gc, importlib, json, pkgutil, sys

calls = []
real = ctypes.CDLL

class Recording:
    def __init__(self, *args, **kwargs):
        self._lib = real(*args, **kwargs)
    def __getattr__(self, name):
        function = getattr(self._lib, name)
        def record(*args):
            calls.append([name, *args])
            return function(*args)
        return record

ctypes.CDLL = Recording
import dashboard
modules = [m.name for m in pkgutil.iter_modules(dashboard.__path__) if m.name != "__main__"]
for name in modules:
    importlib.import_module(f"dashboard.{name}")
after_import = list(calls)
import pyarrow as pa
pool_after_import = pa.default_memory_pool().backend_name
from dashboard.memory import tune_allocator
accepted = tune_allocator()
print(json.dumps({
    "pool_after_import": pool_after_import,
    "pool_after_tune": pa.default_memory_pool().backend_name,
    "modules": modules,
    "streamlit": sorted(m for m in sys.modules if m.split(".")[0] == "streamlit"),
    "after_import": after_import,
    "after_tune": calls[len(after_import):],
    "accepted": accepted,
    "frozen": gc.get_freeze_count(),
}))
"""


@pytest.fixture(scope="module")
def probe() -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_model_package_does_not_import_streamlit(probe):
    assert {"bench", "table", "cli", "loading"} <= set(probe["modules"])
    assert probe["streamlit"] == []


def test_importing_the_model_changes_no_allocator_setting(probe):
    assert probe["after_import"] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux only")
def test_importing_the_model_freezes_nothing(probe):
    assert probe["frozen"] == 0


#: collect_garbage in a fresh process, the automatic collector off: only its calls collect.
COLLECT = r"""
import gc, json, weakref
from dashboard.memory import collect_garbage

class Node:
    pass

gc.disable()
collect_garbage()
frozen = gc.get_freeze_count()
cycle = Node()
cycle.me = cycle
ref = weakref.ref(cycle)
del cycle
waiting = ref() is not None
collect_garbage()
print(json.dumps({"frozen": frozen, "waiting": waiting, "collected": ref() is None,
                  "frozen_after": gc.get_freeze_count()}))
"""


def test_collect_garbage_frees_cycles_and_freezes_once():
    done = subprocess.run(
        [sys.executable, "-c", COLLECT], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # The first call froze what was alive (the modules: thousands of objects) ...
    assert result["frozen"] > 1_000
    # ... and a later cycle waits for no automatic pass: the next call frees it, and
    # freezes nothing more.
    assert result["waiting"] and result["collected"]
    assert result["frozen_after"] == result["frozen"]


def test_tune_allocator_is_the_explicit_call(probe):
    from dashboard.memory import M_MMAP_THRESHOLD, MMAP_THRESHOLD

    assert probe["after_tune"] == [["mallopt", M_MMAP_THRESHOLD, MMAP_THRESHOLD]]
    assert probe["accepted"] is True
    # pyarrow's freed buffers go back through glibc too (its mimalloc pool kept ~50 MB).
    assert probe["pool_after_tune"] == "system"


def test_importing_the_model_leaves_pyarrows_allocator_alone(probe):
    backend = "import pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    fresh = subprocess.run(
        [sys.executable, "-c", backend], capture_output=True, text=True, timeout=60
    )
    assert probe["pool_after_import"] == fresh.stdout.strip()


def test_the_command_line_tunes_the_allocator(monkeypatch):
    import io

    from dashboard import cli

    calls = []
    monkeypatch.setattr(cli, "tune_allocator", lambda batch=False: calls.append(batch))
    events = str(ROOT / "data" / "events.csv")
    assert cli.main(["validate", events], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert calls == [True]  # a command's process exits when done: the batch setting


@pytest.mark.parametrize(
    "call",
    [
        "tune_allocator",  # before the table loads (ui.page.open_page)
        "collect_garbage",  # after the run (ui.page.finish_page)
    ],
)
def test_every_page_run_makes_the_memory_call(monkeypatch, call):
    from streamlit.testing.v1 import AppTest

    from ui import page

    calls = []
    monkeypatch.setattr(page, call, lambda: calls.append(call))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert calls == [call]
    at.switch_page("pages/2_Events.py").run()
    assert not at.exception
    assert calls == [call, call]


def _fake_libc(monkeypatch) -> list:
    """glibc's allocator calls of the test, recorded instead of made (the list returned)."""
    from dashboard import memory

    calls = []

    class FakeLibc:
        def mallopt(self, parameter, value):
            calls.append((parameter, value))
            return 1

        def malloc_trim(self, pad):
            calls.append(("trim", pad))
            return 1

    monkeypatch.setattr(memory, "_libc", lambda: FakeLibc())
    monkeypatch.setattr(memory.pa, "set_memory_pool", lambda pool: None)
    # what the fake accepted stays in this test
    monkeypatch.setattr(memory, "_STATE", memory._AllocatorState())
    return calls


def test_a_batch_process_keeps_scratch_in_the_heap(monkeypatch):
    from dashboard import memory

    calls = _fake_libc(monkeypatch)
    assert memory.tune_allocator(batch=True) is True
    assert memory.tune_allocator() is True
    assert calls == [
        (memory.M_MMAP_THRESHOLD, memory.BATCH_MMAP_THRESHOLD),
        (memory.M_MMAP_THRESHOLD, memory.MMAP_THRESHOLD),
    ]
    assert memory.MMAP_THRESHOLD < memory.BATCH_MMAP_THRESHOLD <= 32 << 20  # glibc's largest


def test_the_csv_reader_s_scratch_comes_from_the_heap_and_goes_back(monkeypatch):
    # Only while pyarrow parses: the app's threshold comes back after, and the heap's
    # free pages are handed back; nothing when the threshold was not tuned or is batch.
    from conftest import csv_bytes, event_row

    from dashboard import loading, memory

    calls = _fake_libc(monkeypatch)
    data = csv_bytes([event_row(event_id=f"e{i}") for i in range(3)])
    loading.parse_events(data)
    assert calls == []  # never tuned: glibc's own behaviour is left alone
    memory.tune_allocator(batch=True)
    calls.clear()
    loading.parse_events(data)
    assert calls == []  # a batch process keeps its scratch in the heap throughout
    memory.tune_allocator()
    calls.clear()
    seen = []
    real_read = loading.pacsv.read_csv
    monkeypatch.setattr(
        loading.pacsv,
        "read_csv",
        lambda *args, **kwargs: seen.append(list(calls)) or real_read(*args, **kwargs),
    )
    frame = loading.parse_events(data)
    assert list(frame["event_id"]) == ["e0", "e1", "e2"]
    raised = [
        (memory.M_MMAP_THRESHOLD, memory.BATCH_MMAP_THRESHOLD),
        (memory.M_TRIM_THRESHOLD, 1 << 30),
    ]
    assert seen == [raised]  # the reader ran with the heap's threshold
    restored = [
        (memory.M_MMAP_THRESHOLD, memory.MMAP_THRESHOLD),
        (memory.M_TRIM_THRESHOLD, memory.TRIM_THRESHOLD),
        ("trim", 0),
    ]
    assert calls == [*raised, *restored]
    calls.clear()
    with memory.scratch_in_heap(), memory.scratch_in_heap():  # two loads at once
        assert calls == raised
    assert calls == [*raised, *restored]
