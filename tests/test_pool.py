"""The long-lived check pool: many threads submit, each gets its own entry; budgets, caps and crashes.

Real worker processes throughout. Documents that must misbehave (spin, crash, eat memory, report
the worker's own RLIMIT_AS) do so through a test-only `sitecustomize` hook that reaches every worker
started with its PYTHONPATH (the same technique as tests/test_hostile.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import textwrap
import threading
import time
from concurrent.futures import CancelledError
from pathlib import Path

import pytest

import checker
from checker.config.settings import load
from checker.core.options import Options
from checker.run.document import check_file
from checker.run.executor import memory_cap, run_checks
from checker.run.pool import DEFAULT_MEMORY_LIMIT, CheckPool
from tests.support.clean_docs import make_docx
from tests.support.misbehaving import HOOK

MiB = 2**20

# Appended to test_hostile's hook: a document named "rlimit…" makes the worker write the address-space
# limit it runs under (read by the worker itself) next to the document.
RLIMIT_HOOK = '''
import json as _json
import resource as _resource

_misbehave = open_document


def open_document(path, *args, **kwargs):
    if "rlimit" in os.path.basename(str(path)):
        with open(str(path) + ".rlimit", "w") as fh:
            _json.dump(list(_resource.getrlimit(_resource.RLIMIT_AS)), fh)
    return _misbehave(path, *args, **kwargs)


_so.open_document = open_document
'''

# A document named "vast…" needs ever more memory while it is read: 64 MiB blocks of address space
# (zero pages from calloc, never touched, so the machine's memory is not used), until the cap says no;
# the worker writes how much it got next to the document before the MemoryError goes on.
VAST_HOOK = '''
import ctypes as _ctypes

_before_vast = open_document


def open_document(path, *args, **kwargs):
    if "vast" in os.path.basename(str(path)):
        hoard = []
        try:
            while True:
                hoard.append((_ctypes.c_char * (64 * 2**20))())
        except MemoryError:
            got = len(hoard) * 64 * 2**20
            del hoard
            with open(str(path) + ".hoarded", "w") as fh:
                fh.write(str(got))
            raise
    return _before_vast(path, *args, **kwargs)


_so.open_document = open_document
'''


@pytest.fixture()
def hooked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder for documents; workers started from now on run the misbehaviour hook."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(textwrap.dedent(HOOK) + RLIMIT_HOOK + VAST_HOOK, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH")) if p))
    docs = tmp_path / "docs"
    docs.mkdir()
    return docs


def outcome(entry: dict) -> str:
    return entry["error"]["code"] if entry["error"] else "ok"


def wait_ready(pool: CheckPool, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while pool.status()["ready"] < pool.size:
        assert time.monotonic() < deadline, pool.status()
        time.sleep(0.05)


# --------------------------------------------------------------------------- concurrency and configurations


def test_concurrent_submissions_with_different_configurations_never_mix(tmp_path: Path) -> None:
    """Two tailorings whose results differ (CH-01 a blocker or a minor finding), submitted at the same
    time from eight threads: each entry is exactly what its own configuration gives in this process."""
    incomplete = make_docx(tmp_path / "incomplete.docx", sections=[])
    complete = make_docx(tmp_path / "complete.docx")
    configs = {"standard": Options(config=load({}), discover=False),
               "lenient": Options(config=load({"rules": {"CH-01": {"severity": "minor"}}}), discover=False)}
    expected = {(name, str(path)): check_file(str(path), opts)
                for name, opts in configs.items() for path in (incomplete, complete)}
    assert expected[("standard", str(incomplete))] != expected[("lenient", str(incomplete))]
    assert {f["severity"] for f in expected[("lenient", str(incomplete))]["findings"]} == {"minor"}

    results: list[tuple[tuple[str, str], dict]] = []
    errors: list[BaseException] = []
    with CheckPool(workers=2, timeout=60) as pool:
        def client(n: int) -> None:
            try:
                for i in range(6):
                    key = (("standard", "lenient")[(n + i) % 2], str((incomplete, complete)[(n * 3 + i) % 2]))
                    results.append((key, pool.submit(key[1], configs[key[0]]).result(timeout=120)))
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors, errors
    assert len(results) == 48
    for key, entry in results:
        assert entry == expected[key], key


def test_a_slow_document_does_not_hold_the_others(hooked: Path) -> None:
    """One thread's spinning document occupies one worker; another thread's documents go through the
    other worker meanwhile, and the spinner ends as timeout with its worker replaced."""
    spin = make_docx(hooked / "spin.docx")
    good = make_docx(hooked / "good.docx")
    with CheckPool(workers=2, timeout=8) as pool:
        wait_ready(pool)
        stuck = pool.submit(str(spin))
        started = time.monotonic()
        quick = [pool.submit(str(good)).result(timeout=60) for _ in range(3)]
        assert not stuck.done(), "the good documents came back while the spinner still ran"
        assert time.monotonic() - started < 8
        assert [outcome(e) for e in quick] == ["ok"] * 3
        entry = stuck.result(timeout=60)
        assert outcome(entry) == "timeout" and "longer than 8 s" in entry["error"]["message"]
        assert outcome(pool.submit(str(good)).result(timeout=60)) == "ok"  # the replacement works
        wait_ready(pool)  # and the pool is back to full strength


def test_workers_are_started_before_any_document(tmp_path: Path) -> None:
    with CheckPool(workers=2, timeout=30) as pool:
        wait_ready(pool)
        assert pool.status() == {"workers": 2, "ready": 2, "busy": 0, "queued": 0}


def test_crashes_are_error_entries_and_the_pool_goes_on(hooked: Path) -> None:
    names = ["a-good.docx", "segfault.docx", "b-good.docx"]
    for name in names:
        make_docx(hooked / name)
    with CheckPool(workers=1, timeout=30) as pool:
        entries = [f.result(timeout=90) for f in [pool.submit(str(hooked / n)) for n in names]]
    assert [outcome(e) for e in entries] == ["ok", "corrupt", "ok"]
    assert "crashed (signal 11)" in entries[1]["error"]["message"]
    assert entries[1]["sha256"] == hashlib.sha256((hooked / "segfault.docx").read_bytes()).hexdigest()  # the pool hashed it


def test_documents_held_in_memory(tmp_path: Path) -> None:
    """An upload is checked from its bytes: `path` only names it, and nothing is read from disk."""
    data = make_docx(tmp_path / "c.docx").read_bytes()
    options = Options(discover=False)
    with CheckPool(workers=1, timeout=30) as pool:
        entry = pool.submit("upload/charter.docx", options, data).result(timeout=60)
        broken = pool.submit("upload/broken.docx", options, data[:100]).result(timeout=60)
    assert entry == {**check_file(str(tmp_path / "c.docx"), options), "path": "upload/charter.docx"}
    assert outcome(broken) == "corrupt" and broken["path"] == "upload/broken.docx"


def test_cancel_and_shutdown(tmp_path: Path) -> None:
    good = str(make_docx(tmp_path / "c.docx"))
    pool = CheckPool(workers=1, timeout=30)
    futures = [pool.submit(good) for _ in range(4)]
    cancelled = futures[-1].cancel()
    pool.shutdown(wait=True)
    assert all(outcome(f.result()) == "ok" for f in futures[:3])
    if cancelled:
        with pytest.raises(CancelledError):
            futures[-1].result()
    with pytest.raises(RuntimeError):
        pool.submit(good)


# --------------------------------------------------------------------------- the memory cap


def limit_seen(pool: CheckPool, folder: Path, name: str) -> int:
    path = make_docx(folder / name)
    assert outcome(pool.submit(str(path)).result(timeout=90)) == "ok"
    soft, _hard = json.loads(Path(str(path) + ".rlimit").read_text())
    return soft


@pytest.mark.parametrize("cap", [DEFAULT_MEMORY_LIMIT, 2048 * MiB])
def test_workers_run_under_the_memory_cap(hooked: Path, cap: int) -> None:
    with CheckPool(workers=1, timeout=60, memory_limit=cap) as pool:
        assert limit_seen(pool, hooked, "rlimit.docx") == cap


@pytest.mark.parametrize("options, cap", [(Options(), 2**30), (Options(memory_limit=2048 * MiB), 2048 * MiB),
                                          (Options(memory_limit=None), -1)])
def test_run_checks_applies_the_configured_cap(hooked: Path, options: Options, cap: int) -> None:
    """The default 1 GiB and any cap above it reach the workers (once a cap ≥ 954 MiB meant none);
    None means no cap (RLIM_INFINITY, -1)."""
    paths = [str(make_docx(hooked / f"rlimit-{i}.docx")) for i in range(2)]
    entries = run_checks(paths, Options(**{**options.__dict__, "workers": 2}))
    assert [outcome(e) for e in entries] == ["ok", "ok"]
    for path in paths:
        assert json.loads(Path(path + ".rlimit").read_text())[0] == cap


def test_memory_cap_values() -> None:
    assert memory_cap(2**30) == 2**30 and memory_cap(2**31) == 2**31 and memory_cap(2**40) == 2**40
    assert memory_cap(None) is None and memory_cap(0) is None
    assert memory_cap(-5) == memory_cap("lots") == memory_cap(float("nan")) == DEFAULT_MEMORY_LIMIT


def test_exceeding_the_default_cap_is_too_large(hooked: Path) -> None:
    names = ["hog.docx", "after.docx"]
    for name in names:
        make_docx(hooked / name)
    with CheckPool(workers=1, timeout=60) as pool:
        entries = [f.result(timeout=90) for f in [pool.submit(str(hooked / n)) for n in names]]
    assert [outcome(e) for e in entries] == ["too-large", "ok"]


@pytest.mark.parametrize("config, cap", [({}, DEFAULT_MEMORY_LIMIT), ({"memory_limit": 2048 * MiB}, 2048 * MiB)])
def test_a_document_over_the_cap_is_too_large_and_the_others_are_checked(hooked: Path, config: dict, cap: int) -> None:
    """Through the public API with real workers: the document that needs more memory than the cap (the
    default 1 GiB, or 2048 MiB) gets a clear `too-large` entry after it had all but the cap (so the cap
    in force is the one configured, not another), and every other document is checked as when alone."""
    good = [make_docx(hooked / "a.docx"), make_docx(hooked / "b.docx", sections=[])]
    vast = make_docx(hooked / "vast.docx")
    report = checker.check([str(good[0]), str(vast), str(good[1])], {**config, "workers": 2, "timeout": 120})
    entries = {Path(d["path"]).name: d for d in report["documents"]}
    error = entries["vast.docx"]["error"]
    assert error["code"] == "too-large" and "too large" in error["message"] and "Traceback" not in error["message"]
    hoarded = int(Path(str(vast) + ".hoarded").read_text())
    assert cap - 640 * MiB < hoarded < cap  # the interpreter and the engine hold the rest of the address space
    for path in good:
        alone = checker.check([str(path)])["documents"][0]
        assert entries[path.name]["error"] is None
        assert entries[path.name]["findings"] == alone["findings"]


def test_a_checked_document_is_freed_without_the_cyclic_collector(tmp_path: Path) -> None:
    """A worker checks with the collector paused (checker.core.gc_pause): the model must go by reference
    counting when its check ends, not wait in a cycle for the next collection to walk it."""
    import gc

    from checker.model.elements import Block

    path = make_docx(tmp_path / "charter.docx")
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        entry = check_file(str(path), Options())
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, Block)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert entry["error"] is None and entry["doc_type"] == "CHARTER"
    assert left == []
