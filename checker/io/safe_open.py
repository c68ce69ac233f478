"""The safe opening layer: every file passes through here before any parser touches it.

Files come from users, shared drives and SharePoint libraries, so they may be anything: a PDF
renamed `.docx`, an encrypted workbook, a truncated download, a zip bomb. This module reads the
bytes once, sniffs what they really are (content, never the extension) and vets the zip container
of OOXML files *without decompressing it*, so that the readers only ever see a bounded, plausible
Word or Excel package. Anything else becomes a `ReadError` with one of the contract's codes.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Literal

from checker.core.errors import ReadError
from checker.core.limits import Limits, MiB

Format = Literal["docx", "docm", "xlsx", "xlsm"]

OLE_MAGIC = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
ZIP_LOCAL = b"PK\x03\x04"
ZIP_EMPTY = b"PK\x05\x06"
ZIP_EOCD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_EOCD = b"PK\x06\x06"
SMALL_PART_LIMIT = 1 * MiB  # cap when reading [Content_Types].xml and _rels/.rels
RATIO_FLOOR = 1 * MiB  # only entries larger than this are held to max_ratio
TOTAL_RATIO_FLOOR = 16 * MiB  # only packages unpacking to more than this are held to max_ratio as a whole

ENCRYPTED_MESSAGE = "The file is password-protected (encrypted); remove the password and check it again."
LEGACY_MESSAGE = (
    "Legacy Word 97–2003 (.doc) / Excel 97–2003 (.xls) format; save it as .docx/.xlsx and check it again."
)
BOMB_MESSAGE = "looks like a zip bomb"
PROLOG_LIMIT = 256 * 1024  # decompressed bytes of a part scanned for its XML prolog


@dataclass
class Opened:
    """A file that passed the opening checks; readers parse `data` instead of re-reading the disk."""

    path: str
    format: Format
    data: bytes
    sha256: str


# --------------------------------------------------------------------------- public API


def open_document(path: str, limits: Limits = Limits()) -> Opened:
    """Read, sniff and vet one file. Raises `ReadError` for anything that is not a sane Word/Excel file."""
    data = _read_bounded(path, limits.max_file_bytes)
    fmt = sniff(data, limits)
    return Opened(path=path, format=fmt, data=data, sha256=hashlib.sha256(data).hexdigest())


def open_bytes(name: str, data: bytes, limits: Limits = Limits()) -> Opened:
    """Sniff and vet a document held in memory (an upload), named `name` in the report."""
    if len(data) > limits.max_file_bytes:
        raise _too_large(limits.max_file_bytes)
    fmt = sniff(data, limits)
    return Opened(path=name, format=fmt, data=data, sha256=hashlib.sha256(data).hexdigest())


def sha256_of(path: str, max_bytes: int | None = None) -> str | None:
    """The file's SHA-256 for error entries, streamed so huge files cost no memory.

    Returns None when the file cannot be read (or is not a regular file, or exceeds `max_bytes`
    when given), because an error entry must never fail in turn.
    """
    try:
        fd = _open_regular(path)
    except (ReadError, OSError):
        return None
    digest = hashlib.sha256()
    seen = 0
    try:
        with os.fdopen(fd, "rb") as fh:
            while chunk := fh.read(MiB):
                seen += len(chunk)
                if max_bytes is not None and seen > max_bytes:
                    return None
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def sniff(data: bytes, limits: Limits = Limits()) -> Format:
    """Classify bytes by content: the OOXML format, or a `ReadError` saying what they are instead."""
    if data.startswith(OLE_MAGIC):
        raise _ole_error(data)
    if data.startswith(ZIP_LOCAL):
        return _check_ooxml(data, limits)
    if data.startswith(ZIP_EMPTY):
        raise ReadError("corrupt", "The file is an empty zip archive, not a Word or Excel document.")
    raise ReadError("unsupported-format", _describe_other(data))


# --------------------------------------------------------------------------- reading


def _open_regular(path: str) -> int:
    """Open `path` for reading and make sure it is a regular file.

    O_NONBLOCK keeps a FIFO from hanging the open; fstat on the open descriptor (not a separate
    stat of the path) avoids a swap between check and use.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise ReadError("unsupported-format", "The path is a folder, not a Word or Excel document.")
        raise ReadError("unsupported-format", "The path is not a regular file (e.g. a pipe or device); only files can be checked.")
    return fd


