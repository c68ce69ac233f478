"""Excel reader: an .xlsx/.xlsm package to the format-neutral `Document`.

Why not openpyxl: its full mode keeps a styled object per cell (too much memory for a 200,000-row
register) and reading formulas *and* cached values needs two loads. So the package parts are parsed
here directly: the small parts (workbook, relationships, shared strings, styles, comments) whole,
each worksheet streamed row by row with `lxml.etree.iterparse`, clearing rows as they are consumed.
openpyxl is used only for its utilities (column letters, ranges, date formats, formula translation).
Every XML part is parsed without entities, DTDs or network access.

What each sheet becomes (grid, display text, shared formulas, header, records, role, fields, blocks,
validations, notes) and the `MAX_CELLS` limit are specified in docs/reading.md.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any, Iterable

from lxml import etree
from openpyxl.formula.translate import Translator
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from checker.core.errors import ReadError
from checker.core.gc_pause import cyclic_gc_paused
from checker.core.location import Location
from checker.io.fields import fields_from_grid, footer_fields
from checker.io.readers.ooxml_props import parse_core_properties, parse_custom_properties
from checker.io.tables import SEQUENCE, is_data_row
from checker.lexicon.files import words
from checker.lexicon.matchers import register_columns
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.document import Document
from checker.model.elements import Block, Cell, Grid, Properties, Record, Sheet, SheetFrame, SheetRow
from checker.model.outline import looks_like_heading_text, numbered_heading_level
from checker.text.money import names_currency
from checker.text.normalize import norm_label

MAX_CELLS = 5_000_000
LAZY_ROWS_MIN_CELLS = 1_000_000  # a sheet this big keeps compact rows (`SheetRow`) whose cells are built on read
HEADER_SCAN_ROWS = 15
MIN_HEADER_HITS = 2
_COVER_WORDS = ("cover", "封面", "document control", "文档控制", "文档信息", "document information")
MAX_LOOKUP_FIELD_ROWS = 200  # a cover or legend sheet is small; a big lookup table holds no doc control
MIN_FORM_FIELDS = 3

_MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
_XM = "http://schemas.microsoft.com/office/excel/2006/main"
_DEFAULT_WORKBOOK = "xl/workbook.xml"

# Column letters <-> 1-based indexes, precomputed: the hot loop resolves one per cell.
_COL_INDEX = {get_column_letter(i): i for i in range(1, 16385)}
_COL_LETTER = [""] + [get_column_letter(i) for i in range(1, 16385)]
_DIGITS = "0123456789"
_SST_WHOLE_MAX = 4 << 20  # shared-strings parts up to this size (uncompressed) are parsed whole, larger ones streamed
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# East-Asian locale built-in date formats that openpyxl's BUILTIN_FORMATS does not list
# (Chinese workbooks use 31, 57 and 58 for 年/月/日 dates without declaring them).
_EAST_ASIAN_DATE_IDS = frozenset(range(27, 37)) | frozenset(range(50, 59))
_ID_KEYS = re.compile(r"(^|_)(id|no|seq|number|index)$")
# Sheet names of lookup/instruction sheets: words that mark one anywhere in the name, and short
# words that do only as the whole name ('说明书' is a statement, 'Risk List' a register).
_LOOKUP_WORDS = ("lookup", "legend", "instruction", "readme", "read me", "dropdown", "drop-down",
                 "字典", "下拉", "数据源", "参数表", "图例", "填写说明", "使用说明")
_LOOKUP_EXACT = ("说明", "选项", "list", "lists", "ref", "refs", "reference", "options", "values", "scales")
_DATE = "date"  # the number style of a date/time format
# A number format's currency: '[$€-407]', '[$USD]' (a locale tag alone, '[$-409]', is no currency); or
# a literal: a quoted string, an escaped character, or a sign written bare ("$", \€, $).
_FORMAT_CURRENCY = re.compile(r"\[\$([^\]\-]*)(?:-[0-9A-Fa-f]+)?\]")
_FORMAT_BRACKETS = re.compile(r"\[[^\]]*\]")
_FORMAT_LITERAL = re.compile(r'"([^"]*)"|\\(.)|([^\s0#?,.%Ee+\-_*()"\\@/:;]+)')
_READ_ERRORS = (etree.XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile)


def read_xlsx(path: str, data: bytes, fmt: str, vocab: Vocabulary) -> Document:
    """Build the Document of an .xlsx/.xlsm workbook given as bytes (already vetted as a safe zip)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("corrupt", f"the workbook is not a readable zip package: {exc}") from None
    with zf, cyclic_gc_paused():  # millions of cells, no cycles: see checker.core.gc_pause
        book = _read_workbook(zf)
        strings = _read_shared_strings(zf, book.parts.get("sharedStrings"), book.ns)
        number_styles = _read_number_styles(zf, book.parts.get("styles"), book.ns)
        epoch = CALENDAR_MAC_1904 if book.date1904 else CALENDAR_WINDOWS_1900
        budget = _CellBudget()
        loaded = [_load_sheet(zf, info, book, strings, number_styles, epoch, budget) for info in book.sheets]
        _resolve_validations(loaded, book)
        doc = Document(
            path=path,
            format=fmt,  # type: ignore[arg-type]
            sheets=[item.sheet for item in loaded],
            properties=_read_properties(zf),
            has_macros=any(n.lower() == "xl/vbaproject.bin" for n in zf.namelist()),
            external_targets=_external_targets(zf),
        )
        _analyse_workbook(doc, loaded, vocab)
    return doc


