"""Word (.docx/.docm) reader: one linear pass over the WordprocessingML XML into a `Document`.

The package (zip, content types, relationships, parts) is opened here and every part walked with
lxml directly; python-docx only lends its table of built-in style names (`BabelFish`). Its own
`paragraph.text` misses tracked insertions, its table API is quadratic, and its package loader
parses every part into its own element classes: real PM documents make all three costly.

What a document becomes (paragraph indexes, text boxes, layout tables, where headings are found)
is specified in docs/reading.md.

Speed: `_paragraph` with `_walk_inline` (paragraph content) and `_grid` (tables, cell by cell) are
the reference. Most paragraphs and tables hold nothing they need to take care of, and are read by
shorter paths that give the same result: `_plain_paragraph` for the usual paragraph (plain runs,
properties naming at most a style and the mark's formatting), `_plain_runs` for another paragraph
of plain runs, `_plain_table_texts` (one C-level scan of the table) for a table of plain cells.
Change them together with the reference; tests/test_docx_reader_paths.py compares them.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Callable, Iterable, Iterator, Literal

from docx.styles import BabelFish
from lxml import etree

from checker.core.errors import ReadError
from checker.core.location import Location
from checker.io.closing import closing_fields
from checker.io.cover import cover_fields
from checker.io.fields import fields_from_blocks
from checker.io.readers.ooxml_props import parse_core_properties, parse_custom_properties, safe_parser
from checker.lexicon.vocabulary import Vocabulary
from checker.model.document import Document
from checker.model.elements import Block, Cell, Comment, Grid, Properties
from checker.model.outline import (
    SENTENCE_END_MARKS,
    TYPED_HEADING_MAX,
    looks_like_heading_text,
    numbered_heading_level,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR, TC, R = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}r"
T, TAB, BR, CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
NO_BREAK_HYPHEN = f"{_W}noBreakHyphen"
SDT, SDT_CONTENT, CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
DEL, MOVE_FROM = f"{_W}del", f"{_W}moveFrom"
FLD_CHAR, FLD_CHAR_TYPE = f"{_W}fldChar", f"{_W}fldCharType"
DRAWING, PICT, OBJECT, TXBX = f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_W}txbxContent"
ALT, CHOICE, FALLBACK = f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"
PPR, RPR, TCPR, TRPR = f"{_W}pPr", f"{_W}rPr", f"{_W}tcPr", f"{_W}trPr"
PSTYLE, RSTYLE, OUTLINE, NUMPR = f"{_W}pStyle", f"{_W}rStyle", f"{_W}outlineLvl", f"{_W}numPr"
NUM_ID, ILVL, BOLD, BASED_ON, NAME = f"{_W}numId", f"{_W}ilvl", f"{_W}b", f"{_W}basedOn", f"{_W}name"
BODY = f"{_W}body"
GRID_SPAN, GRID_BEFORE, VMERGE, SECT_PR = f"{_W}gridSpan", f"{_W}gridBefore", f"{_W}vMerge", f"{_W}sectPr"
HEADER_REF, FOOTER_REF = f"{_W}headerReference", f"{_W}footerReference"
COMMENT_START, COMMENT_END = f"{_W}commentRangeStart", f"{_W}commentRangeEnd"
COMMENT_REF, COMMENT = f"{_W}commentReference", f"{_W}comment"
VAL, TYPE, ID, AUTHOR = f"{_W}val", f"{_W}type", f"{_W}id", f"{_W}author"
STYLE, STYLE_ID, DEFAULT = f"{_W}style", f"{_W}styleId", f"{_W}default"

# Elements whose content is never visible text of the paragraph they sit in.
_SKIP_INLINE = frozenset({PPR, RPR, DEL, MOVE_FROM})
_STORY_WRAPPERS = frozenset({SDT, CUSTOM_XML})
_OFF = frozenset({"0", "false", "off"})
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$")
_TITLE_NAMES = frozenset({"title", "标题"})
_LIST_NAMES = ("list", "列表", "列出段落")
_BARE_NUMBER = re.compile(r"^\s*\d{1,2}\s")
_TOC_STYLE = re.compile(r"^(?:toc|目录)", re.I)
_TOC_LINE = re.compile(r"\t\s*\d+\s*$")  # 'Scope<TAB>7': a table-of-contents entry
_SHORT_NUMBERED = 30
_HEADER_TYPES = {"default": 0, "first": 1, "even": 2}

_VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
# Main-part content types besides the .docx one: .docm, .dotx, .dotm.
_EXTRA_MAIN_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def read_docx(path: str, data: bytes, fmt: str, vocab: Vocabulary) -> Document:
    """Build the format-neutral Document from a .docx/.docm file's bytes (`vocab` finds its fields)."""
    package, main = _open_package(data)
    macros, external = _scan_package(package)
    styles = _Styles(_parse_part(package, package.related(main, "/styles")))
    anchors = _CommentAnchors()
    reader = _StoryReader(styles, source="body", part=None, anchors=anchors, headings="all")
    final_sect_pr = _read_body(package, main, reader)
    headers, footers = _read_headers_footers(package, main, reader.sect_prs + final_sect_pr, styles)
    doc = Document(
        path=path,
        format="docm" if fmt == "docm" else "docx",
        blocks=reader.blocks,
        headers=headers,
        footers=footers,
        properties=_read_properties(package),
        comments=_read_comments(_parse_part(package, package.related(main, "/comments")), styles, anchors),
        has_macros=macros,
        external_targets=external,
    )
    # Layout-table copies (text blocks located in a table) would repeat the grid's fields.
    field_blocks = [b for b in doc.blocks if b.location.table is None or b.kind == "table"]
    doc.fields = (fields_from_blocks(vocab, field_blocks) + fields_from_blocks(vocab, headers, "header")
                  + fields_from_blocks(vocab, footers, "footer"))
    doc.fields += cover_fields(vocab, doc.blocks, doc.fields)
    doc.fields += closing_fields(vocab, doc.blocks)
    return doc


# --------------------------------------------------------------------------------------------
# Package, parts, properties
#
# The package is opened here rather than with python-docx: python-docx parses every XML part
# (settings, theme, fonts, numbering...) into its own element classes, whose custom class lookup
# runs on every element the walk touches. We need a handful of parts, parsed once with a plain
# safe lxml parser. The OPC rules kept: part names resolved against the source part's folder,
# content types from overrides (case-insensitive) then extension defaults. A package without its
# main document part is corrupt; a relationship to any other missing part (a ribbon `customUI`
# part, a thumbnail, an image, even styles) is skipped, as Word opens such files.

_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MAIN_TYPES = frozenset(
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", *_EXTRA_MAIN_TYPES}
)


@dataclass(frozen=True)
class _Rel:
    rid: str
    reltype: str
    target_ref: str
    is_external: bool
    partname: str | None  # absolute part name ("/word/styles.xml") of an internal target