def _read_bounded(path: str, max_bytes: int) -> bytes:
    """Read at most `max_bytes + 1` bytes, so an oversized (or growing) file is refused without loading it."""
    try:
        fd = _open_regular(path)
    except FileNotFoundError:
        raise ReadError("not-found", "The file does not exist.") from None
    except NotADirectoryError:
        raise ReadError("not-found", "The file does not exist (a parent in its path is not a folder).") from None
    except IsADirectoryError:  # Windows reports folders this way at open time
        raise ReadError("unsupported-format", "The path is a folder, not a Word or Excel document.") from None
    except PermissionError:
        raise ReadError("not-found", "The file cannot be opened: permission denied.") from None
    except OSError as exc:
        raise ReadError("corrupt", f"The file could not be opened: {exc.strerror or type(exc).__name__}.") from None
    try:
        with os.fdopen(fd, "rb") as fh:
            if os.fstat(fh.fileno()).st_size > max_bytes:
                raise _too_large(max_bytes)
            data = _read_up_to(fh, max_bytes + 1)
    except OSError as exc:
        raise ReadError("corrupt", f"The file could not be read: {exc.strerror or type(exc).__name__}.") from None
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return data


def _read_up_to(fh: io.BufferedReader, limit: int) -> bytes:
    """Read until EOF or `limit` bytes; a single read() may return short on some file systems."""
    parts: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = fh.read(min(remaining, 16 * MiB))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def _too_large(max_bytes: int) -> ReadError:
    return ReadError("too-large", f"The file is larger than the limit of {_human(max_bytes)}.")


def _human(n: float) -> str:
    """A byte count for messages: '200 MiB', '1 GiB', '512 bytes'."""
    if n < 1024:
        return f"{n:.0f} bytes"
    for unit in ("KiB", "MiB", "GiB"):
        n /= 1024
        if n < 1024 or unit == "GiB":
            break
    return f"{n:.1f}".removesuffix(".0") + f" {unit}"


# --------------------------------------------------------------------------- non-zip content


def _ole_error(data: bytes) -> ReadError:
    """An OLE compound file is either an encrypted OOXML package or a legacy binary document."""
    if _ole_has_stream(data, "EncryptedPackage") or _ole_has_stream(data, "EncryptionInfo"):
        return ReadError("encrypted", ENCRYPTED_MESSAGE)
    return ReadError("legacy-format", LEGACY_MESSAGE)


def _ole_has_stream(data: bytes, name: str) -> bool:
    """Whether a directory entry named `name` exists, found by a byte search for its UTF-16LE name.

    Directory entries are 128 bytes and sectors are 512 or 4096 bytes, so every entry starts at a
    file offset divisible by 128, and its name length (bytes, terminator included) sits at +64.
    Checking both keeps the same text inside a document body (Word stores UTF-16 text) from
    matching, without having to walk the FAT.
    """
    needle = (name + "\0").encode("utf-16-le")
    expected_len = len(needle)
    start = 0
    while (pos := data.find(needle, start)) != -1:
        if pos % 128 == 0 and pos + 66 <= len(data):
            (name_len,) = struct.unpack_from("<H", data, pos + 64)
            if name_len == expected_len:
                return True
        start = pos + 1
    return False


_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta)", re.IGNORECASE)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"MIME-Version:", "a web archive (.mht)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)