# --------------------------------------------------------------------------- package parts


def _parse(zf: zipfile.ZipFile, name: str) -> etree._Element:
    """A whole (small) part, parsed safely. Raises KeyError when absent, XMLSyntaxError when bad."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(zf.read(name), parser)


def _iterparse(source: Any, tags: Iterable[str]) -> Any:
    return etree.iterparse(source, events=("end",), tag=tuple(tags), resolve_entities=False,
                           no_network=True, load_dtd=False, huge_tree=False)


def _rels_name(part: str) -> str:
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def _resolve_target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


@dataclass(frozen=True)
class _Rel:
    type: str  # last segment of the relationship type, e.g. 'worksheet'
    target: str
    external: bool


def _relationships(zf: zipfile.ZipFile, part: str) -> dict[str, _Rel]:
    """A part's relationships by id; an absent rels part means none, a broken one is corrupt."""
    name = _rels_name(part)
    if name not in zf.NameToInfo:
        return {}
    out: dict[str, _Rel] = {}
    for rel in _parse(zf, name).iter(_PKG_REL):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target") or ""
        out[rel.get("Id") or ""] = _Rel((rel.get("Type") or "").rsplit("/", 1)[-1], target if external else _resolve_target(part, target), external)
    return out


@dataclass(frozen=True)
class _SheetInfo:
    name: str
    part: str
    hidden: bool
    index: int  # position in workbook.xml, the scope id of sheet-local defined names


@dataclass
class _Workbook:
    ns: str
    sheets: list[_SheetInfo]
    parts: dict[str, str]  # relationship type -> part name (sharedStrings, styles)
    date1904: bool
    names: dict[tuple[str, int | None], str]  # (lower-case name, local sheet index) -> reference


def _workbook_part(zf: zipfile.ZipFile) -> str:
    for rel in _relationships(zf, "").values():
        if rel.type == "officeDocument" and not rel.external:
            return rel.target
    return _DEFAULT_WORKBOOK


def _read_workbook(zf: zipfile.ZipFile) -> _Workbook:
    """Sheet names, parts and visibility, the date system and defined names."""
    try:
        part = _workbook_part(zf)
        root = _parse(zf, part)
        rels = _relationships(zf, part)
    except KeyError:
        raise ReadError("corrupt", "the workbook part (xl/workbook.xml) is missing") from None
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", f"the workbook part or its relationships cannot be parsed: {exc}") from None
    ns = etree.QName(root).namespace or _MAIN_NS[0]
    if ns not in _MAIN_NS:
        raise ReadError("corrupt", "the workbook part is not a SpreadsheetML workbook")
    sheets = []
    for index, el in enumerate(root.iter(f"{{{ns}}}sheet")):
        rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), "")
        rel = rels.get(rid)
        if rel is None:
            raise ReadError("corrupt", f"sheet '{el.get('name')}' has no part in the workbook relationships")
        if rel.type != "worksheet":
            continue  # chart sheets and dialog sheets hold no cells
        sheets.append(_SheetInfo(el.get("name") or f"Sheet{index + 1}", rel.target, el.get("state") in ("hidden", "veryHidden"), index))
    pr = root.find(f"{{{ns}}}workbookPr")
    return _Workbook(
        ns=ns,
        sheets=sheets,
        parts={rel.type: rel.target for rel in rels.values() if rel.type in ("sharedStrings", "styles")},
        date1904=pr is not None and pr.get("date1904") in ("1", "true"),
        names=_defined_names(root, ns),
    )


def _defined_names(root: etree._Element, ns: str) -> dict[tuple[str, int | None], str]:
    out: dict[tuple[str, int | None], str] = {}
    for el in root.iter(f"{{{ns}}}definedName"):
        local = el.get("localSheetId")
        out[((el.get("name") or "").lower(), int(local) if local and local.isdigit() else None)] = (el.text or "").strip()
    return out


