"""Real files that used to be misreported: names that are not UTF-8, Word packages that point at
optional parts they do not contain."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from tests.support import hostile_files as hb
from tests.support.cli import ROOT

_CUSTOM_UI = (b'<Relationship Id="rIdUi" Type="http://schemas.microsoft.com/office/2006/relationships/ui/extensibility" '
              b'Target="customUI/customUI.xml"/>')
_THUMBNAIL = (b'<Relationship Id="rIdTh" '
              b'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" '
              b'Target="docProps/thumbnail.jpeg"/>')
_IMAGE = (b'<Relationship Id="rIdIm" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
          b'Target="media/image9.png"/>')


def _with_dangling_relationships(data: bytes) -> bytes:
    def add(name: str, content: bytes) -> tuple[str, bytes]:
        if name == "_rels/.rels":
            content = content.replace(b"</Relationships>", _CUSTOM_UI + _THUMBNAIL + b"</Relationships>")
        elif name == "word/_rels/document.xml.rels":
            content = content.replace(b"</Relationships>", _IMAGE + b"</Relationships>")
        return name, content

    return hb.rezip(data, add)


def test_a_word_file_pointing_at_missing_optional_parts_is_read(tmp_path: Path) -> None:
    path = tmp_path / "charter.docx"
    path.write_bytes(_with_dangling_relationships(hb.make_docx("Project Charter")))
    doc = checker.check([str(path)])["documents"][0]
    assert doc["error"] is None
    assert doc["doc_type"] == checker.check([str(_plain(tmp_path))])["documents"][0]["doc_type"]


def test_a_word_package_without_its_main_part_is_still_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(hb.without_entry(hb.make_docx(), "word/document.xml"))
    assert checker.check([str(path)])["documents"][0]["error"]["code"] == "corrupt"


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.docx"
    path.write_bytes(hb.make_docx("Project Charter"))
    return path


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_file_name_that_is_not_utf8_keeps_the_output_valid(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9 charter.docx")  # Latin-1 bytes: not UTF-8
    (folder / name).write_bytes(hb.make_docx("Project Charter"))
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(folder), "--format", fmt],
                            capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")[-2000:]
    out = result.stdout.decode("utf-8")  # raises if the output is not valid UTF-8
    assert "Traceback" not in result.stderr.decode("utf-8", "replace")
    if fmt == "json":
        doc = json.loads(out)["documents"][0]
        assert doc["error"] is None and doc["path"].endswith("caf\\xe9 charter.docx")
    else:
        assert "caf\\xe9 charter.docx" in out
