"""Fuzzing the opening layer and the readers with mutated real documents (Hypothesis).

Property: whatever the bytes, `check_file` returns one entry, never raises, never hangs, and an
error carries one of the contract's codes with a one-line message.

Brief in CI (a fixed, derandomised set of examples); longer on demand, with fresh randomness:

    PMO_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py

Every crash found becomes a regression test below (`test_regression_*`), its input built in code.
An optional coverage-guided harness for atheris lives in `tests/fuzz_atheris.py` (see
docs/security.md).
"""
from __future__ import annotations

import copy
import io
import logging
import os
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.core.options import Options
from checker.run.executor import check_inline
from tests.support import hostile_files as hb
from tests.support.fuzz_seeds import seed_documents

CODES = {"not-found", "unsupported-format", "legacy-format", "encrypted", "corrupt", "too-large", "timeout"}
EXAMPLES = int(os.environ.get("PMO_FUZZ_EXAMPLES", "0") or 0)
LONG = EXAMPLES > 0
FUZZ = settings(
    max_examples=EXAMPLES or 40,
    deadline=None,  # one example's time is bounded by the check's own budget below
    derandomize=not LONG,  # CI runs the same examples every time; long runs explore
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None if not LONG else settings.default.database,
)
BUDGET = 10.0
OPTIONS = Options(discover=False) if "discover" in Options.__dataclass_fields__ else Options()


SEEDS = seed_documents()
XML_PARTS = {kind: [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.endswith((".xml", ".rels"))]
             for kind, data in SEEDS.items()}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