def _unescape(text: str) -> str:
    """OOXML escapes control characters as `_xHHHH_` (e.g. `_x000D_`)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _rich_text(el: etree._Element, ns: str) -> str:
    """Text of a string item: plain `<t>` or rich-text runs `<r><t>`, phonetic `<rPh>` skipped."""
    t_tag, r_tag = f"{{{ns}}}t", f"{{{ns}}}r"
    parts: list[str] = []
    for child in el:
        if child.tag == t_tag:
            parts.append(child.text or "")
        elif child.tag == r_tag:
            parts.extend(t.text or "" for t in child.iter(t_tag))
    return _unescape("".join(parts))


def _read_shared_strings(zf: zipfile.ZipFile, part: str | None, ns: str) -> list[str]:
    if not part or part not in zf.NameToInfo:
        return []
    out: list[str] = []
    si_tag, t_tag = f"{{{ns}}}si", f"{{{ns}}}t"
    try:
        if zf.NameToInfo[part].file_size <= _SST_WHOLE_MAX:
            # A small table parses whole ~3x faster than streamed; the common `<si><t>` inline.
            append = out.append
            for si in _parse(zf, part).iter(si_tag):
                if len(si) == 1 and si[0].tag == t_tag:
                    text = si[0].text or ""
                    append(_unescape(text) if "_x" in text else text)
                else:
                    append(_rich_text(si, ns))
            return out
        with zf.open(part) as fh:
            for _, si in _iterparse(fh, [si_tag]):
                out.append(_rich_text(si, ns))
                _release(si)
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", f"the shared strings part cannot be parsed: {exc}") from None
    return out


def _read_number_styles(zf: zipfile.ZipFile, part: str | None, ns: str) -> dict[str, str]:
    """Cell style index (the `s` attribute, as written) -> how its number format shows a number:
    `_DATE` for a date/time, a template such as '$%s' or '%s EGP' for an amount in a currency, else ''."""
    if not part or part not in zf.NameToInfo:
        return {}
    try:
        root = _parse(zf, part)
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", f"the styles part cannot be parsed: {exc}") from None
    custom = {el.get("numFmtId"): el.get("formatCode") or "" for el in root.iter(f"{{{ns}}}numFmt")}
    xfs = root.find(f"{{{ns}}}cellXfs")
    if xfs is None:
        return {}
    return {str(i): _number_style(xf.get("numFmtId") or "0", custom) for i, xf in enumerate(xfs.iterchildren(f"{{{ns}}}xf"))}


def _number_style(fmt_id: str, custom: dict[str | None, str]) -> str:
    if fmt_id in custom:
        code = custom[fmt_id]
    elif fmt_id.isdigit() and int(fmt_id) in _EAST_ASIAN_DATE_IDS:
        return _DATE
    else:
        code = BUILTIN_FORMATS.get(int(fmt_id), "General") if fmt_id.isdigit() else "General"
    if is_date_format(code) and not is_timedelta_format(code):
        return _DATE
    return _currency_template(code)


def _currency_template(code: str) -> str:
    """How a number format shows its currency: '"$"#,##0' -> '$%s', '#,##0 [$EGP]' -> '%s EGP', '' for
    none. A reader sees the sign on the cell, so the cell's text carries it (COM-11 reads it there)."""
    section = code.split(";")[0]
    marker = ""
    bracket = _FORMAT_CURRENCY.search(section)
    if bracket is not None and names_currency(bracket.group(1).strip() + "1"):
        marker, at = bracket.group(1).strip(), bracket.start()
    else:
        literal = _FORMAT_BRACKETS.sub("", section)
        for m in _FORMAT_LITERAL.finditer(literal):
            text = (m.group(1) or m.group(2) or m.group(3) or "").strip()
            if text and names_currency(text + "1"):
                marker, at, section = text, m.start(), literal
                break
    if not marker:
        return ""
    digit = next((i for i, ch in enumerate(section) if ch in "0#?"), len(section))
    return f"{marker}%s" if at < digit else f"%s {marker}"


def _read_properties(zf: zipfile.ZipFile) -> Properties:
    def part(name: str) -> bytes | None:
        return zf.read(name) if name in zf.NameToInfo else None

    props = parse_core_properties(part("docProps/core.xml"))
    props.custom = parse_custom_properties(part("docProps/custom.xml"))
    return props


def _external_targets(zf: zipfile.ZipFile) -> list[str]:
    """External relationship targets (linked workbooks, OLE links...), hyperlinks excluded. Never fetched."""
    out: dict[str, None] = {}
    for name in zf.namelist():
        if not name.endswith(".rels"):
            continue
        try:
            root = _parse(zf, name)
        except etree.XMLSyntaxError:
            continue  # an unreadable rels part only loses metadata here
        for rel in root.iter(_PKG_REL):
            if rel.get("TargetMode") == "External" and not (rel.get("Type") or "").endswith("/hyperlink"):
                out.setdefault(rel.get("Target") or "", None)
    return [t for t in out if t]


# --------------------------------------------------------------------------- worksheet streaming


class _CellBudget:
    """Counts cells across the workbook so a sparse or hostile sheet cannot exhaust memory."""

    def __init__(self) -> None:
        self.used = 0

    def spend(self, n: int, sheet: str) -> None:
        self.used += n
        if self.used > MAX_CELLS:
            raise ReadError("too-large", f"worksheet '{sheet}' takes the workbook over {MAX_CELLS:,} cells")


# A streamed row: (1-based worksheet row, 1-based column of its first cell, display texts, typed
# values, flat (column, formula, ...) or None), columns counting from that first cell until
# `_place_rows` re-bases them. Plain tuples: 200,000 of them exist at once while a big register streams.
_RawRow = tuple  # (int, int, tuple, tuple, tuple | None)


@dataclass
class _RawSheet:
    rows: list[_RawRow] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # 1-based
    merges: list[str] = field(default_factory=list)
    validations: list[tuple[str, str]] = field(default_factory=list)  # (sqref, formula1)


class _SharedFormulas:
    """Shared formulas of one sheet: the master's text by `si`, translated for dependants."""

    def __init__(self) -> None:
        self._masters: dict[str, tuple[str, str]] = {}
        self._translators: dict[str, Translator | None] = {}

    def master(self, si: str, text: str, ref: str) -> None:
        self._masters[si] = (text, ref)
        self._translators.pop(si, None)

    def dependant(self, si: str, ref: str) -> str | None:
        master = self._masters.get(si)
        if master is None:
            return None
        if si not in self._translators:
            try:
                self._translators[si] = Translator("=" + master[0], origin=master[1])
            except Exception:  # openpyxl's tokenizer raises bare errors on odd formulas
                self._translators[si] = None
        translator = self._translators[si]
        if translator is None:
            return master[0]
        try:
            return translator.translate_formula(ref)[1:]
        except Exception:
            return master[0]