def _describe_other(data: bytes) -> str:
    """A cheap, human description of bytes that are neither OLE nor zip."""
    if not data:
        return "The file is empty."
    head = data[:1024].lstrip(b"\xef\xbb\xbf")  # a UTF-8 BOM is common on text exports
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return f"The file is {what}, not a Word or Excel document (.docx/.xlsx)."
    if _HTML_START.match(head):
        return "The file is an HTML page, not a Word or Excel document (.docx/.xlsx)."
    if head.lstrip().startswith(b"<?xml"):
        return "The file is plain XML (e.g. Word/Excel 2003 XML), not a .docx/.xlsx package; save it as .docx/.xlsx."
    if _looks_like_text(head):
        return "The file is plain text (e.g. CSV), not a Word or Excel document (.docx/.xlsx)."
    return "The file is not a Word or Excel document (.docx/.xlsx)."


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)


# --------------------------------------------------------------------------- zip / OOXML


def _check_ooxml(data: bytes, limits: Limits) -> Format:
    """Vet the zip container, then find which Office application the package belongs to."""
    _precheck_entry_count(data, limits)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error, NotImplementedError):
        raise ReadError("corrupt", "The file is damaged: its zip structure is broken or truncated.") from None
    with zf:
        infos = zf.infolist()
        _check_entries(infos, limits)
        names = {info.filename.lower(): info for info in infos}
        content_types = names.get("[content_types].xml")
        if content_types is None:
            raise _missing_content_types(names)
        ct_xml = _read_small(zf, content_types)
        rels = names.get("_rels/.rels")
        rels_xml = _read_small(zf, rels) if rels is not None else b""
        fmt = _classify(names, ct_xml, rels_xml)
        for info in infos:
            _check_xml_prolog(zf, info)
    return fmt


def _precheck_entry_count(data: bytes, limits: Limits) -> None:
    """Refuse a huge entry count before `zipfile` builds one ZipInfo per entry (millions of tiny
    entries would otherwise cost gigabytes of memory).

    The end record's count can lie, so the central-directory signatures in the region `zipfile`
    will parse are counted too; the larger number is an upper bound on the entries it would build.
    """
    eocd = data.rfind(ZIP_EOCD, max(0, len(data) - 22 - 65535))
    if eocd == -1 or eocd + 22 > len(data):
        raise ReadError("corrupt", "The file is damaged: its zip structure is broken or truncated.")
    count, cd_size = struct.unpack_from("<HI", data, eocd + 10)
    cd_end = eocd
    loc = eocd - 20
    if loc >= 0 and data[loc : loc + 4] == ZIP64_LOCATOR:  # Zip64: the real figures are in the Zip64 end record
        (rec,) = struct.unpack_from("<Q", data, loc + 8)
        if rec + 56 <= len(data) and data[rec : rec + 4] == ZIP64_EOCD:
            count, cd_size = struct.unpack_from("<QQ", data, rec + 32)
            cd_end = rec
    count = max(count, data.count(b"PK\x01\x02", max(0, cd_end - cd_size), cd_end))
    if count > limits.max_entries:
        raise ReadError(
            "too-large", f"The file has {count} zip entries, more than the limit of {limits.max_entries}; it {BOMB_MESSAGE}."
        )