class _Package:
    """The zip, its content types and (lazily) each part's relationships."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.members = {name: name for name in self.zip.namelist()}
        self.parser = safe_parser()
        self._rels: dict[str, dict[str, _Rel]] = {}
        types = self.parse("/[Content_Types].xml")
        self.overrides = {
            (el.get("PartName") or "").lower(): el.get("ContentType") or "" for el in types.iterchildren(f"{_CT_NS}Override")
        }
        self.defaults = {
            (el.get("Extension") or "").lower(): el.get("ContentType") or "" for el in types.iterchildren(f"{_CT_NS}Default")
        }

    def blob(self, partname: str) -> bytes:
        return self.zip.read(partname[1:])  # KeyError for a missing part

    def parse(self, partname: str) -> etree._Element:
        return etree.fromstring(self.blob(partname), self.parser)

    def has(self, partname: str | None) -> bool:
        return partname is not None and partname[1:] in self.members

    def content_type(self, partname: str, default: str | None = None) -> str:
        """The part's content type; without one, `default`, else KeyError."""
        ct = self.overrides.get(partname.lower())
        if ct is None:
            ct = self.defaults.get(posixpath.splitext(partname)[1][1:].lower())
        if ct is None:
            if default is not None:
                return default
            raise KeyError(f"no content type for part {partname}")
        return ct

    def rels(self, source: str) -> dict[str, _Rel]:
        """Relationships of a part ("/word/document.xml") or of the package ("/")."""
        rels = self._rels.get(source)
        if rels is None:
            folder, name = posixpath.split(source)
            rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
            rels = {}
            if rels_name[1:] in self.members:
                for el in self.parse(rels_name).iterchildren(_PKG_RELS):
                    rid, target = el.get("Id") or "", el.get("Target") or ""
                    external = el.get("TargetMode") == "External"
                    partname = None if external else posixpath.normpath(posixpath.join(folder, target))
                    if partname is not None and partname.startswith("//"):
                        partname = partname[1:]
                    rels[rid] = _Rel(rid, el.get("Type") or "", target, external, partname)
            self._rels[source] = rels
        return rels

    def related(self, source: str, reltype_suffix: str) -> str | None:
        """The part name of the first internal relationship of the type, if any."""
        for rel in self.rels(source).values():
            if not rel.is_external and rel.reltype.endswith(reltype_suffix):
                return rel.partname
        return None


def _open_package(data: bytes) -> tuple[_Package, str]:
    """(package, main part name); anything broken is `ReadError("corrupt")`."""
    try:
        package = _Package(data)
        main = next(
            (r.partname for r in package.rels("/").values() if r.reltype == _RT_OFFICE_DOCUMENT and r.partname),
            None,
        )
        if main is None:
            raise ValueError("no main document part")
        content_type = package.content_type(main)
        if content_type not in _MAIN_TYPES:
            raise ValueError(f"main part has content type {content_type}")
        if not package.has(main):
            raise ValueError(f"there is no main document part {main}")
        return package, main
    except ReadError:
        raise
    except Exception as exc:  # zipfile, lxml and lookups raise many types for broken packages
        raise ReadError("corrupt", f"The Word document could not be opened: {exc}") from exc


_CHUNK = 1 << 16  # bytes of document.xml parsed at a time


def _read_body(package: _Package, main: str, reader: "_StoryReader") -> list[etree._Element]:
    """Read the main part's body into `reader` item by item as the part is parsed, dropping each
    item once read; return the body's own w:sectPr (as a list: none or one).

    The whole part's tree was four times the model: a 200,000-paragraph plan's 120 MB document.xml
    made a 900 MB tree. Parsed as a stream (a pull parser fed `_CHUNK` bytes at a time, the same
    safe settings as `safe_parser`), only the items being read are in memory. After each chunk,
    every child of the body but the last is complete (an element's next sibling starts only once it
    has ended): those are read, in order, as one pass over the whole body would, and dropped; the
    rest once the part is parsed. (No event per item: the parser reports the body's start only.)"""
    parser = etree.XMLPullParser(events=("start",), tag=BODY, resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False)
    body: etree._Element | None = None
    final: list[etree._Element] = []

    def flush(items: list[etree._Element]) -> None:
        del body[:len(items)]
        sect_pr = reader.read_children(items)
        if sect_pr is not None and not final:  # the body's own w:sectPr, kept alive by the reference
            final.append(sect_pr)

    with _opened_part(package, main) as stream:
        more = True
        while more:
            more = _fed(parser, stream)
            for _, el in parser.read_events():
                if body is None and _is_root_child(el):
                    body = el
            if body is not None and len(body) > 1:
                flush(body[:-1])
    if body is None:
        raise ReadError("corrupt", "The Word document has no body.")
    flush(body[:])
    return final


def _fed(parser: etree.XMLPullParser, stream: IO[bytes]) -> bool:
    """Feed the parser the stream's next chunk (False: the stream has ended, the parser is closed).
    A part that cannot be parsed (bad XML, a broken zip member) makes the document corrupt, as a
    whole-part parse did."""
    try:
        chunk = stream.read(_CHUNK)
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()
    except Exception as exc:  # lxml, zipfile and zlib raise many types for a broken part
        raise ReadError("corrupt", f"The Word document could not be opened: {exc}") from exc
    return bool(chunk)


def _is_root_child(el: etree._Element) -> bool:
    """The document's body is the root's child (`w:document/w:body`), as `root.find(body)` finds it."""
    parent = el.getparent()
    return parent is not None and parent.getparent() is None


@contextmanager
def _opened_part(package: _Package, partname: str) -> Iterator[IO[bytes]]:
    try:
        stream = package.zip.open(partname[1:])
    except Exception as exc:  # zipfile raises many types for a broken member
        raise ReadError("corrupt", f"The Word document could not be opened: {exc}") from exc
    with stream:
        yield stream


def _parse_part(package: _Package, partname: str | None) -> etree._Element | None:
    """A story or styles part's root (None when absent); unparseable XML makes the document corrupt."""
    if partname is None or partname[1:] not in package.members:
        return None
    try:
        return package.parse(partname)
    except Exception as exc:
        raise ReadError("corrupt", f"The Word document could not be opened: {exc}") from exc


def _read_properties(package: _Package) -> Properties:
    core = package.related("/", "/core-properties")
    props = parse_core_properties(package.blob(core) if package.has(core) else None)
    custom = package.related("/", "/custom-properties")
    if package.has(custom):
        props.custom = parse_custom_properties(package.blob(custom))
    return props