@dataclass
class _SheetContext:
    """What a sheet's cells need to be decoded, shared by every row of the stream."""

    name: str
    ns: str
    strings: list[str]
    number_styles: dict[str, str]  # style -> _DATE, a currency template ('$%s') or ''
    epoch: datetime
    budget: _CellBudget
    frame: SheetFrame = field(init=False)  # shared by every cell of the sheet: its location on demand
    shared: _SharedFormulas = field(default_factory=_SharedFormulas)
    texts: dict[str, str] = field(default_factory=dict)  # one object per repeated inline text
    numbers: dict[str | None, dict[str, tuple[str, Any]]] = field(default_factory=dict)  # style -> <v> -> decoded
    tags: tuple[str, ...] = ()  # Clark names of c, v, f, is, t in the workbook's namespace

    def __post_init__(self) -> None:
        self.tags = tuple(f"{{{self.ns}}}{local}" for local in ("c", "v", "f", "is", "t"))
        self.frame = SheetFrame(self.name)  # origin (1, 1) while streaming; re-based by _place_rows


def _release(el: etree._Element) -> None:
    """Free a consumed element and its already-processed siblings (keeps streaming memory flat)."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _stream_sheet(zf: zipfile.ZipFile, part: str, ctx: _SheetContext) -> _RawSheet:
    ns = ctx.ns
    row_tag, merge_tag, dv_tag = f"{{{ns}}}row", f"{{{ns}}}mergeCell", f"{{{ns}}}dataValidation"
    x14_dv_tag = f"{{{_X14}}}dataValidation"
    raw = _RawSheet()
    previous = 0
    with zf.open(part) as fh:
        for _, el in _iterparse(fh, (row_tag, merge_tag, dv_tag, x14_dv_tag)):
            tag = el.tag
            if tag == row_tag:
                number = int(el.get("r") or previous + 1)
                previous = number
                if len(el):  # an empty <row/> (formatting only) holds no cell and no record
                    if el.get("hidden") in ("1", "true"):
                        raw.hidden_rows.add(number)
                    row = _read_row(el, number, ctx)
                    if row is not None:
                        raw.rows.append(row)
            elif tag == merge_tag:
                raw.merges.append(el.get("ref") or "")
            elif el.get("type") == "list":
                raw.validations.extend(_validation(el, tag == x14_dv_tag, ns))
            _release(el)
    return raw


def _validation(el: etree._Element, x14: bool, ns: str) -> list[tuple[str, str]]:
    if x14:
        formula = el.findtext(f"{{{_X14}}}formula1/{{{_XM}}}f")
        sqref = el.findtext(f"{{{_XM}}}sqref")
    else:
        formula, sqref = el.findtext(f"{{{ns}}}formula1"), el.get("sqref")
    if not formula or not sqref:
        return []
    return [(rng, formula.strip()) for rng in sqref.split()]


def _read_row(row_el: etree._Element, number: int, ctx: _SheetContext) -> _RawRow | None:
    """The used cells of one `<row>`, with blank fillers between them.

    This is the hot loop of the reader (one iteration per cell of a 200,000-row register), hence
    locals bound once per row and the common cases inlined rather than delegated to helpers: a cell
    with one child (`<v>`) is read without iterating its children, a number through a memo per
    style attribute without building a key.
    """
    c_tag, v_tag, f_tag, is_tag, t_tag = ctx.tags
    strings, numbers, texts = ctx.strings, ctx.numbers, ctx.texts
    n_strings = len(strings)
    column_of = _COL_INDEX.get
    cells: list[str] = []  # display texts
    values: list[Any] = []
    formulas: list[Any] | None = None  # flat (column, formula, ...)
    append, append_value = cells.append, values.append
    first_col = last_col = col = 0
    for c in row_el:
        if c.tag != c_tag:
            continue
        ref = c.get("r")
        col = column_of(ref.rstrip(_DIGITS), 0) if ref else col + 1
        if col <= last_col:
            continue  # out-of-order or unparseable reference: malformed, ignored
        value_text = formula_el = inline = None
        if len(c) == 1:
            child = c[0]
            tag = child.tag
            if tag == v_tag:
                value_text = child.text
            elif tag == f_tag:
                formula_el = child
            elif tag == is_tag:
                inline = _inline_text(child, ctx)
        else:
            for child in c:
                tag = child.tag
                if tag == v_tag:
                    value_text = child.text
                elif tag == f_tag:
                    formula_el = child
                elif tag == is_tag:
                    inline = _inline_text(child, ctx)
        kind = c.get("t")
        if kind is None or kind == "n":
            if value_text:
                style = c.get("s")
                by_value = numbers.get(style)
                if by_value is None:
                    by_value = numbers[style] = {}
                decoded = by_value.get(value_text)
                if decoded is None:
                    decoded = _decode_number(value_text, ctx.number_styles.get(style or "0", ""), ctx.epoch)
                    if len(by_value) < 65536:
                        by_value[value_text] = decoded
                text, value = decoded
            else:
                text, value = "", None
        elif kind == "s":
            index = int(value_text) if value_text and value_text.isdigit() else n_strings
            text = value = strings[index] if index < n_strings else ""
        else:
            text, value = _decode_other(kind, value_text, inline)
            if text.__class__ is str and len(text) <= 64 and len(texts) < 65536:
                text = texts.setdefault(text, text)  # inline strings repeat (statuses, owners...)
                if value.__class__ is str:
                    value = text
        if formula_el is not None:
            formula = _formula(formula_el, ref if ref is not None else f"{_COL_LETTER[col]}{number}", ctx.shared)
            if formula is None and not text:
                continue
        elif not text:
            continue
        else:
            formula = None
        if not cells:
            first_col = col
        elif col > last_col + 1:
            gap = col - last_col - 1
            cells.extend([""] * gap)
            values.extend([None] * gap)
        if formula is not None:
            if formulas is None:
                formulas = []
            formulas += (len(cells), formula)
        append(text)
        append_value(value)
        last_col = col
    if not cells:
        return None
    ctx.budget.spend(len(cells), ctx.name)
    return (number, first_col, tuple(cells), tuple(values), tuple(formulas) if formulas else None)


def _inline_text(is_el: etree._Element, ctx: _SheetContext) -> str | None:
    """The text of an inline string (`<is><t>` or rich-text runs)."""
    return is_el[0].text if len(is_el) == 1 and is_el[0].tag == ctx.tags[4] else _rich_text(is_el, ctx.ns)


def _formula(el: etree._Element, ref: str, shared: _SharedFormulas) -> str | None:
    text = el.text or ""
    if el.get("t") == "shared" and el.get("si") is not None:
        if text:
            shared.master(el.get("si") or "", text, ref)
            return text
        return shared.dependant(el.get("si") or "", ref)
    return text or None


def _decode_number(raw: str, style: str, epoch: datetime) -> tuple[str, Any]:
    """A numeric `<v>` to (display text, typed value); `style` is the cell's number style."""
    try:
        number = float(raw)
    except ValueError:
        return raw, raw
    if style == _DATE:
        try:
            moment = from_excel(number, epoch)
        except (ValueError, OverflowError):
            moment = None
        if moment is not None:
            return _date_text(moment), moment
    if number.is_integer() and abs(number) < 1e15:
        text, value = str(int(number)), int(number)
    else:
        text, value = format(number, ".15g"), number
    return (style.replace("%s", text) if style else text), value