def _check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Bounds on declared sizes and compression ratios, and names that could escape a folder."""
    if len(infos) > limits.max_entries:
        raise ReadError(
            "too-large", f"The file has {len(infos)} zip entries, more than the limit of {limits.max_entries}; it {BOMB_MESSAGE}."
        )
    total = compressed = 0
    seen: set[str] = set()
    for info in infos:
        _check_name(info.orig_filename)
        key = info.filename.lower()
        if key in seen:
            raise ReadError("corrupt", f"The file is damaged: duplicate zip entry {_quote(info.filename)}.")
        seen.add(key)
        if info.flag_bits & 0x1:
            raise ReadError("encrypted", ENCRYPTED_MESSAGE)
        _check_entry_size(info, limits)
        total += info.file_size
        compressed += info.compress_size
        if total > limits.max_total_uncompressed:
            raise ReadError(
                "too-large",
                f"The file would unpack to more than {_human(limits.max_total_uncompressed)}; it {BOMB_MESSAGE}.",
            )
    if total > TOTAL_RATIO_FLOOR and total > limits.max_ratio * max(compressed, 1):
        raise ReadError(
            "too-large",
            f"The file would unpack to {_human(total)} from {_human(compressed)}, more than {limits.max_ratio:.0f}:1; "
            f"it {BOMB_MESSAGE}.",
        )


def _check_entry_size(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.max_entry_uncompressed:
        raise ReadError(
            "too-large",
            f"The zip entry {_quote(info.filename)} would unpack to {_human(info.file_size)}, more than the limit of "
            f"{_human(limits.max_entry_uncompressed)}; it {BOMB_MESSAGE}.",
        )
    if info.file_size > RATIO_FLOOR:
        ratio = info.file_size / info.compress_size if info.compress_size else float("inf")
        if ratio > limits.max_ratio:
            raise ReadError(
                "too-large",
                f"The zip entry {_quote(info.filename)} is compressed {ratio:.0f}:1, more than the limit of "
                f"{limits.max_ratio:.0f}:1; it {BOMB_MESSAGE}.",
            )


_DRIVE = re.compile(r"^[A-Za-z]:")


def _check_name(name: str) -> None:
    """OPC part names are relative, forward-slashed and never climb: anything else is hostile or broken."""
    unsafe = (
        name.startswith("/")
        or _DRIVE.match(name) is not None
        or "\\" in name
        or "\0" in name
        or any(seg == ".." for seg in name.split("/"))
    )
    if unsafe:
        raise ReadError("corrupt", f"The file is damaged: unsafe entry name {_quote(name)} in its zip structure.")


def _quote(name: str) -> str:
    """An entry name made safe to show: printable and short."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in name)
    return repr(clean if len(clean) <= 80 else clean[:79] + "…")


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Decompress at most 1 MiB of a small package part; entry sizes were vetted before."""
    try:
        with zf.open(info) as fh:
            return fh.read(SMALL_PART_LIMIT)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        raise ReadError("corrupt", f"The file is damaged: {_quote(info.filename)} cannot be unpacked.") from None


def _missing_content_types(names: dict[str, zipfile.ZipInfo]) -> ReadError:
    """Without [Content_Types].xml it is not an OOXML package: say what it is, or that it is broken."""
    if "mimetype" in names and "meta-inf/manifest.xml" in names:
        return ReadError(
            "unsupported-format", "The file is an OpenDocument file (.odt/.ods), not a Word or Excel document; save it as .docx/.xlsx."
        )
    if "word/document.xml" in names or "xl/workbook.xml" in names:
        return ReadError("corrupt", "The file is damaged: [Content_Types].xml is missing from the package.")
    return ReadError("unsupported-format", "The file is a zip archive, not a Word or Excel document.")


# --------------------------------------------------------------------------- which Office application

# (marker in the main part's content type, family); first match wins, so binary Excel precedes Excel.
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("ms-excel.sheet.binary", "xlsb"),
    ("wordprocessingml", "word"),
    ("ms-word", "word"),
    ("spreadsheetml", "excel"),
    ("ms-excel", "excel"),
    ("presentationml", "powerpoint"),
    ("ms-powerpoint", "powerpoint"),
    ("ms-visio", "visio"),
)
_UNSUPPORTED_FAMILY = {
    "xlsb": "The file is an Excel binary workbook (.xlsb), not a .xlsx; save it as .xlsx.",
    "powerpoint": "The file is a PowerPoint presentation, not a Word or Excel document.",
    "visio": "The file is a Visio drawing, not a Word or Excel document.",
}
_OFFICE_DOCUMENT_REL = re.compile(
    rb"""<(?:\w+:)?Relationship\b[^>]*?\bType\s*=\s*["'][^"']*/officeDocument["'][^>]*>""", re.IGNORECASE
)
_TARGET = re.compile(rb"""\bTarget\s*=\s*["']([^"']*)["']""")
_OVERRIDE = re.compile(rb"""<(?:\w+:)?Override\b[^>]*>""", re.IGNORECASE)
_PART_NAME = re.compile(rb"""\bPartName\s*=\s*["']([^"']*)["']""")
_CONTENT_TYPE = re.compile(rb"""\bContentType\s*=\s*["']([^"']*)["']""")


def _classify(names: dict[str, zipfile.ZipInfo], ct_xml: bytes, rels_xml: bytes) -> Format:
    """Word or Excel, macro-enabled or not, from the main part; the file name plays no part.

    Regular expressions instead of an XML parser: these two parts only need a few attributes read,
    and a regex cannot be made to expand entities or recurse.
    """
    overrides = _overrides(ct_xml)
    main = _main_part(rels_xml, names)
    if main is None:
        _refuse_missing_main(rels_xml, overrides)
    family = _family(overrides.get(main, "")) if main else None
    if family is None:
        family = _family_from_layout(names)
    if family in _UNSUPPORTED_FAMILY:
        raise ReadError("unsupported-format", _UNSUPPORTED_FAMILY[family])
    if family is None:
        raise ReadError("unsupported-format", "The file is an Office Open XML package, but not a Word or Excel document.")
    main_type = overrides.get(main or "", "")
    if not main_type:  # fall back to whichever main part the layout suggests
        main_type = overrides.get("word/document.xml" if family == "word" else "xl/workbook.xml", "")
    macro = "macroenabled" in main_type.lower() or any(n.endswith("vbaproject.bin") for n in names)
    if family == "word":
        return "docm" if macro else "docx"
    return "xlsm" if macro else "xlsx"


def _overrides(ct_xml: bytes) -> dict[str, str]:
    """PartName (lower-case, without the leading '/') -> content type, from [Content_Types].xml."""
    out: dict[str, str] = {}
    for tag in _OVERRIDE.findall(ct_xml):
        part, ctype = _PART_NAME.search(tag), _CONTENT_TYPE.search(tag)
        if part and ctype:
            out[_norm_part(part.group(1))] = ctype.group(1).decode("utf-8", "replace")
    return out


def _main_part(rels_xml: bytes, names: dict[str, zipfile.ZipInfo]) -> str | None:
    """The officeDocument relationship's target (transitional or strict), when it names a real entry."""
    for tag in _OFFICE_DOCUMENT_REL.findall(rels_xml):
        target = _TARGET.search(tag)
        if target:
            part = _norm_part(target.group(1))
            if part in names:
                return part
    return None


