"""Hostile and broken input: no crash, no hang, no leak, nothing lost.

The corpus (`tests.support.hostile_files.hostile_corpus`) is generated in code. Each file is checked alone
(expected code or a normal report, in bounded time, nothing of the local file it points at in the
entry), then all of them mixed with good documents through the CLI and the Python API: every file
is reported, the good ones exactly as when checked alone, no traceback, bounded time and memory.
The executor's time budget and crash handling are exercised with a test-only `sitecustomize` hook
that makes chosen documents spin, crash or eat memory inside the worker processes.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import checker
from checker.core.errors import ReadError
from checker.core.options import Options
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.report.json import build_report
from checker.run.document import check_file
from tests.support import hostile_files as hb
from tests.support.clean_docs import make_docx
from tests.support.cli import ROOT
from tests.support.misbehaving import HOOK

CODES = {"not-found", "unsupported-format", "legacy-format", "encrypted", "corrupt", "too-large", "timeout"}
CASES = {case.name: case for case in hb.hostile_corpus("/nonexistent/secret.txt")}  # names only; built below
PER_FILE_SECONDS = 10.0
GiB = 2**30


@dataclass
class Corpus:
    folder: Path  # hostile files and good documents, mixed
    secret: Path  # the local file hostile documents point at; lives outside `folder`
    good: list[str]  # file names of the good documents


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("hostile")
    secret = root / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(hb.SECRET + "\n", encoding="utf-8")
    folder = root / "mixed"
    folder.mkdir()
    for case in hb.hostile_corpus(str(secret)):
        (folder / case.name).write_bytes(case.build())
    make_docx(folder / "good-charter.docx")
    make_docx(folder / "good-charter-zh.docx", zh=True, title="项目章程")
    (folder / "good-register.xlsx").write_bytes(hb.make_xlsx())
    return Corpus(folder, secret, ["good-charter.docx", "good-charter-zh.docx", "good-register.xlsx"])


def outcome(entry: dict) -> str:
    return entry["error"]["code"] if entry["error"] else "ok"


def assert_clean_entry(entry: dict) -> None:
    """Contract shape of one entry; an error message is one plain line, never a traceback."""
    if entry["error"]:
        assert entry["error"]["code"] in CODES
        message = entry["error"]["message"]
        assert message.strip() and "\n" not in message and "Traceback" not in message, message
        assert entry["score"] is None
    assert hb.SECRET not in json.dumps(entry, ensure_ascii=False)


def assert_expected(case: hb.Case, entry: dict) -> None:
    got = outcome(entry)
    assert case.accepts(got), f"{case.name}: expected {case.expect}, got {got}: {entry['error']}"
    if got == "ok":
        rules = {f["rule"] for f in entry["findings"]}
        assert case.rules <= rules, f"{case.name}: missing {case.rules - rules}"


# --------------------------------------------------------------------------- each file alone


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_file_alone(corpus: Corpus, name: str, validate_report) -> None:
    start = time.monotonic()
    entry = check_file(str(corpus.folder / name))
    elapsed = time.monotonic() - start
    assert elapsed < PER_FILE_SECONDS, f"{name} took {elapsed:.1f} s"
    assert_clean_entry(entry)
    assert_expected(CASES[name], entry)
    validate_report(build_report([entry]))


def test_external_references_are_named_not_fetched(corpus: Corpus) -> None:
    """SEC-01 names the host and file only: no folder of the local path, never the content."""
    for name in ("external-template.docx", "ole-link.docx", "external-link.xlsx"):
        entry = check_file(str(corpus.folder / name))
        sec = [f for f in entry["findings"] if f["rule"] == "SEC-01"]
        assert len(sec) == 1 and sec[0]["severity"] == "info"
        assert "secret.txt" in sec[0]["message"], sec[0]["message"]
        assert str(corpus.secret.parent) not in sec[0]["message"]
    image = check_file(str(corpus.folder / "linked-image.docx"))
    assert "tracker.example.invalid/pixel.png" in next(f for f in image["findings"] if f["rule"] == "SEC-01")["message"]


def test_macro_files_are_read_and_reported(corpus: Corpus) -> None:
    for name, fmt in (("macros.docm", "docm"), ("macros.xlsm", "xlsm")):
        entry = check_file(str(corpus.folder / name))
        assert entry["format"] == fmt and entry["error"] is None
        assert (entry["score"] is None) == (entry["doc_type"] == "UNKNOWN")  # checked; scored when recognised
        sec = next(f for f in entry["findings"] if f["rule"] == "SEC-02")
        assert sec["severity"] == "info" and "not run" in sec["message"]


def test_good_documents_have_no_security_findings(corpus: Corpus) -> None:
    for name in corpus.good:
        entry = check_file(str(corpus.folder / name))
        assert entry["error"] is None
        assert not [f for f in entry["findings"] if f["rule"].startswith("SEC-")]


# --------------------------------------------------------------------------- the whole corpus, mixed


def run_measured(args: list[str], env: dict | None = None, timeout: float = 120) -> tuple[int, str, str, float, int]:
    """Run a command; return (status, stdout, stderr, seconds, peak RSS in bytes of it and its
    workers). os.wait4 gives the rusage of that child alone, including the children it reaped."""
    out_path, err_path = (Path(os.environ.get("TMPDIR", "/tmp")) / f"pmo-{os.getpid()}-{n}" for n in ("out", "err"))
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err, cwd=ROOT, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    elapsed = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = out_path.read_text(encoding="utf-8"), err_path.read_text(encoding="utf-8")
    out_path.unlink()
    err_path.unlink()
    return proc.returncode, stdout, stderr, elapsed, usage.ru_maxrss * 1024


def alone(corpus: Corpus, name: str) -> dict:
    return checker.check([str(corpus.folder / name)])["documents"][0]


def test_cli_over_hostile_corpus_mixed_with_good_documents(corpus: Corpus, validate_report) -> None:
    status, stdout, stderr, elapsed, peak = run_measured(
        [sys.executable, "-m", "checker.cli", "check", str(corpus.folder), "--format", "json"])
    assert "Traceback" not in stderr, stderr[-2000:]
    assert hb.SECRET not in stdout and hb.SECRET not in stderr
    report = json.loads(stdout)
    validate_report(report)
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    assert sorted(by_name) == sorted(os.listdir(corpus.folder)), "every file is reported, once"
    for name, case in CASES.items():
        assert_clean_entry(by_name[name])
        assert_expected(case, by_name[name])
    for name in corpus.good:
        assert by_name[name]["error"] is None
        assert by_name[name] == alone(corpus, name), f"{name} differs from its entry when checked alone"
    assert status == 1  # unreadable documents fail the run
    assert elapsed < 90, f"{elapsed:.1f} s"
    assert peak < 1 * GiB, f"peak RSS {peak / 2**20:.0f} MiB"


def test_api_over_hostile_corpus_mixed_with_good_documents(corpus: Corpus, validate_report) -> None:
    report = checker.check([str(corpus.folder)])
    validate_report(report)
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    assert sorted(by_name) == sorted(os.listdir(corpus.folder))
    for name, case in CASES.items():
        assert_clean_entry(by_name[name])
        assert_expected(case, by_name[name])
    for name in corpus.good:
        assert by_name[name] == alone(corpus, name)
    assert hb.SECRET not in json.dumps(report, ensure_ascii=False)


def test_inline_api_opens_no_socket(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked in this process (workers=0), nothing may create a Python-level socket."""

    def no_socket(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened while checking")

    monkeypatch.setattr(socket, "socket", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    names = ["remote-dtd.docx", "remote-parameter-entity.xlsx", "linked-image.docx", "external-template.docx",
             "xxe-local-file.docx", "good-charter.docx"]
    report = checker.check([str(corpus.folder / n) for n in names], {"workers": 0})
    assert [outcome(d) for d in report["documents"]] == ["corrupt", "corrupt", "ok", "ok", "corrupt", "ok"]


# --------------------------------------------------------------------------- the parsers themselves


@pytest.fixture()
def listener():
    """A TCP listener on loopback recording every connection: a fetched DTD would show up here,
    whichever layer (Python or libxml2's own HTTP client) made it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    hits: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(conn)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", hits
    stop.set()
    thread.join(2)
    server.close()


def hostile_parts(secret_url: str, dtd_url: str) -> dict[str, bytes]:
    body = hb.para("&xxe;")
    return {
        "xxe": hb.word_xml(body, f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_url}">]>'),
        "xxe-param": hb.word_xml(hb.para("x"), f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{secret_url}"> %p;]>'),
        "dtd": hb.word_xml(hb.para("x"), f'<!DOCTYPE w:document SYSTEM "{dtd_url}/evil.dtd">'),
        "dtd-param": hb.word_xml(hb.para("x"), f'<!DOCTYPE w:document [<!ENTITY % r SYSTEM "{dtd_url}/p.dtd"> %r;]>'),
        "dtd-entity": hb.word_xml(body, f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{dtd_url}/e.txt">]>'),
        "laughs": hb.word_xml(hb.para("&lol9;"), hb.billion_laughs()),
    }


def test_readers_are_safe_even_without_the_doctype_refusal(tmp_path: Path, listener) -> None:
    """Defence in depth: hand the readers hostile parts directly (bypassing the opening layer's
    DOCTYPE refusal). python-docx's own parser, the properties parser and the Excel reader must
    not read the local file, fetch anything or expand entities: a document, or a ReadError."""
    from checker.io.readers import read_document
    from checker.io.safe_open import Opened

    url, hits = listener
    secret = tmp_path / "secret.txt"
    secret.write_text(hb.SECRET, encoding="utf-8")
    docx = hb.make_docx()
    for label, xml in hostile_parts(f"file://{secret}", url).items():
        packages = [
            ("docx", hb.with_part(docx, "word/document.xml", xml)),
            ("docx", hb.with_part(docx, "docProps/core.xml", xml)),
            ("xlsx", hb.make_workbook(sheet_xml=xml.replace(b"w:document", b"worksheet"))),
            ("xlsx", hb.make_workbook(shared_strings_xml=xml.replace(b"w:document", b"sst"))),
        ]
        for fmt, data in packages:
            try:
                doc = read_document(Opened(path=f"{label}.{fmt}", format=fmt, data=data, sha256="0" * 64), shipped_vocabulary())  # type: ignore[arg-type]
            except ReadError as err:
                assert hb.SECRET not in err.message
                continue
            assert hb.SECRET not in repr(doc.__dict__), f"{label}/{fmt} leaked the local file"
            assert "lollollol" not in doc.all_text(), f"{label}/{fmt} expanded entities"
    assert not hits, "a parser touched the network"


def test_python_docx_parser_is_configured_safely() -> None:
    """python-docx parses every part with `docx.oxml.parser.oxml_parser`; pin what makes it safe."""
    from docx.oxml.parser import oxml_parser

    xml = b'<!DOCTYPE r [<!ENTITY e "expanded">]><r>&e;</r>'
    from lxml import etree

    root = etree.fromstring(xml, oxml_parser)
    assert "expanded" not in etree.tostring(root).decode()  # resolve_entities=False
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(etree.XMLSyntaxError):  # huge_tree off: libxml2's depth limit holds
        etree.fromstring(deep, oxml_parser)


def test_unsafe_xml_encodings_are_refused(tmp_path: Path) -> None:
    from checker.io.safe_open import open_document

    docx = hb.make_docx()
    ebcdic = hb.with_part(docx, "word/document.xml", b"\x4c\x6f\xa7\x94" + b"\x40" * 40)
    unknown = hb.with_part(docx, "word/document.xml", b'<?xml version="1.0" encoding="x-pmo-nonsense"?><a/>')
    long_prolog = hb.with_part(docx, "word/document.xml", b"<!--" + b"x" * 400_000 + b"-->" + hb.word_xml(""))
    for name, data in (("ebcdic", ebcdic), ("unknown", unknown), ("prolog", long_prolog)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        with pytest.raises(ReadError) as exc:
            open_document(str(path))
        assert exc.value.code == "corrupt"
    # comments and processing instructions before the root are fine (Office-like files pass)
    ok = hb.with_part(docx, "word/document.xml", hb.word_xml(hb.para("x")).replace(b"?>\n", b"?>\n<!-- c --><?pi x?>\n", 1))
    path = tmp_path / "ok.docx"
    path.write_bytes(ok)
    assert open_document(str(path)).format == "docx"


# --------------------------------------------------------------------------- the time budget and worker crashes


@pytest.fixture()
def misbehaving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of documents, some named to spin, crash or hog memory; the hook reaches every
    pmo-check process started with this PYTHONPATH (the CLI and its workers)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(textwrap.dedent(HOOK), encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH")) if p))
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a-good.docx", "b-spin.docx", "c-good.docx", "d-segfault.docx", "e-hog.docx", "f-good.docx"):
        make_docx(docs / name)
    return docs


def codes(report: dict) -> dict[str, str]:
    return {Path(d["path"]).name: outcome(d) for d in report["documents"]}


# Budgets are a few seconds so that the memory hog reaches its cap well before its budget even
# on a loaded machine: the hog must end as too-large, the spinner as timeout.
EXPECTED = {"a-good.docx": "ok", "b-spin.docx": "timeout", "c-good.docx": "ok", "d-segfault.docx": "corrupt",
            "e-hog.docx": "too-large", "f-good.docx": "ok"}


def test_cli_stops_a_spinning_document_and_survives_crashes(misbehaving: Path, validate_report) -> None:
    status, stdout, stderr, elapsed, peak = run_measured(
        [sys.executable, "-m", "checker.cli", "check", str(misbehaving), "--format", "json",
         "--timeout", "6", "--workers", "2", "--memory-limit", "512"], env=dict(os.environ))
    report = json.loads(stdout)
    validate_report(report)
    assert codes(report) == EXPECTED, [d["error"] for d in report["documents"]]
    spin = next(d for d in report["documents"] if d["path"].endswith("b-spin.docx"))
    assert "longer than 6 s" in spin["error"]["message"]
    assert "Traceback" not in stderr
    assert elapsed < 30, f"{elapsed:.1f} s"
    assert peak < 1 * GiB
    assert status == 1


def test_api_with_one_worker_replaces_killed_workers(misbehaving: Path) -> None:
    start = time.monotonic()
    report = checker.check([str(misbehaving)], {"timeout": 6, "workers": 1, "memory_limit": 512 * 2**20})
    assert codes(report) == EXPECTED, [d["error"] for d in report["documents"]]
    assert time.monotonic() - start < 40


def test_inline_single_document_has_a_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document is checked in this process; the alarm still stops it at the budget."""
    import checker.io.safe_open as so

    def spin(*args: object, **kwargs: object) -> None:
        while True:
            pass

    monkeypatch.setattr(so, "open_document", spin)
    path = make_docx(tmp_path / "spin.docx")
    start = time.monotonic()
    report = checker.check([str(path)], {"timeout": 1})
    assert time.monotonic() - start < 5
    assert codes(report) == {"spin.docx": "timeout"}


def test_single_document_can_be_isolated(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "c.docx")
    isolated = checker.check([str(path)], Options(isolate=True))["documents"]
    inline = checker.check([str(path)])["documents"]
    assert isolated == inline and isolated[0]["error"] is None


# --------------------------------------------------------------------------- odd API input and options


@pytest.mark.parametrize("paths", [None, [None], [3], 3, [b"/nonexistent/x.docx"], ["a\0b.docx"], [""],
                                   [Path("/nonexistent/x.docx")], "/dev/null", [["nested"]], ["x" * 5000]])
def test_api_never_raises_for_odd_paths(paths: object) -> None:
    report = checker.check(paths)  # type: ignore[arg-type]
    for doc in report["documents"]:
        assert doc["error"]["code"] in CODES
    assert report["summary"]["documents"] == len(report["documents"])


@pytest.mark.parametrize("config", [{"timeout": "soon", "workers": "many", "memory_limit": -5},
                                    {"timeout": float("nan"), "workers": -3}, {"timeout": float("inf")},
                                    {"timeout": -1, "workers": 2.5, "memory_limit": "lots"}])
def test_odd_runtime_options_fall_back_to_defaults(tmp_path: Path, config: object) -> None:
    good = make_docx(tmp_path / "c.docx")
    report = checker.check([str(good), str(tmp_path / "missing.docx")], config)
    assert [outcome(d) for d in report["documents"]] == ["ok", "not-found"]


@pytest.mark.parametrize("flags", [["--workers", "-1"], ["--timeout", "0"], ["--timeout", "soon"], ["--max-size", "0"]])
def test_cli_rejects_bad_resource_flags(tmp_path: Path, flags: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path), *flags],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and result.stdout == ""


def test_cli_max_size_flag(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "c.docx")
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json", "--max-size", "1"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert json.loads(result.stdout)["documents"][0]["error"] is None
    (tmp_path / "big.docx").write_bytes(b"PK\x03\x04" + bytes(2 * 2**20))
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path / "big.docx"), "--format", "json",
                             "--max-size", "1"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert json.loads(result.stdout)["documents"][0]["error"]["code"] == "too-large"