def _date_text(moment: datetime | time) -> str:
    if isinstance(moment, time):
        return moment.isoformat(timespec="seconds" if moment.second else "minutes")
    if moment.hour == moment.minute == moment.second == 0:
        return moment.date().isoformat()
    return moment.isoformat(sep=" ", timespec="seconds" if moment.second else "minutes")


def _decode_other(kind: str, raw: str | None, inline: str | None) -> tuple[str, Any]:
    """Non-numeric cell types: inline and formula strings, booleans, errors, ISO dates."""
    if kind == "inlineStr":
        text = inline or ""
        return text, text
    if kind == "b":
        if not raw:
            return "", None
        flag = raw in ("1", "true")
        return ("TRUE" if flag else "FALSE"), flag
    if kind == "d" and raw:
        try:
            moment = datetime.fromisoformat(raw.rstrip("Z"))
        except ValueError:
            return raw, raw
        return _date_text(moment), moment
    text = _unescape(raw or "")  # 'str' (formula string result), 'e' (error such as #N/A)
    return text, text


# --------------------------------------------------------------------------- grid assembly


@dataclass
class _Loaded:
    """A sheet as read, with what analysis and validation resolution need beyond the model."""

    sheet: Sheet
    info: _SheetInfo
    frame: SheetFrame  # the sheet's cells' shared location frame
    merges: list[tuple[int, int, int, int]]  # grid (r0, c0, r1, c1), inclusive
    hidden_rows: set[int]  # grid rows
    pending: list[tuple[str, str]]  # list validations to resolve: (range, formula1)


def _load_sheet(zf: zipfile.ZipFile, info: _SheetInfo, book: _Workbook, strings: list[str],
                number_styles: dict[str, str], epoch: datetime, budget: _CellBudget) -> _Loaded:
    ctx = _SheetContext(info.name, book.ns, strings, number_styles, epoch, budget)
    try:
        raw = _stream_sheet(zf, info.part, ctx)
    except KeyError:
        raise ReadError("corrupt", f"worksheet '{info.name}' ({info.part}) is missing from the package") from None
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", f"worksheet '{info.name}' cannot be parsed: {exc}") from None
    frame = ctx.frame
    grid_rows, origin = _place_rows(raw.rows, raw.merges, frame)
    merges = _apply_merges(grid_rows, raw.merges, origin, frame, budget)
    sheet = Sheet(name=info.name, grid=Grid(grid_rows, Location(sheet=info.name)), hidden=info.hidden,
                  origin=origin, notes=_read_notes(zf, info.part))
    hidden = {n - origin[0] for n in raw.hidden_rows if 0 <= n - origin[0] < len(grid_rows)}
    return _Loaded(sheet, info, frame, merges, hidden, raw.validations)