def _refuse_missing_main(rels_xml: bytes, overrides: dict[str, str]) -> None:
    """A Word or Excel package whose main part is missing is a damaged document, not another format:
    the package relationship or a content type still names a Word or Excel main part."""
    declared = [_norm_part(t.group(1)) for tag in _OFFICE_DOCUMENT_REL.findall(rels_xml) if (t := _TARGET.search(tag))]
    declared += [part for part, ctype in overrides.items() if ctype.lower().endswith(".main+xml")]
    for part in declared:
        family = _family(overrides.get(part, "")) or ("word" if part.startswith("word/") else
                                                       "excel" if part.startswith("xl/") else None)
        if family in ("word", "excel"):
            raise ReadError("corrupt", f"The file is damaged: its main document part ({part}) is missing.")


def _norm_part(raw: bytes) -> str:
    """A part name as the zip lists it: no leading slash, './' dropped, %-escapes left alone, lower case."""
    name = raw.decode("utf-8", "replace").strip().lstrip("/")
    while name.startswith("./"):
        name = name[2:]
    return name.lower()


def _family(content_type: str) -> str | None:
    ctype = content_type.lower()
    for marker, family in _FAMILIES:
        if marker in ctype:
            return family
    return None


def _family_from_layout(names: dict[str, zipfile.ZipInfo]) -> str | None:
    """Conventional part locations, for packages whose relationships or content types are incomplete."""
    if "word/document.xml" in names:
        return "word"
    if "xl/workbook.xml" in names:
        return "excel"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "ppt/presentation.xml" in names:
        return "powerpoint"
    return None


