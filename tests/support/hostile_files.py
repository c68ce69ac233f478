"""Builders for hostile and edge-case inputs, generated in code so no binary fixture is committed.

Everything here returns bytes; tests write them into `tmp_path`. The builders aim to be
structurally valid where the test needs a *plausible* file (OLE compound files, OOXML packages)
so that the opening layer is exercised on its real decision, not on an accidental parse failure.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
from typing import Callable, Iterable

from tests.support import ooxml

# --------------------------------------------------------------------------- OLE / CFB v3

SECTOR = 512
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
STREAM_SIZE = 4096  # = the mini-stream cutoff, so streams live in regular sectors (no mini FAT needed)


def make_ole(stream_names: list[str], stream_size: int = STREAM_SIZE, contents: dict[str, bytes] | None = None) -> bytes:
    """A minimal, structurally valid CFB v3 file with one stream per name under the root storage.

    Layout: sector 0 is the only FAT sector, then the directory sectors, then each stream's data.
    The directory is a balanced binary tree ordered by the CFB rule (shorter name first, then
    upper-case comparison); all nodes are black, which readers accept. `contents` gives a stream's
    bytes (zero-padded to `stream_size`); other streams are filled with a letter.
    """
    if stream_size < STREAM_SIZE:
        raise ValueError("streams below the mini-stream cutoff would need a mini FAT")
    names = sorted(stream_names, key=lambda n: (len(n), n.upper()))
    entries = 1 + len(names)
    dir_sectors = -(-entries // (SECTOR // 128))
    data_sectors = -(-stream_size // SECTOR)
    total_sectors = 1 + dir_sectors + data_sectors * len(names)
    if total_sectors > SECTOR // 4:
        raise ValueError("too many streams for a single FAT sector")

    fat = [FREESECT] * (SECTOR // 4)
    fat[0] = FATSECT
    first_dir = 1
    _chain(fat, first_dir, dir_sectors)
    starts = []
    next_free = first_dir + dir_sectors
    for _ in names:
        starts.append(next_free)
        _chain(fat, next_free, data_sectors)
        next_free += data_sectors

    children = _balanced_tree(list(range(1, entries)))
    directory = [_dir_entry("Root Entry", 5, child=children.root, start=ENDOFCHAIN, size=0)]
    for i, name in enumerate(names, start=1):
        left, right = children.siblings[i]
        directory.append(_dir_entry(name, 2, left=left, right=right, start=starts[i - 1], size=stream_size))
    while len(directory) % (SECTOR // 128):
        directory.append(_empty_dir_entry())

    body = struct.pack("<128I", *fat) + b"".join(directory)
    for i, name in enumerate(names):
        payload = (contents or {}).get(name, bytes([0x41 + i % 26]) * stream_size)[:stream_size]
        body += payload.ljust(data_sectors * SECTOR, b"\0")
    return _ole_header(first_dir) + body


def _chain(fat: list[int], start: int, count: int) -> None:
    for s in range(start, start + count - 1):
        fat[s] = s + 1
    fat[start + count - 1] = ENDOFCHAIN


class _Tree:
    def __init__(self) -> None:
        self.root = NOSTREAM
        self.siblings: dict[int, tuple[int, int]] = {}


def _balanced_tree(ids: list[int]) -> _Tree:
    tree = _Tree()

    def build(lo: int, hi: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        tree.siblings[ids[mid]] = (build(lo, mid), build(mid + 1, hi))
        return ids[mid]

    tree.root = build(0, len(ids))
    return tree


def _ole_header(first_dir_sector: int) -> bytes:
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)  # minor, major, byte order, shifts
    header += bytes(6)  # reserved
    header += struct.pack("<IIIIIIIII", 0, 1, first_dir_sector, 0, 0x1000, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<109I", 0, *([FREESECT] * 108))  # DIFAT: FAT sector 0
    assert len(header) == SECTOR
    return header


def _dir_entry(name: str, kind: int, *, left: int = NOSTREAM, right: int = NOSTREAM, child: int = NOSTREAM,
               start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    if len(encoded) > 64:
        raise ValueError(f"OLE entry name too long: {name!r}")
    entry = encoded.ljust(64, b"\0")
    entry += struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
    entry += bytes(16) + struct.pack("<IQQIQ", 0, 0, 0, start, size)
    assert len(entry) == 128
    return entry


def _empty_dir_entry() -> bytes:
    return bytes(64) + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM) + bytes(16 + 4 + 8 + 8 + 4 + 8)


def ole_stream_names(data: bytes) -> list[str]:
    """Walk a CFB file the way a reader does (header -> FAT -> directory chain); for testing `make_ole`."""
    assert data[:8] == b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    sector_shift, = struct.unpack_from("<H", data, 30)
    size = 1 << sector_shift
    n_fat, first_dir = struct.unpack_from("<II", data, 44)
    difat = struct.unpack_from("<109I", data, 76)[:n_fat]
    fat: list[int] = []
    for s in difat:
        fat.extend(struct.unpack_from(f"<{size // 4}I", data, (s + 1) * size))
    names, sector, hops = [], first_dir, 0
    while sector != ENDOFCHAIN:
        base = (sector + 1) * size
        for off in range(base, base + size, 128):
            name_len, kind = struct.unpack_from("<HB", data, off + 64)
            if kind:
                names.append(data[off : off + name_len - 2].decode("utf-16-le"))
        sector, hops = fat[sector], hops + 1
        assert hops < 1000, "directory chain loops"
    return names


# --------------------------------------------------------------------------- OOXML packages


def make_docx(text: str = "Project Charter") -> bytes:
    """A real, minimal Word document from python-docx."""
    import docx

    doc = docx.Document()
    doc.add_heading(text, level=1)
    doc.add_paragraph("Sponsor: Dana Lee")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def make_xlsx() -> bytes:
    """A real, minimal workbook from openpyxl."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["ID", "Description", "Owner"])
    ws.append(["R-1", "Vendor late", "Wei Zhang"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rezip(data: bytes, transform: Callable[[str, bytes], tuple[str, bytes] | None] | None = None,
          extra: Iterable[tuple[str, bytes]] = ()) -> bytes:
    """Copy a zip entry by entry; `transform(name, content)` may rename, rewrite or (returning None) drop."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            item = (info.filename, src.read(info))
            if transform is not None:
                item = transform(*item)
            if item is not None:
                dst.writestr(item[0], item[1])
        for name, content in extra:
            dst.writestr(name, content)
    return out.getvalue()


def make_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip with exactly these entries, names written verbatim (even hostile ones)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries:
            zf.writestr(zipfile.ZipInfo(name), content)
    return out.getvalue()


def with_main_content_type(data: bytes, new_type: str) -> bytes:
    """Replace the main document's content type in [Content_Types].xml (e.g. to make it macro-enabled)."""

    def fix(name: str, content: bytes) -> tuple[str, bytes]:
        if name == "[Content_Types].xml":
            content = re.sub(rb"application/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|"
                             rb"spreadsheetml\.sheet)\.main\+xml", new_type.encode(), content)
        return name, content

    return rezip(data, fix)


def without_entry(data: bytes, entry: str) -> bytes:
    return rezip(data, lambda name, content: None if name == entry else (name, content))


def make_pptx_like() -> bytes:
    """The package skeleton of a PowerPoint file: content types, relationships, presentation part."""
    ct = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Override PartName="/ppt/presentation.xml" '
          b'ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="ppt/presentation.xml"/></Relationships>')
    pres = b'<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'
    return make_zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("ppt/presentation.xml", pres)])