def _place_rows(rows: list[_RawRow], merge_refs: list[str], frame: SheetFrame) -> tuple[list[Any], tuple[int, int]]:
    """Rows into a grid anchored at the first used row/column; worksheet rows without a used cell
    are empty lists.

    A sheet under `LAZY_ROWS_MIN_CELLS` cells (merged copies counted, at most) gets lists of built
    cells: rules read every cell several times, and building them on each read cost a 5,000-row
    register ~40 % more rule time. A bigger one gets compact `SheetRow`s. The sheet's frame moves to
    the origin at the same time, so every cell's location stays its own.
    """
    if not rows:
        return [], (1, 1)
    top = min(raw[0] for raw in rows)
    left = min(raw[1] for raw in rows)
    bottom = max(raw[0] for raw in rows)
    size = sum(len(raw[2]) + raw[1] - left for raw in rows)
    compact = size + _merge_bound(merge_refs, top, left, bottom) >= LAZY_ROWS_MIN_CELLS
    grid: list[Any] = [[] for _ in range(bottom - top + 1)]
    for number, first_col, texts, values, formulas in rows:
        r = number - top
        pad = first_col - left
        if pad:
            texts, values = ("",) * pad + texts, (None,) * pad + values
            formulas = tuple(x + pad if i % 2 == 0 else x for i, x in enumerate(formulas)) if formulas else None
        if compact:
            grid[r] = SheetRow(texts, values, formulas, None, r, frame)
            continue
        cells = [Cell(t, r, c, frame, v) for c, (t, v) in enumerate(zip(texts, values))]
        if formulas:
            for i in range(0, len(formulas), 2):
                cells[formulas[i]].formula = formulas[i + 1]
        grid[r] = cells
    frame.top, frame.left = top, left
    return grid, (top, left)


def _merge_bound(refs: list[str], top: int, left: int, bottom: int) -> int:
    """At most how many merged copies `_apply_merges` may add (ranges clipped to the used rows)."""
    total = 0
    for ref in refs:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None not in (min_col, min_row, max_col, max_row):
            rows = min(max_row, bottom) - max(min_row, top) + 1
            total += max(rows, 0) * max(max_col - max(min_col, left) + 1, 0)
    return total


def _apply_merges(grid: list[Any], refs: list[str], origin: tuple[int, int], frame: SheetFrame,
                  budget: _CellBudget) -> list[tuple[int, int, int, int]]:
    """Copy each merged range's top-left cell into the positions it covers (within the used range)."""
    width = max((len(r) for r in grid), default=0)
    out: list[tuple[int, int, int, int]] = []
    for ref in refs:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue
        r0, c0 = min_row - origin[0], min_col - origin[1]
        r1, c1 = min(max_row - origin[0], len(grid) - 1), min(max_col - origin[1], width - 1)
        if not (0 <= r0 < len(grid) and 0 <= c0 < len(grid[r0])) or (r1 == r0 and c1 == c0):
            continue
        top_left = grid[r0][c0]
        out.append((r0, c0, r1, c1))
        if top_left.blank:
            continue
        budget.spend((r1 - r0 + 1) * (c1 - c0 + 1), frame.name)
        for r in range(r0, r1 + 1):
            cols = [c for c in range(c0, c1 + 1) if (r, c) != (r0, c0)]
            if cols:
                grid[r] = _put_merged(grid[r], r, cols, top_left.text, top_left.value, frame)
    return out


def _put_merged(row: Any, r: int, cols: list[int], text: str, value: Any, frame: SheetFrame) -> Any:
    """The row with merged copies (text, value) at `cols`, padding with blanks up to them."""
    if row.__class__ is list:
        row.extend([Cell("", r, c, frame) for c in range(len(row), max(cols) + 1)])
        for c in cols:
            row[c] = Cell(text, r, c, frame, value, None, True)
        return row
    if isinstance(row, SheetRow):
        texts, values = list(row.texts), list(row.values)
        f = row.formulas or ()
        formulas, merged = dict(zip(f[::2], f[1::2])), set(row.merged or ())
    else:
        texts, values, formulas, merged = [], [], {}, set()
    width = max(cols) + 1
    if len(texts) < width:
        texts.extend([""] * (width - len(texts)))
        values.extend([None] * (width - len(values)))
    for c in cols:
        texts[c], values[c] = text, value
        formulas.pop(c, None)
        merged.add(c)
    flat = tuple(x for c in sorted(formulas) for x in (c, formulas[c]))
    return SheetRow(tuple(texts), tuple(values), flat or None, frozenset(merged) or None, r, frame)