# --------------------------------------------------------------------------- XML prologs

# Byte patterns of the first four bytes -> the Python codec the XML is in (XML 1.0, appendix F).
_XML_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),  # EBCDIC '<?xm'
)
_XML_DECL = re.compile(r"""^<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_ENTITY_MESSAGE = "declares a DTD or XML entities (Office never writes them); refused"


def _check_xml_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse any part whose XML prolog holds a DOCTYPE: that is where entities (billion laughs,
    quadratic blowup, XXE) and external DTDs are declared, and Office never writes one.

    Only the prolog is read (it ends where the root element starts), decoded the way an XML parser
    would decode it, including an `encoding` declaration (so a DOCTYPE cannot hide in UTF-7 or
    UTF-16). The parsers are configured not to resolve entities or load DTDs anyway; this makes the
    refusal explicit and parser-independent. Parts that are not XML, or whose data cannot be
    unpacked (no parser could read them either), are left to the readers.
    """
    try:
        with zf.open(info) as fh:
            head = fh.read(4096)
            if not head:
                return
            encoding = _xml_encoding(head, info)
            if encoding is None:
                return
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            text = decoder.decode(head)
            consumed = len(head)
            while True:
                verdict = _scan_prolog(text)
                if verdict is not None:
                    if verdict == "doctype":
                        raise ReadError("corrupt", f"The file is damaged or hostile: part {_quote(info.filename)} {_ENTITY_MESSAGE}.")
                    return
                chunk = fh.read(16384)
                if not chunk:
                    return  # an unterminated prolog: the parser fails on it without expanding anything
                consumed += len(chunk)
                if consumed > PROLOG_LIMIT:
                    raise ReadError("corrupt", f"The file is damaged: part {_quote(info.filename)} has an XML prolog "
                                               f"longer than {_human(PROLOG_LIMIT)}.")
                text += decoder.decode(chunk)
    except ReadError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        return


def _xml_encoding(head: bytes, info: zipfile.ZipInfo) -> str | None:
    """The Python codec an XML parser would decode these bytes with, or None when they are not XML."""
    for magic, codec in _XML_SIGNATURES:
        if head.startswith(magic):
            if codec == "cp500":
                raise ReadError("corrupt", f"The file is damaged: part {_quote(info.filename)} is XML in an EBCDIC encoding.")
            return codec
    if not head.lstrip(b" \t\r\n").startswith(b"<"):
        return None  # images, vbaProject.bin and other binary parts
    declared = _XML_DECL.match(head.lstrip(b" \t\r\n")[:512].decode("latin-1"))
    if declared is None:
        return "utf-8"
    try:
        return codecs.lookup(declared.group(1)).name
    except LookupError:
        raise ReadError("corrupt", f"The file is damaged: part {_quote(info.filename)} declares the unknown "
                                   f"XML encoding {_quote(declared.group(1))}.") from None


def _scan_prolog(text: str) -> str | None:
    """'doctype' when the prolog declares one, 'ok' when the root element (or non-XML) starts first,
    None when more text is needed."""
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in " \t\r\n\ufeff":
            i += 1
        if i >= n:
            return None
        if text[i] != "<":
            return "ok"  # not a well-formed prolog; the parser will refuse it
        if n - i < 9:
            return None
        if text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end == -1:
                return None
            i = end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end == -1:
                return None
            i = end + 3
        elif text[i + 1] == "!":
            return "doctype" if text[i + 2 : i + 9].upper() == "DOCTYPE" else "ok"
        else:
            return "ok"
