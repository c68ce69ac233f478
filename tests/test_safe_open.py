"""The safe opening layer: every hostile or odd input becomes one contract error code, never a crash.

All inputs are generated in code (see `tests/support/hostile_files.py`) and written into `tmp_path`.
"""
from __future__ import annotations

import hashlib
import os
import sys
import types
from pathlib import Path

import pytest

from checker.core.errors import ReadError
from checker.core.limits import Limits
from checker.io import safe_open
from checker.io.readers import read_document
from checker.io.safe_open import Opened, open_document, sha256_of, sniff
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support import hostile_files as hb

WORD_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
EXCEL_MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
TRACEBACK_MARKERS = ("Traceback", 'File "', "line ", "\n")


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def assert_error(exc: pytest.ExceptionInfo[ReadError], code: str) -> str:
    """The exact code, and a message fit for a report: non-empty, one line, no traceback text."""
    err = exc.value
    assert err.code == code, f"{err.code}: {err.message}"
    assert err.message.strip()
    assert not any(marker in err.message for marker in TRACEBACK_MARKERS), err.message
    assert err.to_dict() == {"code": code, "message": err.message}
    return err.message


def open_error(path: str, code: str, limits: Limits = Limits()) -> str:
    with pytest.raises(ReadError) as exc:
        open_document(path, limits)
    return assert_error(exc, code)


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return hb.make_docx()


@pytest.fixture(scope="module")
def xlsx_bytes() -> bytes:
    return hb.make_xlsx()


# --------------------------------------------------------------------------- not there / not a file


def test_missing_file(tmp_path: Path) -> None:
    open_error(str(tmp_path / "nope.docx"), "not-found")


def test_missing_parent_is_not_found(tmp_path: Path) -> None:
    file = write(tmp_path, "plain.txt", b"x")
    open_error(os.path.join(file, "child.docx"), "not-found")


def test_directory_is_refused_not_crashed(tmp_path: Path) -> None:
    assert "folder" in open_error(str(tmp_path), "unsupported-format")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    open_error(str(fifo), "unsupported-format")
    assert sha256_of(str(fifo)) is None


def test_too_large_file(tmp_path: Path, docx_bytes: bytes) -> None:
    path = write(tmp_path, "big.docx", docx_bytes)
    assert "limit" in open_error(path, "too-large", Limits(max_file_bytes=len(docx_bytes) - 1))
    assert open_document(path, Limits(max_file_bytes=len(docx_bytes))).format == "docx"


# --------------------------------------------------------------------------- not OOXML at all


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in open_error(write(tmp_path, "empty.docx", b""), "unsupported-format")


def test_random_bytes(tmp_path: Path) -> None:
    data = bytes((i * 197 + 13) % 256 for i in range(4096))
    open_error(write(tmp_path, "noise.xlsx", data), "unsupported-format")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}", "RTF"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body>charter</body></html>", "HTML"),
        (b"ID,Description,Owner\nR-1,Vendor late,Wei\n", "text"),
        (b'<?xml version="1.0"?><w:wordDocument/>', "XML"),
    ],
)
def test_other_formats_are_named(tmp_path: Path, data: bytes, named: str) -> None:
    assert named in open_error(write(tmp_path, "renamed.docx", data), "unsupported-format")


# --------------------------------------------------------------------------- OLE compound files


def test_make_ole_builds_a_walkable_compound_file() -> None:
    names = ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]
    data = hb.make_ole(names)
    assert len(data) % 512 == 0
    assert sorted(hb.ole_stream_names(data)) == sorted(["Root Entry", *names])