def make_odt_like() -> bytes:
    return make_zip([("mimetype", b"application/vnd.oasis.opendocument.text"),
                     ("META-INF/manifest.xml", b"<manifest/>"), ("content.xml", b"<office:document-content/>")])


def make_zip_bomb(uncompressed: int = 300 * 2**20, name: str = "word/document.xml") -> bytes:
    """One entry of `uncompressed` zero bytes, streamed in 1 MiB chunks so memory stays small."""
    out = io.BytesIO()
    chunk = bytes(2**20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open(name, "w", force_zip64=True) as fh:
            remaining = uncompressed
            while remaining > 0:
                n = min(remaining, len(chunk))
                fh.write(chunk[:n])
                remaining -= n
    return out.getvalue()


def forge_declared_size(data: bytes, entry: str, declared: int) -> bytes:
    """Rewrite an entry's uncompressed size in the central directory (a lie only the header tells).

    Only for small (non-Zip64) entries: the 32-bit field at offset 24 of the central header.
    """
    if declared >= 0xFFFFFFFF:
        raise ValueError("use a Zip64 entry for sizes of 4 GiB and more")
    needle = entry.encode()
    pos = 0
    buf = bytearray(data)
    while (pos := buf.find(b"PK\x01\x02", pos)) != -1:
        name_len, = struct.unpack_from("<H", buf, pos + 28)
        if bytes(buf[pos + 46 : pos + 46 + name_len]) == needle:
            struct.pack_into("<I", buf, pos + 24, declared)
            return bytes(buf)
        pos += 4
    raise KeyError(entry)


def forge_entry_count(data: bytes, count: int) -> bytes:
    """Rewrite both entry counts of the (non-Zip64) end-of-central-directory record."""
    eocd = data.rfind(b"PK\x05\x06")
    buf = bytearray(data)
    struct.pack_into("<HH", buf, eocd + 8, count, count)
    return bytes(buf)


def make_many_entries(count: int) -> bytes:
    """A zip with `count` tiny stored entries plus content types."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        for i in range(count):
            zf.writestr(f"word/media/x{i}.bin", b"")
    return out.getvalue()


# --------------------------------------------------------------------------- the hostile corpus
#
# Every case is a file name (its extension is what a user would see), its bytes, and the outcome
# the contract promises: an error code, or "ok" (a normal report) with the advisory rules it must
# carry. `tests/test_hostile.py` checks each case alone, all of them mixed with good documents
# through the CLI and the Python API, and that nothing from a local file they point at leaks.

import base64
import functools
import random
from dataclasses import dataclass, field

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
X_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
WORD_MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
EXCEL_MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
SECRET = "PMO-SECRET-7f3a9c1e-DO-NOT-LEAK"  # content of the local file hostile documents point at


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]  # built on demand: listing the cases (test collection) stays cheap
    expect: str  # an error code, or "ok"
    rules: frozenset[str] = field(default_factory=frozenset)  # rule ids an "ok" entry must carry
    also: tuple[str, ...] = ()  # other acceptable outcomes (resource-bound cases may be refused)

    def accepts(self, outcome: str) -> bool:
        return outcome == self.expect or outcome in self.also


def word_xml(body: str, prolog: str = "") -> bytes:
    """A document.xml with this body content (paragraph XML) after an optional prolog (e.g. a DOCTYPE)."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>').encode("utf-8")


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    """Replace (or add) one part of a package."""
    files = ooxml.parts(data)
    files[name] = content
    return ooxml.pack(files)


def with_relationship(data: bytes, rels_part: str, rel_type: str, target: str, external: bool = True,
                      rid: str = "rIdHostile") -> bytes:
    """Add a relationship to a .rels part (created when missing)."""
    files = ooxml.parts(data)
    rels = files.get(rels_part, f'<Relationships xmlns="{PKG_REL_NS}"></Relationships>'.encode()).decode("utf-8")
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"{mode}/>'
    files[rels_part] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
    return ooxml.pack(files)


def make_workbook(sheet_data: str = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', strings: list[str] | None = None,
                  dimension: str = "", shared_strings_xml: bytes | None = None, sheet_xml: bytes | None = None,
                  level: int = 6) -> bytes:
    """A minimal SpreadsheetML package written by hand (openpyxl never writes shared strings)."""
    strings = ["Risk Register"] if strings is None else strings
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{X_NS}" xmlns:r="{R_NS}">'
          '<sheets><sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
               f'<Relationship Id="rId1" Type="{R_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{R_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = sheet_xml or (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{X_NS}">{dim}'
                          f'<sheetData>{sheet_data}</sheetData></worksheet>').encode("utf-8")
    if shared_strings_xml is None:
        body = "".join(f"<si><t>{s}</t></si>" for s in strings)
        shared_strings_xml = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{X_NS}" count="{len(strings)}" '
                              f'uniqueCount="{len(strings)}">{body}</sst>').encode("utf-8")
    return ooxml.pack({"[Content_Types].xml": ct.encode(), "_rels/.rels": rels.encode(), "xl/workbook.xml": wb.encode(),
                  "xl/_rels/workbook.xml.rels": wb_rels.encode(), "xl/worksheets/sheet1.xml": sheet,
                  "xl/sharedStrings.xml": shared_strings_xml}, level)