def _scan_package(package: _Package) -> tuple[bool, list[str]]:
    """(has a VBA project, external relationship targets other than hyperlinks), breadth first.

    Targets that are missing or have no content type are skipped (Word opens such packages)."""
    macros = False
    external: dict[str, None] = {}
    seen: set[str] = set()
    queue: deque[str] = deque(["/"])
    try:
        while queue:
            source = queue.popleft()
            for rel in package.rels(source).values():
                if rel.is_external:
                    if not rel.reltype.endswith("/hyperlink"):
                        external.setdefault(rel.target_ref, None)
                    continue
                target = rel.partname or ""
                if target in seen:
                    continue
                seen.add(target)
                if not package.has(target):
                    continue
                if target.lower() == "/word/vbaproject.bin" or package.content_type(target, "") == _VBA_CONTENT_TYPE:
                    macros = True
                queue.append(target)
    except Exception as exc:
        raise ReadError("corrupt", f"The Word document could not be opened: {exc}") from exc
    return macros, list(external)


# --------------------------------------------------------------------------------------------
# Styles


@dataclass(frozen=True)
class _StyleInfo:
    name: str | None = None  # UI name ("Heading 1"), as Word shows it
    heading_level: int | None = None  # from the name or an inherited outline level
    bold: bool | None = None
    num: tuple[str, int] | None = None  # (numId, ilvl) of style numbering
    is_list: bool = False
    is_toc: bool = False


_NO_STYLE = _StyleInfo()


class _Styles:
    """Resolved style properties (following w:basedOn), computed once per style id."""

    def __init__(self, root: etree._Element | None):
        self._raw: dict[str, etree._Element] = {}
        self._cache: dict[str, _StyleInfo] = {}
        self.plain: dict[str | None, _ParaInfo] = {}  # `styled_only`'s, by style id
        self.marked_bold: dict[str | None, _ParaInfo] = {}  # the same with a bold paragraph mark
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iterchildren(STYLE):
            sid = style.get(STYLE_ID)
            if sid is None:
                continue
            self._raw[sid] = style
            if style.get(TYPE) == "paragraph" and style.get(DEFAULT) in ("1", "true", "on"):
                self.default_paragraph = sid

    def get(self, sid: str | None) -> _StyleInfo:
        if sid is None:
            return _NO_STYLE
        info = self._cache.get(sid)
        if info is None:
            self._cache[sid] = _NO_STYLE  # cycle guard for broken basedOn chains
            info = self._cache[sid] = self._resolve(sid)
        return info

    def styled_only(self, sid: str | None, mark_bold: bool = False) -> _ParaInfo:
        """The `_ParaInfo` of a paragraph whose properties set nothing but its style (None or "":
        the default paragraph style) and, with `mark_bold`, a bold paragraph mark; one shared
        object per style, as most paragraphs are such."""
        infos = self.plain if not mark_bold else self.marked_bold
        info = infos.get(sid)
        if info is None:
            style = self.get(sid or self.default_paragraph)
            info = infos[sid] = _ParaInfo(style, style.heading_level, style.num, mark_bold, None)
        return info

    def _resolve(self, sid: str) -> _StyleInfo:
        style = self._raw.get(sid)
        if style is None:
            return _NO_STYLE
        base = self.get(_val(style.find(BASED_ON)))
        raw_name = _val(style.find(NAME)) or sid
        name = BabelFish.internal2ui(raw_name)
        ppr = style.find(PPR)
        rpr = style.find(RPR)
        level = _level_from_name(raw_name)
        if level is None:
            outline = ppr.find(OUTLINE) if ppr is not None else None
            level = _outline_level(outline) if outline is not None else base.heading_level
        bold = _on(rpr.find(BOLD)) if rpr is not None else None
        num = _numbering(ppr.find(NUMPR)) if ppr is not None and ppr.find(NUMPR) is not None else base.num
        lowered = raw_name.lower()
        return _StyleInfo(
            name=name,
            heading_level=level,
            bold=base.bold if bold is None else bold,
            num=num,
            is_list=lowered.startswith(_LIST_NAMES) or base.is_list,
            is_toc=bool(_TOC_STYLE.match(lowered)),
        )


def _val(el: etree._Element | None) -> str | None:
    return el.get(VAL) if el is not None else None


def _on(el: etree._Element | None) -> bool | None:
    """A WordprocessingML toggle (`<w:b/>`, `<w:b w:val="0"/>`); None when absent."""
    if el is None:
        return None
    return (el.get(VAL) or "1").lower() not in _OFF


def _level_from_name(raw_name: str) -> int | None:
    lowered = raw_name.strip().lower()
    if lowered in _TITLE_NAMES:
        return 1
    m = _HEADING_NAME.match(lowered)
    return int(m.group(1)) if m else None