def _read_notes(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Legacy comments (notes) of a sheet, by cell, without Excel's 'Author:' prefix line."""
    notes: dict[str, str] = {}
    try:
        for rel in _relationships(zf, part).values():
            if rel.type != "comments" or rel.external or rel.target not in zf.NameToInfo:
                continue
            root = _parse(zf, rel.target)
            ns = etree.QName(root).namespace or _MAIN_NS[0]
            authors = [a.text or "" for a in root.iter(f"{{{ns}}}author")]
            for el in root.iter(f"{{{ns}}}comment"):
                text_el = el.find(f"{{{ns}}}text")
                text = _rich_text(text_el, ns) if text_el is not None else ""
                author_id = el.get("authorId") or ""
                author = authors[int(author_id)] if author_id.isdigit() and int(author_id) < len(authors) else ""
                notes[el.get("ref") or ""] = _strip_author(text, author)
    except _READ_ERRORS:
        return notes  # notes are annotations; a broken comments part must not fail the check
    return notes


def _strip_author(text: str, author: str) -> str:
    if author and text.startswith(author + ":"):
        return text[len(author) + 1:].strip()
    return text.strip()


# --------------------------------------------------------------------------- data validations


def _resolve_validations(loaded: list[_Loaded], book: _Workbook) -> None:
    """List validations to value lists, now that every sheet (a list's source) has been read."""
    by_name = {item.sheet.name.lower(): item.sheet for item in loaded}
    for item in loaded:
        for rng, formula in item.pending:
            values = _list_values(formula, item, by_name, book.names)
            if values is not None:
                item.sheet.validations[rng] = values


def _list_values(formula: str, item: _Loaded, sheets: dict[str, Sheet],
                 names: dict[tuple[str, int | None], str]) -> list[str] | None:
    """`"a,b,c"`, `$H$2:$H$6`, `Sheet!$A$1:$A$5` or a defined name; None when not resolvable."""
    if formula.startswith('"'):
        return [v.strip() for v in formula.strip('"').replace('""', '"').split(",") if v.strip()]
    reference = formula.lstrip("=")
    named = names.get((reference.lower(), item.info.index)) or names.get((reference.lower(), None))
    if named:
        reference = named.lstrip("=")
    sheet_name, _, rng = reference.rpartition("!")
    sheet = sheets.get(sheet_name.strip("'").replace("''", "'").lower()) if sheet_name else item.sheet
    if sheet is None:
        return None
    try:
        bounds = range_boundaries(rng.replace("$", ""))
    except (ValueError, TypeError):
        return None  # OFFSET/INDIRECT and other computed lists cannot be resolved statically
    return _range_texts(sheet, bounds)


def _range_texts(sheet: Sheet, bounds: tuple[Any, Any, Any, Any]) -> list[str]:
    min_col, min_row, max_col, max_row = bounds
    top, left = sheet.origin
    rows = sheet.grid.rows
    r_from = max((min_row or top) - top, 0)
    r_to = min((max_row or top + len(rows) - 1) - top, len(rows) - 1)
    out: dict[str, None] = {}
    for r in range(r_from, r_to + 1):
        row = rows[r]
        for c in range(max((min_col or left) - left, 0), min((max_col or left + len(row) - 1) - left, len(row) - 1) + 1):
            text = row[c].text.strip()
            if text:
                out.setdefault(text, None)
    return list(out)


# --------------------------------------------------------------------------- layout analysis


@dataclass(frozen=True)
class _SheetNames:
    """Sheet names the lexicon knows: lookups to skip (lists, legends) and register sheets."""

    lookup: frozenset[str]
    registers: frozenset[str]


@derived
def _sheet_names(vocab: Vocabulary) -> _SheetNames:
    lookup: set[str] = set()
    registers: set[str] = set()
    for entry in vocab.doc_types.values():
        lookup.update(norm_label(w) for w in words(entry.get("skip_sheets")))
        registers.update(norm_label(w) for w in words(entry.get("sheet_names")))
    return _SheetNames(frozenset(lookup - {""}), frozenset(registers - {""}))


def _analyse_workbook(doc: Document, loaded: list[_Loaded], vocab: Vocabulary) -> None:
    """Header, records and role of each sheet; fields and blocks for the document."""
    columns, names = register_columns(vocab), _sheet_names(vocab)
    for item in loaded:
        sheet = item.sheet
        header = _find_header(sheet.grid, item.merges, columns)
        if _is_lookup_name(sheet.name, names):
            sheet.role = "lookup"
            # Cover sheets are 'lookup' by name but carry the doc-control block (project,
            # version, author): their label/value pairs are the document's fields.
            if _is_cover_name(sheet.name) and len(sheet.grid.rows) <= MAX_LOOKUP_FIELD_ROWS:
                doc.fields.extend(fields_from_grid(vocab, sheet.grid, "sheet"))
        elif header is not None:
            _apply_header(sheet, header, item.hidden_rows, item.frame)
            above = Grid(sheet.grid.rows[: header.first], sheet.grid.location)
            doc.fields.extend(fields_from_grid(vocab, above, "sheet"))
            doc.fields.extend(footer_fields(vocab, sheet.grid, header.last + 1))
        else:
            found = fields_from_grid(vocab, sheet.grid, "sheet")
            if _is_short_lists(sheet.grid, item.merges):
                sheet.role = "lookup"
            elif len(found) >= MIN_FORM_FIELDS:
                sheet.role = "form"
                doc.fields.extend(found)
                doc.blocks.extend(_form_blocks(sheet, start=len(doc.blocks)))
            else:
                doc.fields.extend(found)


def _is_cover_name(name: str) -> bool:
    n = norm_label(name)
    return any(w in n for w in _COVER_WORDS)


def _is_lookup_name(name: str, names: _SheetNames) -> bool:
    n = norm_label(name)
    if n in names.registers:
        return False
    return n in names.lookup or n in _LOOKUP_EXACT or any(w in n for w in _LOOKUP_WORDS)


def _is_short_lists(grid: Grid, merges: list[tuple[int, int, int, int]]) -> bool:
    """Columns of short values under a title, like a lookup sheet: no merges, no `Label:` cells."""
    if merges:
        return False
    runs: dict[int, int] = {}  # column -> length of the vertical run of values ending on this row
    best = 0
    for row in grid.rows:
        current: dict[int, int] = {}
        for cell in row:
            text = cell.text.strip()
            if not text:
                continue
            if len(text) > 40 or "\n" in text or ":" in text or "：" in text:
                return False
            current[cell.col] = runs.get(cell.col, 0) + 1
        runs = current
        best = max(best, *current.values(), 0)
    return best >= 3


@dataclass
class _Header:
    first: int  # first header row (the parent row of a two-row header)
    last: int  # last header row; data starts after it
    labels: dict[int, str]
    columns: dict[str, int]
    scores: float  # hits plus a fraction for match quality, for comparing candidates


def _find_header(grid: Grid, merges: list[tuple[int, int, int, int]], synonyms: Synonyms) -> _Header | None:
    """The header row (or two-row header) with the most distinct column-key hits in the first rows."""
    best: _Header | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        if _has_child_row(grid, merges, r):
            candidate = _score_header(r, r + 1, _two_row_labels(grid.rows[r], grid.rows[r + 1]), synonyms)
        else:
            candidate = _score_header(r, r, _row_labels(grid.rows[r]), synonyms)
        if len(candidate.columns) >= MIN_HEADER_HITS and (best is None or candidate.scores > best.scores):
            best = candidate
    return best


def _row_labels(row: list[Cell]) -> dict[int, list[str]]:
    return {c: [cell.text.strip()] for c, cell in enumerate(row) if cell.text.strip()}


def _has_child_row(grid: Grid, merges: list[tuple[int, int, int, int]], r: int) -> bool:
    """Is row r + 1 the child row of a two-row header?

    Yes when row r has parent cells merged across columns with labels under them, other labels
    beside them (a title merged across the whole table is no parent), and row r + 1 holds nothing
    outside the parents' columns (a data row under a merged header cell would).
    """
    if r + 1 >= len(grid.rows):
        return False
    spans = [(c0, c1) for r0, c0, r1, c1 in merges if r0 == r1 == r and c1 > c0]
    if not spans:
        return False
    row, below = grid.rows[r], grid.rows[r + 1]

    def under(c: int) -> bool:
        return any(c0 <= c <= c1 for c0, c1 in spans)

    children = [c for c, cell in enumerate(below) if not cell.merged and not cell.blank]
    beside = any(not cell.blank for c, cell in enumerate(row) if not under(c))
    return bool(children) and beside and all(under(c) for c in children)


def _two_row_labels(parent_row: list[Cell], child_row: list[Cell]) -> dict[int, list[str]]:
    """Per column, in order of preference: `parent child`, the child alone, the parent alone.

    The joined label comes first because a child such as '进度' under '影响' means the schedule
    *impact*, not a schedule column; the child alone covers parents that are mere group titles.
    """
    out: dict[int, list[str]] = {}
    for c in range(max(len(parent_row), len(child_row))):
        parent = parent_row[c].text.strip() if c < len(parent_row) else ""
        child_cell = child_row[c] if c < len(child_row) else None
        child = child_cell.text.strip() if child_cell is not None and not child_cell.merged else ""
        if parent and child and parent != child:
            out[c] = [f"{parent} {child}", child, parent]
        elif parent or child:
            out[c] = [parent or child]
    return out


def _score_header(first: int, last: int, labels: dict[int, list[str]], synonyms: Synonyms) -> _Header:
    columns: dict[str, int] = {}
    quality = 0.0
    for c in sorted(labels):
        matches = [m for m in map(synonyms.match, labels[c]) if m is not None]
        if matches and matches[0].key not in columns:
            columns[matches[0].key] = c  # the preferred label decides the key ...
            quality += max(m.score for m in matches)  # ... the best match, its quality
    # Distinct keys decide; match quality breaks ties, then the earlier (or single) row wins.
    scores = len(columns) + quality / (len(columns) + 1) / 10
    return _Header(first, last, {c: v[0] for c, v in labels.items()}, columns, scores)


def _apply_header(sheet: Sheet, header: _Header, hidden_rows: set[int], frame: SheetFrame) -> None:
    sheet.role = "register"
    sheet.header_row = header.last
    sheet.header_labels = header.labels
    sheet.columns = header.columns
    columns = header.columns  # shared by every record: each reads through to its grid row
    id_cols = _identifier_columns(header.columns)
    # Non-identifier columns first: a row usually proves to be data on its first description cell.
    order = sorted(header.columns.values(), key=lambda c: (c in id_cols, c))
    records = sheet.records
    for r in range(header.last + 1, len(sheet.grid.rows)):
        row = sheet.grid.rows[r]
        if not is_data_row(row, order, id_cols):
            continue
        # A ragged row reads blanks where the value should be, so findings can point there. A
        # compact row's own index object is shared (one int fewer per record of a big register).
        records.append(Record.of_row(row.r if row.__class__ is SheetRow else r, row, columns, frame, r in hidden_rows))


def _identifier_columns(columns: dict[str, int]) -> set[int]:
    """Columns where a bare number or code is a pre-filled sequence, not data."""
    ordered = sorted(columns.values())
    return set(ordered[:2]) | {c for key, c in columns.items() if _ID_KEYS.search(key.lower())}


def _form_blocks(sheet: Sheet, start: int) -> list[Block]:
    """Headings and paragraphs synthesised from a form sheet's rows (see the module docstring)."""
    blocks: list[Block] = []
    label_above = False  # the previous block was a `Label:` heading, so a lone cell is its value
    for row in sheet.grid.rows:
        distinct = [c for c in row if not c.merged and not c.blank]
        if not distinct:
            continue
        first, index = distinct[0], start + len(blocks)
        text = first.text.strip()
        is_label = text.endswith((":", "："))
        if len(distinct) == 1 and _heading_like(first) and (is_label or not label_above):
            blocks.append(Block("heading", text, first.location, index, level=numbered_heading_level(text) or 1))
            label_above = is_label
            continue
        blocks.append(Block("paragraph", " | ".join(c.text.strip() for c in distinct), first.location, index))
        label_above = False
    return blocks


def _heading_like(cell: Cell) -> bool:
    text = cell.text.strip()
    return isinstance(cell.value, str) and len(text) <= 40 and looks_like_heading_text(text) and not SEQUENCE.fullmatch(text)