class _Errors(logging.Handler):
    """Errors the engine logs while containing a failure of its own (a rule or the pipeline raising):
    the entry survives, but for a fuzzer that is a crash."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def check_bytes(workdir: Path, data: bytes, name: str) -> dict:
    path = workdir / name
    path.write_bytes(data)
    errors = _Errors()
    logger = logging.getLogger("pmo_check")
    logger.addHandler(errors)
    try:
        entry = check_inline(str(path), OPTIONS, BUDGET)
    finally:
        logger.removeHandler(errors)
    assert not errors.records, errors.records
    assert isinstance(entry, dict) and entry["path"] == str(path)
    if entry["error"] is not None:
        code, message = entry["error"]["code"], entry["error"]["message"]
        assert code in CODES, code
        assert code != "timeout", f"a {len(data)}-byte mutant took longer than {BUDGET} s"
        assert message.strip() and "\n" not in message and "Traceback" not in message, message
        assert not message.startswith("The document could not be checked"), message  # an internal error
        assert entry["score"] is None
    elif entry["doc_type"] == "UNKNOWN":
        assert entry["score"] is None  # the contract: no compliance score for an unrecognised document
    else:
        assert 0 <= entry["score"] <= 100
    return entry


# --------------------------------------------------------------------------- byte-level mutations of the zip

_byte_ops = st.lists(
    st.one_of(
        st.tuples(st.just("flip"), st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
        st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=64)),
        st.tuples(st.just("delete"), st.floats(0, 1, exclude_max=True), st.integers(1, 512)),
        st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
    ),
    min_size=1, max_size=8,
)


def mutate_bytes(data: bytes, ops: list[tuple]) -> bytes:
    buf = bytearray(data)
    for op, where, arg in ops:
        if not buf:
            break
        pos = int(where * len(buf))
        if op == "flip":
            buf[min(pos, len(buf) - 1)] ^= arg
        elif op == "insert":
            buf[pos:pos] = arg
        elif op == "delete":
            del buf[pos : pos + arg]
        else:
            del buf[pos:]
    return bytes(buf)


@FUZZ
@given(kind=st.sampled_from(sorted(SEEDS)), ops=_byte_ops)
def test_fuzz_zip_bytes(workdir: Path, kind: str, ops: list[tuple]) -> None:
    check_bytes(workdir, mutate_bytes(SEEDS[kind], ops), "bytes." + kind.split("-")[0])


# --------------------------------------------------------------------------- XML-level mutations, re-zipped
#
# Mostly tree edits that keep the part well-formed (so the mutant gets past the parser into the
# readers and rules): duplicate, delete or move an element, set an attribute the readers look at to
# an odd value, replace text with random unicode. Sometimes raw text edits that break the markup.

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
ATTRIBUTES = [f"{W}val", f"{W}type", f"{W}id", f"{R}id", f"{R}embed", "r", "s", "t", "ref", "sqref", "Id", "Type",
              "Target", "TargetMode", "PartName", "ContentType", "name", "sheetId", "state", "count", "numFmtId",
              "formatCode", "localSheetId", "spans", "si", "uniqueCount"]
_xml_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30).map(
    lambda t: "".join(c for c in t if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff")))
_value = st.one_of(_xml_text, st.integers(-2**63, 2**63).map(str), st.sampled_from(
    ["", "0", "-1", "99999999", "1e308", "NaN", "A1:XFD1048576", "XFD1048576", "A0", "ZZZZ1", "restart", "continue",
     "External", "../../../etc/passwd", "file:///etc/passwd", "http://127.0.0.1:9/x", "rId1", "rId999", "true",
     "veryHidden", "s", "str", "inlineStr", "e", "b", "n", "d", "2026-13-45", "14"]))
_tree_ops = st.lists(
    st.one_of(
        st.tuples(st.just("duplicate"), st.floats(0, 1, exclude_max=True), st.just(None)),
        st.tuples(st.just("remove"), st.floats(0, 1, exclude_max=True), st.just(None)),
        st.tuples(st.just("move"), st.floats(0, 1, exclude_max=True), st.floats(0, 1, exclude_max=True)),
        st.tuples(st.just("attribute"), st.floats(0, 1, exclude_max=True), st.tuples(st.sampled_from(ATTRIBUTES), _value)),
        st.tuples(st.just("text"), st.floats(0, 1, exclude_max=True), _xml_text),
    ),
    min_size=1, max_size=8,
)
_raw_ops = st.lists(
    st.one_of(
        st.tuples(st.just("truncate"), st.floats(0, 1), st.just("")),
        st.tuples(st.just("insert"), st.floats(0, 1), st.one_of(_xml_text, st.sampled_from(
            ["<", ">", "&", "&#0;", "&#x1F;", "]]>", "<![CDATA[x]]>", "<!-- x -->", "<?pi x?>", "</w:p>", "<w:p>",
             "\x00", "\ufffe", "\ud800"]))),
        st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 200)),
    ),
    min_size=1, max_size=4,
)


def mutate_tree(xml: bytes, ops: list[tuple]) -> bytes:
    from lxml import etree

    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return xml
    for op, where, arg in ops:
        elements = list(root.iter(etree.Element))
        el = elements[int(where * len(elements))]
        parent = el.getparent()
        if op == "duplicate" and parent is not None:
            parent.insert(parent.index(el) + 1, copy.deepcopy(el))
        elif op == "remove" and parent is not None:
            parent.remove(el)
        elif op == "move" and parent is not None:
            target = elements[int(arg * len(elements))]
            if el not in target.iterancestors() and target is not el:
                parent.remove(el)
                target.append(el)
        elif op == "attribute":
            el.set(*arg)
        elif op == "text":
            el.text = arg
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def mutate_raw(text: str, ops: list[tuple]) -> str:
    for op, where, arg in ops:
        pos = int(where * len(text))
        if op == "truncate":
            text = text[:pos]
        elif op == "insert":
            text = text[:pos] + arg + text[pos:]
        else:
            text = text[:pos] + text[pos + int(arg):]
    return text


@FUZZ
@given(kind=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_fuzz_xml_parts(workdir: Path, kind: str, data: st.DataObject) -> None:
    parts = data.draw(st.lists(st.sampled_from(XML_PARTS[kind]), min_size=1, max_size=3, unique=True))
    raw = data.draw(st.booleans().map(lambda b: b and data.draw(st.integers(0, 3)) == 0))  # about 1 in 8
    ops = {part: data.draw(_raw_ops if raw else _tree_ops) for part in parts}

    def transform(name: str, content: bytes) -> tuple[str, bytes]:
        if name in ops:
            if raw:
                content = mutate_raw(content.decode("utf-8"), ops[name]).encode("utf-8", "surrogatepass")
            else:
                content = mutate_tree(content, ops[name])
        return name, content

    check_bytes(workdir, hb.rezip(SEEDS[kind], transform), "xml." + kind.split("-")[0])


# --------------------------------------------------------------------------- structural mutations of the package

@FUZZ
@given(kind=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_fuzz_package_structure(workdir: Path, kind: str, data: st.DataObject) -> None:
    """Drop, rename or swap parts: relationships then point at nothing or at the wrong content type."""
    names = zipfile.ZipFile(io.BytesIO(SEEDS[kind])).namelist()
    dropped = set(data.draw(st.lists(st.sampled_from(names), max_size=3)))
    swap = data.draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
    rng = random.Random(data.draw(st.integers(0, 2**16)))
    with zipfile.ZipFile(io.BytesIO(SEEDS[kind])) as zf:
        contents = {n: zf.read(n) for n in names}
    if rng.random() < 0.5:
        contents[swap[0]], contents[swap[1]] = contents[swap[1]], contents[swap[0]]
    files = [(n, c) for n, c in contents.items() if n not in dropped]
    check_bytes(workdir, hb.make_zip(files), "pkg." + kind.split("-")[0])


# --------------------------------------------------------------------------- regressions found by fuzzing


def test_seeds_are_read_normally(workdir: Path) -> None:
    """The unmutated seeds give normal reports, so the fuzzers start from real documents."""
    for kind, data in SEEDS.items():
        assert check_bytes(workdir, data, "seed." + kind.split("-")[0])["error"] is None