def billion_laughs(levels: int = 10) -> str:
    decls = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, levels))
    return f"<!DOCTYPE lolz [{decls}]>"


def huge_shared_strings(total_bytes: int, item_bytes: int = 4096, seed: int = 7) -> bytes:
    """A sharedStrings part of about `total_bytes` of incompressible text (so no ratio limit trips)."""
    rng = random.Random(seed)
    count = max(1, total_bytes // item_bytes)
    text = base64.b64encode(rng.randbytes(count * item_bytes * 3 // 4)).decode("ascii")
    body = "".join(f"<si><t>{text[i:i + item_bytes]}</t></si>" for i in range(0, count * item_bytes, item_bytes))
    return (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{X_NS}" count="{count}" uniqueCount="{count}">'
            f"{body}</sst>").encode("utf-8")


def many_small_entries_bomb(base: bytes, entries: int = 40, size: int = 2**20 - 1) -> bytes:
    """Entries each just under the per-entry ratio floor, together a bomb (the package-wide ratio)."""
    files = ooxml.parts(base)
    zeros = bytes(size)
    for i in range(entries):
        files[f"word/media/pad{i}.bin"] = zeros
    return ooxml.pack(files, level=9)


def hostile_corpus(secret_file: str) -> list[Case]:
    """Every hostile and broken input of the issue, with its expected outcome. `secret_file` is a
    local file whose content must never appear in any output."""
    docx = functools.lru_cache(maxsize=None)(lambda: make_docx("Hostile Test Charter"))
    xlsx = functools.lru_cache(maxsize=None)(make_xlsx)
    secret_url = "file://" + secret_file
    body = para("Project Charter") + para("Sponsor: Dana Lee")
    ent = "&xxe;"
    cases = [
        # zip bombs and limits
        Case("zip-bomb.docx", lambda: make_zip_bomb(64 * 2**20), "too-large"),
        Case("zip-bomb-many-entries.docx", lambda: many_small_entries_bomb(docx()), "too-large"),
        Case("forged-size.docx", lambda: forge_declared_size(docx(), "word/document.xml", 600 * 2**20), "too-large"),
        Case("too-many-entries.docx", lambda: make_many_entries(10_001), "too-large"),
        # entities: expansion bombs, XXE, remote DTDs (refused: Office never writes a DOCTYPE)
        Case("billion-laughs.docx", lambda: with_part(docx(), "word/document.xml", word_xml(para("&lol9;"), billion_laughs())), "corrupt"),
        Case("billion-laughs-strings.xlsx", lambda: make_workbook(shared_strings_xml=(
            f'<?xml version="1.0"?>{billion_laughs()}<sst xmlns="{X_NS}"><si><t>&lol9;</t></si></sst>').encode()), "corrupt"),
        Case("quadratic-blowup.docx", lambda: with_part(docx(), "word/document.xml", word_xml(
            para("&a;" * 20_000), f'<!DOCTYPE w:document [<!ENTITY a "{"A" * 50_000}">]>')), "corrupt"),
        Case("xxe-local-file.docx", lambda: with_part(docx(), "word/document.xml", word_xml(
            para(ent), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_url}">]>')), "corrupt"),
        Case("xxe-parameter-entity.docx", lambda: with_part(docx(), "word/document.xml", word_xml(
            body, f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{secret_url}"> %p;]>')), "corrupt"),
        Case("xxe-core-properties.docx", lambda: with_part(docx(), "docProps/core.xml", (
            f'<?xml version="1.0"?><!DOCTYPE cp [<!ENTITY xxe SYSTEM "{secret_url}">]>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{ent}</dc:title></cp:coreProperties>').encode()), "corrupt"),
        Case("xxe-sheet.xlsx", lambda: make_workbook(sheet_xml=(
            f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{secret_url}">]>'
            f'<worksheet xmlns="{X_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{ent}</t></is></c></row>'
            "</sheetData></worksheet>").encode()), "corrupt"),
        Case("xxe-utf16.docx", lambda: with_part(docx(), "word/document.xml", word_xml(
            para(ent), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_url}">]>')
            .replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")), "corrupt"),
        Case("xxe-utf7.docx", lambda: with_part(docx(), "word/document.xml",
            b'<?xml version="1.0" encoding="UTF-7"?>' + f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_url}">]>'
            .encode("utf-7") + word_xml(para(ent)).split(b"?>", 1)[1]), "corrupt"),
        Case("remote-dtd.docx", lambda: with_part(docx(), "word/document.xml", word_xml(
            body, '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">')), "corrupt"),
        Case("remote-parameter-entity.xlsx", lambda: make_workbook(shared_strings_xml=(
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY % r SYSTEM "http://127.0.0.1:9/evil.dtd"> %r;]>'
            f'<sst xmlns="{X_NS}"><si><t>x</t></si></sst>').encode()), "corrupt"),
        Case("content-types-doctype.docx", lambda: rezip(docx(), lambda n, c: (n, c.replace(
            b"?>", f'?><!DOCTYPE Types [<!ENTITY xxe SYSTEM "{secret_url}">]>'.encode(), 1))
            if n == "[Content_Types].xml" else (n, c)), "corrupt"),
        # external resources: never fetched, reported by name (SEC-01)
        Case("external-template.docx", lambda: with_relationship(with_part(docx(), "word/settings.xml", _settings_with_template(docx())),
             "word/_rels/settings.xml.rels", f"{R_NS}/attachedTemplate", secret_url, rid="rIdTpl"), "ok", frozenset({"SEC-01"})),
        Case("linked-image.docx", lambda: with_relationship(docx(), "word/_rels/document.xml.rels", f"{R_NS}/image",
             "http://tracker.example.invalid/pixel.png"), "ok", frozenset({"SEC-01"})),
        Case("ole-link.docx", lambda: with_relationship(docx(), "word/_rels/document.xml.rels", f"{R_NS}/oleObject",
             secret_url), "ok", frozenset({"SEC-01"})),
        Case("external-link.xlsx", lambda: with_relationship(with_relationship(
            make_workbook(), "xl/_rels/workbook.xml.rels", f"{R_NS}/externalLink", "externalLinks/externalLink1.xml",
            external=False, rid="rIdExt"), "xl/externalLinks/_rels/externalLink1.xml.rels", f"{R_NS}/externalLinkPath",
            secret_url), "ok", frozenset({"SEC-01"})),
        # macros: read, never run (SEC-02)
        Case("macros.docm", lambda: _with_vba(with_main_content_type(docx(), WORD_MACRO_TYPE), "word"), "ok", frozenset({"SEC-02"})),
        Case("macros.xlsm", lambda: _with_vba(with_main_content_type(xlsx(), EXCEL_MACRO_TYPE), "xl"), "ok", frozenset({"SEC-02"})),
        # broken containers
        Case("truncated.docx", lambda: docx()[: len(docx()) // 2], "corrupt"),
        Case("random-bytes.docx", lambda: random.Random(1).randbytes(8192), "unsupported-format"),
        Case("empty.xlsx", lambda: b"", "unsupported-format"),
        Case("legacy.doc.docx", lambda: make_ole(["WordDocument", "1Table"]), "legacy-format"),
        Case("legacy.xls", lambda: make_ole(["Workbook"]), "legacy-format"),
        Case("encrypted.docx", lambda: make_ole(["EncryptionInfo", "EncryptedPackage"]), "encrypted"),
        Case("path-traversal.docx", lambda: rezip(docx(), extra=[("../../evil.xml", b"<x/>")]), "corrupt"),
        Case("absolute-path.xlsx", lambda: rezip(xlsx(), extra=[("/etc/cron.d/evil", b"x")]), "corrupt"),
        # XML that is too deep, too big, too sparse or not XML
        Case("deep-xml.docx", lambda: with_part(docx(), "word/document.xml", word_xml("<w:x>" * 100_000 + "</w:x>" * 100_000)),
             "corrupt", also=("too-large",)),  # refused by its compression ratio before any parser runs
        Case("deep-xml-1000.docx", lambda: with_part(docx(), "word/document.xml", word_xml("<w:x>" * 1000 + "</w:x>" * 1000)),
             "corrupt"),  # under the ratio floor: the parsers' depth limit (256) refuses it
        Case("deep-xml.xlsx", lambda: make_workbook(sheet_xml=(f'<worksheet xmlns="{X_NS}"><sheetData>' + "<row>" * 100_000
                                                       + "</row>" * 100_000 + "</sheetData></worksheet>").encode()), "corrupt",
             also=("too-large",)),
        Case("deep-xml-1000.xlsx", lambda: make_workbook(sheet_xml=(f'<worksheet xmlns="{X_NS}"><sheetData>' + "<row>" * 1000
                                                            + "</row>" * 1000 + "</sheetData></worksheet>").encode()), "corrupt"),
        Case("huge-shared-strings.xlsx", lambda: make_workbook(shared_strings_xml=huge_shared_strings(48 * 2**20), level=1), "ok",
             also=("too-large",)),
        Case("million-rows-declared.xlsx", lambda: make_workbook(dimension="A1:Z1000000", sheet_data=(
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>')), "ok"),
        Case("million-rows-sparse.xlsx", lambda: make_workbook(sheet_data=(
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')),
             "ok", also=("too-large",)),
        Case("million-row-elements.xlsx", lambda: make_workbook(sheet_data="".join(
            f'<row r="{i}"/>' for i in range(1, 1_048_577))), "ok", also=("too-large",)),
        Case("invalid-xml-char.docx", lambda: with_part(docx(), "word/document.xml", word_xml(para("bad \x01 char"))), "corrupt"),
        Case("invalid-utf8.docx", lambda: with_part(docx(), "word/document.xml", word_xml(para("x")).replace(b">x<", b">\xff\xfe<")), "corrupt"),
        Case("escaped-control-chars.xlsx", lambda: make_workbook(strings=["Risk _x0001_ Register _x001B_[31m"]), "ok"),
        # the extension is only a hint
        Case("word-named.xlsx", lambda: docx(), "ok"),
        Case("excel-named.docx", lambda: xlsx(), "ok"),
        Case("text-named.docx", lambda: b"Name,Role\nDana Lee,Sponsor\n", "unsupported-format"),
    ]
    return cases


def _settings_with_template(docx: bytes) -> bytes:
    settings = ooxml.parts(docx)["word/settings.xml"]
    return re.sub(rb"(<w:settings\b[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdTpl"/>', settings, count=1)


def _with_vba(data: bytes, folder: str) -> bytes:
    files = ooxml.parts(data)
    files[f"{folder}/vbaProject.bin"] = make_ole(["VBA", "PROJECT"])
    ct = files["[Content_Types].xml"].decode()
    files["[Content_Types].xml"] = ct.replace(
        "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>').encode()
    main = "document.xml" if folder == "word" else "workbook.xml"
    rels_part = f"{folder}/_rels/{main}.rels"
    rels = files[rels_part].decode()
    files[rels_part] = rels.replace(
        "</Relationships>", f'<Relationship Id="rIdVba" Type="{VBA_REL}" Target="vbaProject.bin"/></Relationships>').encode()
    return ooxml.pack(files)