def test_encrypted_ooxml(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.docx", hb.make_ole(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    assert "password" in open_error(path, "encrypted")


def test_encrypted_package_stream_alone_is_enough(tmp_path: Path) -> None:
    open_error(write(tmp_path, "locked.xlsx", hb.make_ole(["EncryptedPackage"])), "encrypted")


def test_legacy_binary_document(tmp_path: Path) -> None:
    data = hb.make_ole(["WordDocument", "1Table", "\x05SummaryInformation"])
    assert ".doc" in open_error(write(tmp_path, "old.doc", data), "legacy-format")


def test_legacy_document_mentioning_encryption_in_its_text_stays_legacy(tmp_path: Path) -> None:
    """Word 97 stores body text as UTF-16LE: the words alone must not look like a directory entry."""
    text = b"\0\0" + "see EncryptedPackage\0 and EncryptionInfo\0".encode("utf-16-le")
    data = hb.make_ole(["WordDocument", "1Table"], contents={"WordDocument": text})
    open_error(write(tmp_path, "old.doc", data), "legacy-format")


# --------------------------------------------------------------------------- broken zips


def test_truncated_zip(tmp_path: Path, docx_bytes: bytes) -> None:
    open_error(write(tmp_path, "half.docx", docx_bytes[: len(docx_bytes) // 2]), "corrupt")


def test_empty_zip(tmp_path: Path) -> None:
    open_error(write(tmp_path, "empty.docx", hb.make_zip([])), "corrupt")


def test_zip_without_content_types(tmp_path: Path, docx_bytes: bytes) -> None:
    data = hb.without_entry(docx_bytes, "[Content_Types].xml")
    assert "[Content_Types].xml" in open_error(write(tmp_path, "noct.docx", data), "corrupt")


def test_damaged_entry_data(tmp_path: Path, docx_bytes: bytes) -> None:
    """Flip bytes inside [Content_Types].xml's compressed data: the central directory still parses."""
    data = bytearray(docx_bytes)
    pos = data.find(b"[Content_Types].xml") + len("[Content_Types].xml")  # first local header's name
    data[pos + 5 : pos + 60] = bytes(55)
    open_error(write(tmp_path, "flipped.docx", bytes(data)), "corrupt")


@pytest.mark.parametrize("name", ["../../evil.xml", "word/../../evil.xml", "/etc/passwd", "C:/evil.xml", "word\\evil.xml"])
def test_unsafe_entry_names(tmp_path: Path, docx_bytes: bytes, name: str) -> None:
    data = hb.rezip(docx_bytes, extra=[(name, b"<x/>")])
    assert "unsafe entry name" in open_error(write(tmp_path, "traversal.docx", data), "corrupt")


def test_duplicate_entries(tmp_path: Path, docx_bytes: bytes) -> None:
    with pytest.warns(UserWarning):  # zipfile itself warns when writing a duplicate name
        data = hb.rezip(docx_bytes, extra=[("word/document.xml", b"<w:document/>")])
    assert "duplicate" in open_error(write(tmp_path, "dup.docx", data), "corrupt")


# --------------------------------------------------------------------------- zip bombs and limits


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    """300 MiB of zeros, streamed: the declared size is within limits, the ratio is not."""
    data = hb.make_zip_bomb(300 * 2**20)
    assert len(data) < 2 * 2**20
    assert "zip bomb" in open_error(write(tmp_path, "bomb.docx", data), "too-large")


def test_forged_entry_size(tmp_path: Path, docx_bytes: bytes) -> None:
    data = hb.forge_declared_size(docx_bytes, "word/document.xml", 600 * 2**20)
    assert "zip bomb" in open_error(write(tmp_path, "forged.docx", data), "too-large")


def test_total_uncompressed_limit(tmp_path: Path, docx_bytes: bytes) -> None:
    path = write(tmp_path, "ok.docx", docx_bytes)
    open_error(path, "too-large", Limits(max_total_uncompressed=10_000))


def test_entry_uncompressed_limit(tmp_path: Path, docx_bytes: bytes) -> None:
    path = write(tmp_path, "ok.docx", docx_bytes)
    open_error(path, "too-large", Limits(max_entry_uncompressed=1_000))


def test_too_many_entries_default_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "many.docx", hb.make_many_entries(10_001))
    assert "10002" in open_error(path, "too-large")


def test_too_many_entries_zip64_count(tmp_path: Path) -> None:
    """Above 65535 entries the count lives in the Zip64 end record."""
    path = write(tmp_path, "many64.docx", hb.make_many_entries(70_000))
    assert "70001" in open_error(path, "too-large")


def test_entry_count_that_lies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An end record claiming 2 entries does not hide the 10,002 that zipfile would parse: they are
    refused before zipfile builds them (it is never called)."""
    data = hb.forge_entry_count(hb.make_many_entries(10_001), 2)

    def no_zipfile(*args: object, **kwargs: object) -> None:
        raise AssertionError("zipfile.ZipFile must not be reached")

    monkeypatch.setattr(safe_open.zipfile, "ZipFile", no_zipfile)
    open_error(write(tmp_path, "liar.docx", data), "too-large")


def test_too_many_entries_configured(tmp_path: Path, docx_bytes: bytes) -> None:
    open_error(write(tmp_path, "ok.docx", docx_bytes), "too-large", Limits(max_entries=3))


# --------------------------------------------------------------------------- zips that are not Word/Excel


def test_pptx_like_zip(tmp_path: Path) -> None:
    assert "PowerPoint" in open_error(write(tmp_path, "deck.docx", hb.make_pptx_like()), "unsupported-format")


def test_odt_like_zip(tmp_path: Path) -> None:
    assert "OpenDocument" in open_error(write(tmp_path, "doc.docx", hb.make_odt_like()), "unsupported-format")


def test_plain_zip(tmp_path: Path) -> None:
    data = hb.make_zip([("readme.txt", b"hello"), ("data/x.csv", b"a,b")])
    assert "zip archive" in open_error(write(tmp_path, "bundle.xlsx", data), "unsupported-format")


def test_xlsb_is_named(tmp_path: Path, xlsx_bytes: bytes) -> None:
    data = hb.with_main_content_type(xlsx_bytes, "application/vnd.ms-excel.sheet.binary.macroEnabled.main")
    assert ".xlsb" in open_error(write(tmp_path, "book.xlsx", data), "unsupported-format")


# --------------------------------------------------------------------------- good files


def test_valid_docx(tmp_path: Path, docx_bytes: bytes) -> None:
    path = write(tmp_path, "charter.docx", docx_bytes)
    opened = open_document(path)
    assert isinstance(opened, Opened)
    assert (opened.path, opened.format, opened.data) == (path, "docx", docx_bytes)
    assert opened.sha256 == hashlib.sha256(docx_bytes).hexdigest() == sha256_of(path)


def test_valid_xlsx(tmp_path: Path, xlsx_bytes: bytes) -> None:
    path = write(tmp_path, "risks.xlsx", xlsx_bytes)
    opened = open_document(path)
    assert opened.format == "xlsx"
    assert opened.sha256 == hashlib.sha256(xlsx_bytes).hexdigest()


def test_extension_is_only_a_hint(tmp_path: Path, docx_bytes: bytes, xlsx_bytes: bytes) -> None:
    assert open_document(write(tmp_path, "really-word.xlsx", docx_bytes)).format == "docx"
    assert open_document(write(tmp_path, "really-excel.docx", xlsx_bytes)).format == "xlsx"
    assert open_document(write(tmp_path, "no-extension", docx_bytes)).format == "docx"


def test_macro_enabled_content_type(tmp_path: Path, docx_bytes: bytes, xlsx_bytes: bytes) -> None:
    docm = hb.with_main_content_type(docx_bytes, WORD_MACRO)
    xlsm = hb.with_main_content_type(xlsx_bytes, EXCEL_MACRO)
    assert open_document(write(tmp_path, "a.docx", docm)).format == "docm"
    assert open_document(write(tmp_path, "b.xlsx", xlsm)).format == "xlsm"


def test_vba_project_makes_it_macro_enabled(tmp_path: Path, docx_bytes: bytes) -> None:
    data = hb.rezip(docx_bytes, extra=[("word/vbaProject.bin", b"\0" * 64)])
    assert open_document(write(tmp_path, "a.docx", data)).format == "docm"


def test_main_part_found_through_relationships(tmp_path: Path, docx_bytes: bytes) -> None:
    """A main part that is not at word/document.xml is still found via _rels/.rels."""

    def move(name: str, content: bytes) -> tuple[str, bytes]:
        if name == "word/document.xml":
            return "word/main.xml", content
        if name in ("[Content_Types].xml", "_rels/.rels"):
            return name, content.replace(b"word/document.xml", b"word/main.xml")
        if name == "word/_rels/document.xml.rels":
            return "word/_rels/main.xml.rels", content
        return name, content

    moved = hb.rezip(docx_bytes, move)
    assert open_document(write(tmp_path, "moved.docx", moved)).format == "docx"
    docm = hb.with_main_content_type(moved, WORD_MACRO)
    assert open_document(write(tmp_path, "moved.docm", docm)).format == "docm"


def test_sniff_works_on_bytes_alone(docx_bytes: bytes) -> None:
    assert sniff(docx_bytes) == "docx"


def test_sha256_of_unreadable_is_none(tmp_path: Path) -> None:
    assert sha256_of(str(tmp_path / "missing.docx")) is None
    assert sha256_of(str(tmp_path)) is None
    path = write(tmp_path, "x.bin", b"abc")
    assert sha256_of(path) == hashlib.sha256(b"abc").hexdigest()
    assert sha256_of(path, max_bytes=2) is None


# --------------------------------------------------------------------------- read_document's guard


def fake_reader(module: str, func: str, exc: BaseException | None = None, result: object = None) -> types.ModuleType:
    mod = types.ModuleType(module)

    def reader(path: str, data: bytes, fmt: str, vocab: object) -> object:
        if exc is not None:
            raise exc
        return result

    setattr(mod, func, reader)
    return mod


@pytest.mark.parametrize(
    ("raised", "code", "shown"),
    [
        (KeyError("word/document.xml"), "corrupt", "KeyError"),
        (ValueError("bad value\n  File \"x.py\", line 3\nTraceback"), "corrupt", "ValueError: bad value"),
        (MemoryError(), "too-large", "memory"),
        (RecursionError("maximum recursion depth exceeded"), "corrupt", "nested"),
        (ReadError("encrypted", "locked inside"), "encrypted", "locked inside"),
    ],
)
def test_read_document_contains_reader_failures(
    monkeypatch: pytest.MonkeyPatch, docx_bytes: bytes, raised: BaseException, code: str, shown: str
) -> None:
    monkeypatch.setitem(sys.modules, "checker.io.readers.docx", fake_reader("checker.io.readers.docx", "read_docx", raised))
    opened = Opened(path="x.docx", format="docx", data=docx_bytes, sha256="0" * 64)
    with pytest.raises(ReadError) as exc:
        read_document(opened, shipped_vocabulary())
    assert shown in assert_error(exc, code)
    if code == "corrupt" and not isinstance(raised, (RecursionError, ReadError)):
        assert exc.value.message.startswith("The file could not be read: ")


def test_read_document_dispatches_by_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "checker.io.readers.docx", fake_reader("checker.io.readers.docx", "read_docx", result="W"))
    monkeypatch.setitem(sys.modules, "checker.io.readers.xlsx", fake_reader("checker.io.readers.xlsx", "read_xlsx", result="X"))
    for fmt, expected in (("docx", "W"), ("docm", "W"), ("xlsx", "X"), ("xlsm", "X")):
        assert read_document(Opened(path="f", format=fmt, data=b"", sha256=""), shipped_vocabulary()) == expected  # type: ignore[arg-type]
