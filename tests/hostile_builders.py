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