def _outline_level(el: etree._Element) -> int | None:
    """w:outlineLvl 0..8 → heading level 1..9; 9 (body text) or garbage → None."""
    try:
        value = int(el.get(VAL, "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value <= 8 else None


def _numbering(num_pr: etree._Element) -> tuple[str, int] | None:
    """(numId, ilvl); numId 0 explicitly removes numbering."""
    num_id = _val(num_pr.find(NUM_ID))
    if num_id == "0":
        return None
    try:
        ilvl = int(_val(num_pr.find(ILVL)) or 0)
    except ValueError:
        ilvl = 0
    return (num_id or "", max(0, min(ilvl, 8)))


# --------------------------------------------------------------------------------------------
# Paragraph text


class _CommentAnchors:
    """Collects the text between commentRangeStart/End markers during the single body pass."""

    def __init__(self) -> None:
        self.where: Location | tuple[LocFactory, int, int] = Location()  # built on demand from the tuple
        self.open: dict[str, list[str]] = {}
        self.starts: dict[str, Location] = {}
        self.texts: dict[str, str] = {}

    def marker(self, el: etree._Element) -> None:
        """A commentRangeStart/End or commentReference met at the current location."""
        cid = el.get(ID)
        if cid is None:
            return
        where = self.where
        if where.__class__ is tuple:
            factory, r, c = where  # type: ignore[misc]
            where = self.where = factory(r, c, "")
        self.starts.setdefault(cid, where)  # type: ignore[arg-type]  # a reference alone still locates the comment
        if el.tag == COMMENT_START:
            self.open[cid] = []
        elif el.tag == COMMENT_END and cid in self.open:
            self.texts[cid] = "".join(self.open.pop(cid))

    def add(self, text: str) -> None:
        for buf in self.open.values():
            buf.append(text)

    def anchor_text(self, cid: str) -> str:
        text = self.texts.get(cid)
        if text is None:
            text = "".join(self.open.get(cid, ()))
        return text.strip()


class _Extracted:
    """A paragraph's visible text, whether all of it is bold, its text boxes and whether it shows a
    picture (a drawing, a VML shape, an embedded object)."""

    __slots__ = ("default_bold", "anchors", "pieces", "textboxes", "all_bold", "has_text", "open_fields",
                 "pictures")

    def __init__(self, default_bold: bool, anchors: _CommentAnchors | None):
        self.default_bold = default_bold
        self.anchors = anchors
        self.pieces: list[str] = []
        self.textboxes: list[etree._Element] = []
        self.all_bold = True
        self.has_text = False
        self.open_fields: list[bool] = []  # complex fields: True while in code
        self.pictures = False

    @property
    def text(self) -> str:
        pieces = self.pieces
        return pieces[0] if len(pieces) == 1 else "".join(pieces)

    @property
    def bold(self) -> bool:
        return self.has_text and self.all_bold

    def add(self, text: str) -> None:
        if text and not (self.open_fields and any(self.open_fields)):
            self.pieces.append(text)
            if self.anchors is not None and self.anchors.open:
                self.anchors.add(text)


class _Plain:
    """A plain paragraph's text (see `_plain_runs`). Whether it is all bold is worked out only when
    asked: only a paragraph that may be a typed heading needs it."""

    __slots__ = ("text", "runs", "styles", "default_bold")
    textboxes: tuple[etree._Element, ...] = ()
    pictures = False

    def __init__(self, text: str, runs: list[tuple[etree._Element | None, str]], styles: _Styles, default_bold: bool):
        self.text = text
        self.runs = runs
        self.styles = styles
        self.default_bold = default_bold

    @property
    def bold(self) -> bool:
        """As `_Extracted.bold`: some run has visible text, and every such run is bold."""
        has_text = False
        for rpr, text in self.runs:
            if text.strip():
                has_text = True
                if not _run_bold(rpr, self.styles, self.default_bold):
                    return False
        return has_text


def _extract(
    p: etree._Element, styles: _Styles, default_bold: bool, anchors: _CommentAnchors | None
) -> _Extracted | _Plain:
    runs: list[tuple[etree._Element | None, str]] = []
    if _plain_runs(p, runs):
        text = runs[0][1] if len(runs) == 1 else "".join([t for _, t in runs])
        if text and anchors is not None and anchors.open:
            anchors.add(text)
        return _Plain(text, runs, styles, default_bold)
    out = _Extracted(default_bold, anchors)
    _walk_inline(p, out, styles)
    return out


# What `_run` does with a run's child that `_plain_runs` cannot: fields, drawings, alternate
# content and comment references need the full walk.
_RUN_PIECES = {TAB: "\t", BR: "\n", CR: "\n", NO_BREAK_HYPHEN: "-"}
_RUN_WALK_ONLY = frozenset({FLD_CHAR, DRAWING, PICT, OBJECT, ALT, COMMENT_REF})
_INLINE_WALK_ONLY = frozenset({ALT, SDT, COMMENT_START, COMMENT_END})


def _plain_runs(el: etree._Element, runs: list[tuple[etree._Element | None, str]]) -> bool:
    """Collect (first w:rPr, text) of each run `_walk_inline` would read into `runs`; False when
    the paragraph holds something only the walk handles (fields, drawings, alternate content,
    content controls, comment markers), and the caller walks it instead.

    The same traversal as `_walk_inline` and `_run`, without the walk's bookkeeping: most
    paragraphs are a run or two of plain text, possibly in hyperlinks or tracked insertions.
    """
    for child in el:
        tag = child.tag
        if tag == R:
            read = _plain_run(child)
            if read is None:
                return False
            runs.append(read)
        elif tag in _SKIP_INLINE or not isinstance(tag, str):
            continue
        elif tag in _INLINE_WALK_ONLY:
            return False
        elif not _plain_runs(child, runs):
            return False
    return True


def _plain_run(run: etree._Element) -> tuple[etree._Element | None, str] | None:
    """(its first w:rPr, its text) of a run as `_run` reads it; None when it holds something only the
    walk handles (a field character, a drawing, a comment reference)."""
    rpr = None
    text = ""
    for item in run:
        itag = item.tag
        if itag == T:
            piece = item.text
            if piece:
                text += piece
        elif itag == RPR:
            if rpr is None:
                rpr = item
        elif itag in _RUN_PIECES:
            text += _RUN_PIECES[itag]
        elif itag in _RUN_WALK_ONLY:
            return None
    return rpr, text


def _walk_inline(el: etree._Element, out: _Extracted, styles: _Styles) -> None:
    """Paragraph content: runs wherever they sit (insertions, hyperlinks, controls, fldSimple...).
    (`_plain_runs` and `_plain_table_texts` read plain content the same way: keep them in step.)"""
    for child in el.iterchildren():
        tag = child.tag
        if tag == R:
            _run(child, out, styles)
        elif tag in _SKIP_INLINE or not isinstance(tag, str):
            continue
        elif tag in (COMMENT_START, COMMENT_END) and out.anchors is not None:
            out.anchors.marker(child)
        elif tag == ALT:
            chosen = child.find(CHOICE)
            if chosen is None:
                chosen = child.find(FALLBACK)
            if chosen is not None:
                _walk_inline(chosen, out, styles)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                _walk_inline(content, out, styles)
        else:
            _walk_inline(child, out, styles)


def _run(r: etree._Element, out: _Extracted, styles: _Styles) -> None:
    pieces = out.pieces
    before = len(pieces)
    rpr = None
    for child in r:
        tag = child.tag
        if tag == T:
            text = child.text
            if text:
                if out.open_fields or (out.anchors is not None and out.anchors.open):
                    out.add(text)
                else:
                    pieces.append(text)
        elif tag == TAB:
            out.add("\t")
        elif tag in (BR, CR):
            out.add("\n")
        elif tag == NO_BREAK_HYPHEN:
            out.add("-")
        elif tag == FLD_CHAR:
            _field_char(out, child.get(FLD_CHAR_TYPE))
        elif tag in (DRAWING, PICT, OBJECT):
            out.pictures = True
            out.textboxes.extend(_find_textboxes(child))
        elif tag == ALT:
            out.pictures = True
            out.textboxes.extend(_alternate_textboxes(child))
        elif tag == RPR:
            if rpr is None:
                rpr = child
        elif tag == COMMENT_REF and out.anchors is not None:
            out.anchors.marker(child)
    after = len(pieces)
    if after == before:
        return
    added = pieces[before] if after == before + 1 else "".join(pieces[before:])
    if added.strip():
        out.has_text = True
        if out.all_bold and not _run_bold(rpr, styles, out.default_bold):
            out.all_bold = False


def _field_char(out: _Extracted, kind: str | None) -> None:
    """Complex fields: hide the instruction part (begin..separate), keep the result."""
    if kind == "begin":
        out.open_fields.append(True)
    elif kind == "separate" and out.open_fields:
        out.open_fields[-1] = False
    elif kind == "end" and out.open_fields:
        out.open_fields.pop()


def _first_two(parent: etree._Element, a: str, b: str) -> tuple[etree._Element | None, etree._Element | None]:
    """The first child tagged `a` and the first tagged `b`: what two `find`s give, in one pass."""
    first_a = first_b = None
    for child in parent:
        tag = child.tag
        if tag == a:
            if first_a is None:
                first_a = child
        elif tag == b and first_b is None:
            first_b = child
    return first_a, first_b


def _run_bold(rpr: etree._Element | None, styles: _Styles, default: bool) -> bool:
    """Whether a run (its first w:rPr given) is bold: own toggle, character style, paragraph default."""
    if rpr is not None:
        bold, rstyle = _first_two(rpr, BOLD, RSTYLE)
        own = _on(bold)
        if own is not None:
            return own
        char_style = styles.get(_val(rstyle)).bold
        if char_style is not None:
            return char_style
    return default


def _find_textboxes(el: etree._Element) -> Iterator[etree._Element]:
    """Outermost w:txbxContent elements under a drawing (nested boxes are read with their box)."""
    for child in el.iterchildren():
        if child.tag == TXBX:
            yield child
        elif child.tag == ALT:
            yield from _alternate_textboxes(child)
        elif isinstance(child.tag, str):
            yield from _find_textboxes(child)


def _alternate_textboxes(alt: etree._Element) -> list[etree._Element]:
    """Text boxes of mc:AlternateContent: the Choice's, or the Fallback's when the Choice has no text."""
    choice = alt.find(CHOICE)
    boxes = list(_find_textboxes(choice)) if choice is not None else []
    if any(_has_text(box) for box in boxes):
        return boxes
    fallback = alt.find(FALLBACK)
    return list(_find_textboxes(fallback)) if fallback is not None else boxes


def _has_text(el: etree._Element) -> bool:
    return any((t.text or "").strip() for t in el.iter(T))


# --------------------------------------------------------------------------------------------
# Stories: body, header/footer parts, text boxes, table cells


_STORY_ITEMS = frozenset({P, TBL, COMMENT_START, COMMENT_END})


def _story_items(container: etree._Element) -> list[etree._Element]:
    """Block-level children in order: paragraphs, tables and comment markers, unwrapping
    content controls and custom XML. (A list rather than a generator: most containers are a
    table cell holding one paragraph, for which the generator costs more.)"""
    return _cell_parts(container)[1]


def _cell_parts(container: etree._Element) -> tuple[etree._Element | None, list[etree._Element]]:
    """(first w:tcPr child, `_story_items`) of a table cell, in one pass over its children."""
    tcpr = None
    items: list[etree._Element] = []
    for child in container:
        tag = child.tag
        if tag in _STORY_ITEMS:
            items.append(child)
        elif tag == TCPR:
            if tcpr is None:
                tcpr = child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                items.extend(_story_items(content))
        elif tag == CUSTOM_XML:
            items.extend(_story_items(child))
    return tcpr, items


def _wrapped(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Children with `tag`, also inside content controls and custom XML wrapping them."""
    out: list[etree._Element] = []
    for child in parent:
        ctag = child.tag
        if ctag == tag:
            out.append(child)
        elif ctag in _STORY_WRAPPERS:
            content = child.find(SDT_CONTENT) if ctag == SDT else child
            if content is not None:
                out.extend(_wrapped(content, tag))
    return out


def _rows(tbl: etree._Element) -> list[etree._Element]:
    return _wrapped(tbl, TR)


def _cells(tr: etree._Element) -> list[etree._Element]:
    return _wrapped(tr, TC)


def _row_parts(tr: etree._Element) -> tuple[int, list[etree._Element]]:
    """(w:gridBefore, cells) of a table row, in one pass over its children."""
    trpr = None
    cells: list[etree._Element] = []
    for child in tr:
        tag = child.tag
        if tag == TC:
            cells.append(child)
        elif tag == TRPR:
            if trpr is None:
                trpr = child
        elif tag in _STORY_WRAPPERS:
            content = child.find(SDT_CONTENT) if tag == SDT else child
            if content is not None:
                cells.extend(_wrapped(content, TC))
    return (_int_val(trpr, GRID_BEFORE, 0) if trpr is not None else 0), cells


def body_elements(body: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The body's paragraphs and tables, in the order the contract's `paragraph` and `table` indexes
    count them (the walk `read_docx` numbers them by): for writing findings back into a copy."""
    paragraphs: list[etree._Element] = []
    tables: list[etree._Element] = []
    for item in _story_items(body):
        if item.tag == P:
            paragraphs.append(item)
        elif item.tag == TBL:
            tables.append(item)
    return paragraphs, tables


def table_cell(tbl: etree._Element, row: int, col: int) -> etree._Element | None:
    """The `w:tc` covering grid cell (row, col) of a table, as the contract's `row`/`col` count them
    (spans and w:gridBefore expanded); None when the table has no such cell."""
    rows = _rows(tbl)
    if not 0 <= row < len(rows):
        return None
    c0, cells = _row_parts(rows[row])
    for tc in cells:
        span = _cell_props(_cell_parts(tc)[0])[0]
        if c0 <= col < c0 + span:
            return tc
        c0 += span
    return None


def _cell_props(tcpr: etree._Element | None) -> tuple[int, etree._Element | None]:
    """(w:gridSpan ≥ 1, w:vMerge element or None) of a cell, in one pass over its w:tcPr."""
    if tcpr is None:
        return 1, None
    span, vmerge = _first_two(tcpr, GRID_SPAN, VMERGE)
    return (max(1, _int(span, 1)) if span is not None else 1), vmerge


# What makes a table need `_grid`'s cell by cell reading: merged, spanned or skipped grid cells,
# nested tables, content controls, custom XML, comment markers, and inline content only
# `_walk_inline` reads (fields, drawings and text boxes, alternate content) or skips (deletions).
_TABLE_WALK_ONLY = (TBL, SDT, CUSTOM_XML, GRID_SPAN, VMERGE, GRID_BEFORE, COMMENT_START, COMMENT_END, COMMENT_REF,
                    FLD_CHAR, DRAWING, PICT, OBJECT, ALT, DEL, MOVE_FROM)
_TABLE_SCAN = (T, R, P, TC, TR, TAB, BR, CR, NO_BREAK_HYPHEN, *_TABLE_WALK_ONLY)
_NOT_RUN_HOLDERS = frozenset({PPR, RPR, R})


def _plain_table_texts(tbl: etree._Element) -> list[list[str]] | None:
    """Each row's cell texts, as `_grid` would read them, for a table without anything in
    `_TABLE_WALK_ONLY`; None for any other table.

    A typical table is rows of one-paragraph cells of plain runs: one C-level `iter` over the table
    yields its rows, cells, paragraphs, runs and text elements in document order, instead of
    visiting each cell and paragraph in Python. Anything out of place (a run outside its
    paragraph, a cell outside its row) sends the table to `_grid`'s general path too.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    lines: list[str] = []  # the current cell's paragraph texts
    pieces: list[str] = []  # the current paragraph's text
    tr = tc = p = run = None
    for el in tbl.iter(_TABLE_SCAN):
        tag = el.tag
        if tag == T:
            if el.getparent() is run:  # a run's own text (as `_run` reads it), nothing else
                text = el.text
                if text:
                    pieces.append(text)
        elif tag == R:
            parent = el.getparent()
            while parent is not p:  # in the paragraph, maybe inside a hyperlink or an insertion
                if parent is None or parent.tag in _NOT_RUN_HOLDERS:
                    return None
                parent = parent.getparent()
            run = el
        elif tag == P:
            if el.getparent() is not tc:
                return None
            if p is not None:
                lines.append("".join(pieces))
            pieces, p, run = [], el, None
        elif tag == TC:
            if el.getparent() is not tr:
                return None
            if tc is not None:
                row.append(_joined_lines(lines, pieces, p))
            lines, pieces, tc, p, run = [], [], el, None, None
        elif tag == TR:
            if el.getparent() is not tbl:
                return None
            if tc is not None:
                row.append(_joined_lines(lines, pieces, p))
            row, tr, tc, p, run = [], el, None, None, None
            rows.append(row)
        elif tag in _RUN_PIECES:
            if el.getparent() is run:
                pieces.append(_RUN_PIECES[tag])
        elif el is not tbl:
            return None
    if tc is not None:
        row.append(_joined_lines(lines, pieces, p))
    return rows


def _joined_lines(lines: list[str], pieces: list[str], p: etree._Element | None) -> str:
    """A cell's text from its earlier paragraphs' texts and the pieces of its last paragraph
    (`p`, None when the cell has none): the non-blank ones, one per line, as `_cell_text`."""
    if p is not None:
        lines.append("".join(pieces))
    if len(lines) == 1:
        return lines[0] if lines[0].strip() else ""
    return "\n".join([line for line in lines if line.strip()])


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """`el.find(tag)` for a plain Clark tag, without ElementPath (properties come first)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _int_val(parent: etree._Element | None, tag: str, default: int) -> int:
    return _int(_child(parent, tag) if parent is not None else None, default)


def _int(el: etree._Element | None, default: int) -> int:
    """An element's integer w:val; `default` when absent or not a number."""
    try:
        return int(_val(el) or default)
    except ValueError:
        return default


@dataclass(frozen=True)
class _ParaInfo:
    """What a paragraph's properties say, resolved against its style."""

    style: _StyleInfo
    heading_level: int | None
    num: tuple[str, int] | None
    mark_bold: bool
    sect_pr: etree._Element | None
    body_text: bool = False  # explicit w:outlineLvl 9: the author said "not a heading"


_PLAIN = _ParaInfo(_NO_STYLE, None, None, False, None)
# Which headings a story may have: all (body), styled only (text boxes), none (headers, footers).
HeadingMode = Literal["all", "style", "none"]
_PPR_WANTED = frozenset({PSTYLE, OUTLINE, NUMPR, RPR, SECT_PR})


def _para_info(p: etree._Element, styles: _Styles) -> _ParaInfo:
    ppr = _child(p, PPR)
    if ppr is None:
        return styles.styled_only(None)
    found: dict[str, etree._Element] = {}
    for child in ppr:  # one pass instead of a find per property (first occurrence wins, as find)
        tag = child.tag
        if tag in _PPR_WANTED and tag not in found:
            found[tag] = child
    if not found or (len(found) == 1 and PSTYLE in found):
        return styles.styled_only(_val(found.get(PSTYLE)))
    style = styles.get(_val(found.get(PSTYLE)) or styles.default_paragraph)
    outline = found.get(OUTLINE)
    level = _outline_level(outline) if outline is not None else style.heading_level
    num_pr = found.get(NUMPR)
    num = _numbering(num_pr) if num_pr is not None else style.num
    rpr = found.get(RPR)
    mark_bold = bool(_on(_child(rpr, BOLD))) if rpr is not None else False
    body_text = outline is not None and level is None
    return _ParaInfo(style, level, num, mark_bold, found.get(SECT_PR), body_text)


def _may_be_typed_heading(text: str, info: _ParaInfo) -> bool:
    """Heading-like text outside a table of contents and not explicitly marked as body text."""
    if info.body_text or info.style.is_toc:
        return False
    return looks_like_heading_text(text) and not _TOC_LINE.search(text)  # the length test first: cheaper


LocFactory = Callable[[int, int, str], Location]


def _at_paragraph(index: int, _col: int, _text: str) -> Location:
    """A comment marker's location in body paragraph `index` (a `LocFactory` for `_CommentAnchors`)."""
    return Location(paragraph=index)


def _relocated(loc: Location, heading: str | None, text: str | None) -> Location:
    """`loc` with its heading and text replaced."""
    return Location(loc.paragraph, loc.table, loc.row, loc.col, heading, text, loc.part, loc.sheet, loc.cell)


class _StoryReader:
    """Turns one story (the body, or one header/footer part) into blocks, keeping the counters
    (paragraph index, table index) and the heading context the contract locations need."""

    def __init__(
        self,
        styles: _Styles,
        source: Literal["body", "header", "footer"],
        part: Literal["header", "footer"] | None,
        anchors: _CommentAnchors | None = None,
        headings: HeadingMode = "none",
    ):
        self.styles = styles
        self.source = source
        self.part = part
        self.anchors = anchors
        self.headings = headings
        self.blocks: list[Block] = []
        self.sect_prs: list[etree._Element] = []
        self.paragraphs = 0
        self.tables = 0
        self.heading: str | None = None
        self.context_level = 0  # level of the last styled or numbered heading

    def read(self, container: etree._Element) -> None:
        self.read_children(container)

    def read_children(self, children: Iterable[etree._Element]) -> etree._Element | None:
        """A story's children in order: its paragraphs, tables and comment markers, those in content
        controls and custom XML too (the items of `_story_items`, read as they come); returns the
        first w:sectPr among the children themselves (None: none)."""
        sect_pr = None
        plain = self._plain_paragraph
        for child in children:
            tag = child.tag
            if tag == P:
                if not plain(child):
                    self._paragraph(child)
            elif tag == TBL:
                self._table(child)
            elif tag in _STORY_ITEMS:  # a comment range's start or end
                if self.anchors is not None:
                    self._anchor_marker(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.read_children(content)
            elif tag == CUSTOM_XML:
                self.read_children(child)
            elif tag == SECT_PR and sect_pr is None:
                sect_pr = child
        return sect_pr

    def _anchor_marker(self, el: etree._Element) -> None:
        self.anchors.where = Location(paragraph=self.paragraphs)
        self.anchors.marker(el)

    # -- paragraphs ------------------------------------------------------------------------

    def _paragraph(self, p: etree._Element) -> None:
        index = self.paragraphs
        self.paragraphs += 1
        anchors = self.anchors
        if anchors is not None:
            anchors.where = (_at_paragraph, index, 0)
            if anchors.open:
                anchors.add("\n")
        info = _para_info(p, self.styles)
        if info.sect_pr is not None:
            self.sect_prs.append(info.sect_pr)
        ext = _extract(p, self.styles, self._default_bold(info), anchors)
        self._emit_text(ext.text, info, ext, None, index, self.source, self.headings)
        if ext.pictures and not ext.text.strip() and not ext.textboxes:
            # A picture on its own line (an organisation chart, a diagram): content, though no text
            # (a drawn text box is read as its text instead).
            loc = Location(index, None, None, None, self.heading, "", self.part)
            self.blocks.append(Block("figure", "", loc, index, None, info.style.name, None, self.source))  # type: ignore[arg-type]
        if ext.textboxes:
            self._textboxes(ext.textboxes, Location(paragraph=index, part=self.part), index)

    def _plain_paragraph(self, p: etree._Element) -> bool:
        """Read the usual paragraph as `_paragraph` would, for less; False (nothing read) for any
        other, which `_paragraph` reads instead.

        The usual paragraph is runs of plain text (what `_plain_runs` reads: text, tabs, breaks;
        no fields, drawings or comment references) right under it, its properties (if any) naming
        at most its style and its mark's formatting (`_Styles.styled_only`), read while no comment
        range is open: its block
        is all there is to it (no section properties, picture, text box or comment text). The same
        block as `_paragraph`'s, built without its per-paragraph objects and calls; whether the
        text is bold is asked only of a short line (`_classify`). (The comment anchors' `where` is
        not set: it is set again before any marker is read.) tests/test_docx_reader_paths.py reads
        paragraphs of many shapes both ways.
        """
        anchors = self.anchors
        if anchors is not None and anchors.open:
            return False
        sid = None
        mark = None  # the paragraph mark's run properties
        has_props = False
        runs: list[tuple[etree._Element | None, str]] = []
        for child in p:
            tag = child.tag
            if tag == R:
                if len(child) == 1:  # one text: most runs
                    item = child[0]
                    if item.tag == T:
                        runs.append((None, item.text or ""))
                        continue
                read = _plain_run(child)
                if read is None:
                    return False
                runs.append(read)
            elif tag == PPR and not has_props:
                has_props = True
                for prop in child:
                    ptag = prop.tag
                    if ptag in _PPR_WANTED:
                        if ptag == PSTYLE and sid is None:
                            sid = prop.get(VAL) or ""
                        elif ptag == RPR and mark is None:
                            mark = prop
                        else:
                            return False
            else:
                return False
        index = self.paragraphs
        self.paragraphs += 1
        if not runs:
            return True
        text = runs[0][1] if len(runs) == 1 else "".join([t for _, t in runs])
        stripped = text.strip()
        if not stripped:
            return True
        styles = self.styles
        if mark is not None and _on(_child(mark, BOLD)):
            info = styles.styled_only(sid, mark_bold=True)
        else:
            info = styles.plain.get(sid) or styles.styled_only(sid)
        # As `_classify`; the typed heading's test (`_may_be_typed_heading`) after the cheap ones it
        # starts with (a heading is short and ends no sentence).
        headings = self.headings
        level = info.heading_level
        if level is not None and headings != "none":
            kind = "heading"
            self.context_level = level
        else:
            num = info.num
            is_list = num is not None or info.style.is_list
            if (headings == "all" and len(stripped) <= TYPED_HEADING_MAX and stripped[-1] not in SENTENCE_END_MARKS
                    and _may_be_typed_heading(text, info)
                    and (level := self._typed_heading_level(
                        text, info, _Plain(text, runs, styles, self._default_bold(info)).bold, is_list)) is not None):
                kind = "heading"
            elif is_list:
                kind, level = "list_item", (num[1] if num else 0) + 1
            else:
                kind, level = "paragraph", None
        loc = Location(index, None, None, None, self.heading, text, self.part)
        self.blocks.append(Block(kind, text, loc, index, level, info.style.name, None, self.source))  # type: ignore[arg-type]
        if kind == "heading":
            self.heading = stripped
        return True

    def _default_bold(self, info: _ParaInfo) -> bool:
        return bool(info.style.bold) or info.mark_bold

    def _emit_text(
        self,
        text: str,
        info: _ParaInfo,
        ext: _Extracted | _Plain | None,
        location: Location | None,
        index: int,
        source: str,
        headings: HeadingMode,
    ) -> None:
        """A block for non-blank text at `location` (None: paragraph `index` of this story). `ext`
        (None: never bold) says whether the text is all bold, asked only when that matters."""
        if not text.strip():
            return
        kind, level = self._classify(text, info, ext, headings)
        if location is None:
            loc = Location(index, None, None, None, self.heading, text, self.part)
        else:
            loc = _relocated(location, self.heading, text)
        self.blocks.append(Block(kind, text, loc, index, level, info.style.name, None, source))  # type: ignore[arg-type]
        if kind == "heading":
            self.heading = text.strip()

    def _classify(
        self, text: str, info: _ParaInfo, ext: _Extracted | _Plain | None, headings: HeadingMode
    ) -> tuple[str, int | None]:
        if info.heading_level is not None and headings != "none":
            self.context_level = info.heading_level
            return "heading", info.heading_level
        is_list = info.num is not None or info.style.is_list
        if headings == "all" and _may_be_typed_heading(text, info):
            level = self._typed_heading_level(text, info, ext is not None and ext.bold, is_list)
            if level is not None:
                return "heading", level
        if is_list:
            return "list_item", (info.num[1] if info.num else 0) + 1
        return "paragraph", None

    def _typed_heading_level(self, text: str, info: _ParaInfo, bold: bool, is_list: bool) -> int | None:
        """Headings typed without a heading style: bold short lines and outline-numbered lines."""
        if bold and info.num is not None:
            self.context_level = info.num[1] + 1
            return self.context_level
        if not (bold or self._short_numbered(text, is_list)):
            return None
        numbered = numbered_heading_level(text)
        if numbered is not None:
            self.context_level = numbered
            return numbered
        if bold:
            return min(self.context_level + 1, 9)
        return None

    @staticmethod
    def _short_numbered(text: str, is_list: bool) -> bool:
        """'3. Budget' not in bold still reads as a heading; '10 days' and list lines do not."""
        return not is_list and len(text.strip()) <= _SHORT_NUMBERED and not _BARE_NUMBER.match(text)

    def _textboxes(self, boxes: list[etree._Element], location: Location, index: int) -> None:
        source = "textbox" if self.source == "body" else self.source
        for box in boxes:
            for text, info, inner in self._textbox_paragraphs(box):
                self._emit_text(text, info, None, location, index, source, "style" if self.headings == "all" else "none")
                self._textboxes(inner, location, index)

    def _textbox_paragraphs(self, box: etree._Element) -> Iterator[tuple[str, _ParaInfo, list[etree._Element]]]:
        """(text, info, nested text boxes) per text-box paragraph; a table in a box yields one
        entry per cell."""
        for item in _story_items(box):
            if item.tag == P:
                info = _para_info(item, self.styles)
                ext = _extract(item, self.styles, False, None)
                yield ext.text, info, ext.textboxes
            elif item.tag == TBL:
                for tr in _rows(item):
                    for tc in _cells(tr):
                        yield self._cell_text(_story_items(tc), None), _PLAIN, []

    # -- tables ----------------------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> None:
        index = self.tables
        self.tables += 1
        heading, part = self.heading, self.part

        def cell_location(r: int, c: int, text: str) -> Location:
            return Location(None, index, r, c, heading, text, part)

        grid = self._grid(tbl, cell_location, self.anchors, Location(table=index, heading=heading, part=part))
        self.blocks.append(Block("table", "", grid.location, index, source=self.source, grid=grid))  # type: ignore[arg-type]
        if self.source == "body" and grid.width == 1:
            self._layout_table(tbl, index)

    def _grid(
        self, tbl: etree._Element, loc: LocFactory, anchors: _CommentAnchors | None, location: Location
    ) -> Grid:
        """One pass over rows and cells, expanding gridSpan and vMerge into covered copies."""
        texts = _plain_table_texts(tbl) if anchors is None or not anchors.open else None
        if texts is not None:
            rows = [[Cell(text, r, c, loc(r, c, text), None, None, False) for c, text in enumerate(row)]
                    for r, row in enumerate(texts)]
            return Grid(rows=rows, location=location, heading=self.heading)
        rows = []
        above: dict[int, Cell] = {}  # grid column -> the cell a vMerge continuation copies
        for r, tr in enumerate(_rows(tbl)):
            before, cells = _row_parts(tr)
            row: list[Cell] = [Cell("", r, c, loc(r, c, "")) for c in range(before)]
            for tc in cells:
                self._add_cell(row, r, tc, loc, above, anchors)
            rows.append(row)
        return Grid(rows=rows, location=location, heading=self.heading)

    def _add_cell(
        self,
        row: list[Cell],
        r: int,
        tc: etree._Element,
        loc: LocFactory,
        above: dict[int, Cell],
        anchors: _CommentAnchors | None,
    ) -> None:
        tcpr, items = _cell_parts(tc)
        span, vmerge = _cell_props(tcpr)
        c0 = len(row)
        origin = above.get(c0) if vmerge is not None and vmerge.get(VAL, "continue") == "continue" else None
        if origin is not None:
            text, merged = origin.text, True
        else:
            if anchors is not None:
                anchors.where = (loc, r, c0)
            text, merged = self._cell_text(items, anchors), False
        first = Cell(text, r, c0, loc(r, c0, text), None, None, merged)
        row.append(first)
        if span > 1:
            row.extend([Cell(text, r, c, loc(r, c, text), None, None, True) for c in range(c0 + 1, c0 + span)])
        if vmerge is None:
            if above:
                for c in range(c0, c0 + span):
                    above.pop(c, None)
        elif origin is None:
            for c in range(c0, c0 + span):
                above[c] = first

    def _cell_text(self, items: list[etree._Element], anchors: _CommentAnchors | None) -> str:
        """A cell's non-blank paragraphs, text boxes and nested tables, one per line (`items`:
        the cell's `_story_items`)."""
        lines: list[str] = []
        for item in items:
            if item.tag == P:
                if anchors is not None and anchors.open:
                    anchors.add("\n")
                ext = _extract(item, self.styles, False, anchors)
                lines.append(ext.text)
                if ext.textboxes:
                    lines.extend(text for box in ext.textboxes for text, _, _ in self._textbox_paragraphs(box))
            elif item.tag == TBL:
                lines.append(self._nested_table_text(item, anchors))
            elif anchors is not None:
                anchors.marker(item)
        if len(lines) == 1:  # the usual cell: one paragraph
            return lines[0] if lines[0].strip() else ""
        return "\n".join([line for line in lines if line.strip()])

    def _nested_table_text(self, tbl: etree._Element, anchors: _CommentAnchors | None) -> str:
        """A nested table flattened: cells tab-separated, rows on their own lines."""
        rows = ("\t".join(self._cell_text(_story_items(tc), anchors) for tc in _cells(tr)) for tr in _rows(tbl))
        return "\n".join(row for row in rows if row.strip())

    def _layout_table(self, tbl: etree._Element, index: int) -> None:
        """Re-emit a one-column table's content as blocks so the outline sees it (see module doc)."""
        for r, tr in enumerate(_rows(tbl)):
            for tc in _cells(tr):
                tcpr = tc.find(TCPR)
                vmerge = tcpr.find(VMERGE) if tcpr is not None else None
                if vmerge is not None and vmerge.get(VAL, "continue") == "continue":
                    continue
                self._layout_cell(tc, index, r)

    def _layout_cell(self, tc: etree._Element, index: int, r: int) -> None:
        location = Location(table=index, row=r, col=0, part=self.part)
        for item in _story_items(tc):
            if item.tag == P:
                info = _para_info(item, self.styles)
                ext = _extract(item, self.styles, self._default_bold(info), None)
                self._emit_text(ext.text, info, ext, location, index, self.source, self.headings)
                self._textboxes(ext.textboxes, location, index)
            elif item.tag == TBL:
                heading = self.heading

                def nested_location(_r: int, _c: int, text: str) -> Location:
                    return _relocated(location, heading, text)

                grid = self._grid(item, nested_location, None, _relocated(location, heading, None))
                self.blocks.append(Block("table", "", grid.location, index, source=self.source, grid=grid))  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Headers, footers, comments


def _read_headers_footers(
    package: _Package, main: str, sect_prs: list[etree._Element], styles: _Styles
) -> tuple[list[Block], list[Block]]:
    """Every distinct header and footer part once, in section order (default, first, even)."""
    out: dict[str, list[Block]] = {"header": [], "footer": []}
    seen: set[str] = set()
    rels = package.rels(main)
    for sect_pr in sect_prs:
        refs = [ref for ref in sect_pr.iterchildren(HEADER_REF, FOOTER_REF)]
        refs.sort(key=lambda ref: (ref.tag != HEADER_REF, _HEADER_TYPES.get(ref.get(TYPE) or "default", 3)))
        for ref in refs:
            rel = rels.get(ref.get(_R_ID) or "")
            if rel is None or rel.partname is None or rel.partname in seen:
                continue
            seen.add(rel.partname)
            root = _parse_part(package, rel.partname)
            if root is None:
                continue
            kind: Literal["header", "footer"] = "header" if ref.tag == HEADER_REF else "footer"
            reader = _StoryReader(styles, source=kind, part=kind)
            reader.read(root)
            out[kind].extend(reader.blocks)
    return out["header"], out["footer"]


def _read_comments(root: etree._Element | None, styles: _Styles, anchors: _CommentAnchors) -> list[Comment]:
    if root is None:
        return []
    comments: list[Comment] = []
    for el in root.iterchildren(COMMENT):
        cid = el.get(ID) or ""
        text = "\n".join(
            t for t in (_extract(p, styles, False, None).text for p in el.iter(P)) if t.strip()
        ).strip()
        anchor = anchors.anchor_text(cid)
        start = anchors.starts.get(cid, Location(paragraph=0))
        location = Location(start.paragraph, start.table, start.row, start.col, start.heading, anchor or text,
                            "comments", start.sheet, start.cell)
        comments.append(Comment(el.get(AUTHOR) or "", text, anchor, location))
    return comments
