"""Where a document keeps one of its type's sections: a heading, a form label, or a page-header field.

The standard lists each type's sections with EN/ZH synonyms (`rules/lexicons/doctypes.yaml`). Real
documents carry them as headings (`3. Budget`, `三、项目预算`), as form labels (`项目目标 | …` in a
two-column table, `Budget: …` lines) or even in the page header. `find_section` looks in that order
and memoises every answer on the rule context, so that several rules asking for 'objectives' scan the
document once.

A section is *empty* (COM-14) when its content is shorter than the threshold (20 characters of
English, 10 of Chinese), is only 'N/A'/'无'/'略'/'不适用' without a reason, or is only template prompt text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import partial
from typing import Any, Callable, Iterable, Iterator, Literal, Sequence, overload

from checker.analysis.context import Context
from checker.core.location import Location
from checker.io.fields import record_header_row
from checker.io.tables import looks_like_header_row
from checker.lexicon.files import words
from checker.lexicon.matchers import doc_control_synonyms, section_entries, type_sections
from checker.lexicon.predicates import is_placeholder, placeholder_matches, placeholder_word_searches
from checker.lexicon.synonyms import STRONG, Match, Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.document import Document
from checker.model.elements import Block, Cell, Field, Grid, Section
from checker.text.normalize import has_cjk, nfkc, norm_label
from checker.text.search import Search, TextSet, containing

EMPTY_EN, EMPTY_ZH = 20, 10
_TWO_DIGITS = re.compile(r"\d{2,}")
_NA_ONLY = re.compile(r"^\s*(?:n/?a|na|none|nil|not applicable|-+|—+|无|略|暂无|不适用|没有|/)\s*[.。]?\s*$", re.I)


class Parts:
    """A heading's content as spans of the outline's shared texts (`_Bodies.pieces`) with the titles
    of the sibling sections it folds in between them: iterated, its non-blank texts in order.

    Joined when asked, never kept joined: a section's content is its own text and its
    sub-sections', so a plan's every paragraph is in the content of each heading above it, and
    the joins were three times the document's text (a 200,000-paragraph plan: 300 MB)."""

    __slots__ = ("bodies", "spans")

    def __init__(self, bodies: "_Bodies", spans: tuple[tuple[int, int] | str, ...]):
        self.bodies = bodies
        self.spans = spans

    def __iter__(self) -> Iterator[str]:
        pieces = self.bodies.pieces
        return self._texts(lambda start, end: pieces[start:end], lambda title: title)

    def normalized(self) -> Iterator[str]:
        """`nfkc` of each text (NFKC never combines across a line feed: joined, the whole text's)."""
        return self._texts(self.bodies.norms, nfkc)

    def lines(self) -> tuple[tuple[int, int] | str, ...]:
        """What the joined text is made of, in order: runs of consecutive pieces (start, end) and
        non-blank titles, each run as long as it goes (what `within` compares)."""
        out: list[tuple[int, int] | str] = []
        for span in self.spans:
            if span.__class__ is str:
                if span.strip():  # type: ignore[union-attr]
                    out.append(span)
            elif span[0] < span[1]:  # type: ignore[index]
                last = out[-1] if out else None
                if last is not None and last.__class__ is tuple and last[1] == span[0]:  # type: ignore[index]
                    out[-1] = (last[0], span[1])  # type: ignore[index]
                else:
                    out.append((span[0], span[1]))  # type: ignore[index]
        return tuple(out)

    def _texts(self, pieces: Callable[[int, int], list[str]], title_form) -> Iterator[str]:
        for span in self.spans:
            if span.__class__ is str:
                if span.strip():  # type: ignore[union-attr]
                    yield title_form(span)
            else:
                yield from pieces(span[0], span[1])  # type: ignore[index]


@dataclass
class SectionHit:
    key: str
    title: str  # the heading or label as the document writes it
    content: str | Parts  # the section's content (a field's value), or a heading's parts
    location: Location  # the heading, or the field's value cell
    kind: Literal["heading", "field", "column", "content"]
    section: Section | None = None
    field: Field | None = None
    blocks: list[Block] | None = None
    _norm_text: str | None = dataclass_field(default=None, init=False, repr=False, compare=False)
    _empty: bool | None = dataclass_field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.blocks is None:
            self.blocks = list(self.section.all_blocks()) if self.section is not None else []

    @property
    def text(self) -> str:
        """The content as one text (a heading's parts joined each time: see `Parts`)."""
        content = self.content
        return content if content.__class__ is str else "\n".join(content)  # type: ignore[arg-type]

    @property
    def norm_text(self) -> str:
        """`nfkc(text)`, worked out once for a text of one part (several rules read the same section);
        a heading's parts are joined each time from their normal forms, each worked out once
        (`_Bodies.norms`)."""
        if self._norm_text is not None:
            return self._norm_text
        content = self.content
        if content.__class__ is str:
            norm = self._norm_text = nfkc(content or "")  # type: ignore[arg-type]
            return norm
        return "\n".join(content.normalized())  # type: ignore[union-attr]


@derived
def children(vocab: Vocabulary, doc_type: str, key: str) -> tuple[str, ...]:
    """Sub-field keys of `key` (entries with `parent: key`); asked for every heading that names a section."""
    return tuple(k for k, e in section_entries(vocab, doc_type).items() if isinstance(e, dict) and e.get("parent") == key)


def display_name(vocab: Vocabulary, doc_type: str, key: str, language: str,
                 extra: dict[str, Any] | None = None) -> str:
    """The section's name as a reviewer would write it in `language`: its first synonym."""
    entry = (extra or {}).get(key) or section_entries(vocab, doc_type).get(key) or {}
    if isinstance(entry, dict):
        names = [str(w) for w in (entry.get("zh" if language == "zh" else "en") or [])]
        names = names or words(entry)
    else:
        names = words(entry)
    return names[0] if names else key.replace("_", " ")


_PARTS = re.compile(r"\s*(?:[,，、/／;；&＆+＋—–]|\s-\s|\band\b|\bor\b|和|及|与|以及)\s*", re.I)


def _heading_prefix(synonyms: Synonyms, label: str):
    """'Handover to Operations', '进度执行情况': a heading that opens with a section's name.

    The shared matcher accepts a prefix only for distinctive (multi-word) synonyms, which is right
    for table labels; section headings routinely extend a one-word name, so here a prefix of one
    word (≥ 4 letters, or ≥ 2 Chinese characters) followed by a word boundary counts too.
    """
    n = norm_label(label)
    if not n or len(n) > 60:
        return None
    # The synonym first in the matcher's order (longest first) among the label's prefixes that leave
    # 1 to 20 characters: at most 20 dict probes, whatever the number of synonyms.
    rank, best = synonyms.partial_rank, None
    cjk = has_cjk(n)
    for cut in range(max(1, len(n) - 20), len(n)):
        if not cjk and (cut < 4 or n[cut].isalnum()):
            continue  # (what the test below asks of a prefix without Chinese, asked before the probe)
        found = rank.get(n[:cut])
        if found is not None and (best is None or found[0] < best[0]) and (
                (cjk and has_cjk(n[:cut]) and cut >= 2) or (cut >= 4 and not n[cut].isalnum())):
            best = (found[0], found[1], n[:cut])
    return Match(best[1], STRONG, best[2]) if best is not None else None


def _parts(label: str) -> list[str]:
    """A compound label's parts ('Alternatives and Recommendation'; the label alone when it is not one)."""
    return _PARTS.split(label)


def _label_match(synonyms: Synonyms, label: str, parts: Callable[[str], list[str]] = _parts):
    """A label naming one key; a compound heading ('Assigned PM, Responsibility and Authority
    Level', '假设条件与制约因素') matches through its first part that names one (`parts`: `_parts`,
    or what it answers, worked out before)."""
    m = synonyms.strong_match(label)
    if m is not None:
        return m
    m = _heading_prefix(synonyms, label)
    if m is not None:
        return m
    m = _strong_candidate(synonyms, label)
    if m is not None:
        return m
    bare = re.sub(r"\s*[（(][^()（）]*[)）]\s*$", "", label)  # 'Work Completed This Period (09-07 to 09-18)'
    if bare != label and bare.strip():
        return _label_match(synonyms, bare, parts)
    if len(label) > 120:
        return None
    for part in parts(label):
        if part and part != label:
            m = synonyms.strong_match(part) or _heading_prefix(synonyms, part) or _part_candidate(synonyms, part)
            if m is not None and m.strong and len(m.synonym) >= (2 if has_cjk(m.synonym) else 4):
                return m
    return None


def _strong_candidate(synonyms: Synonyms, label: str) -> Match | None:
    """The best of `Synonyms.candidates` when it names a key: the same core words ('Project
    Exclusions', '项目的除外责任', 'Communication Plan'), a close spelling, or the words of a
    longer synonym all there ('Review of the Project Objectives')."""
    found = synonyms.candidates(label) if len(label) <= 80 else ()
    return found[0] if found and found[0].strong else None


def _part_candidate(synonyms: Synonyms, part: str) -> Match | None:
    """`_strong_candidate` for one part of a compound label, when the part is a phrase: a lone
    English word beside others ('Financial / fee management') is too weak to name a section."""
    return _strong_candidate(synonyms, part) if has_cjk(part) or len(part.split()) >= 2 else None


def _label_matches(synonyms: Synonyms, label: str, first: Match | None,
                   parts: Callable[[str], list[str]] = _parts) -> tuple[Match, ...]:
    """Every key a label names ('Alternatives and Recommendation' holds two sections), given what it
    names first (`_label_match`)."""
    if first is None:
        return ()
    out = [first]
    if len(label) <= 120:
        for part in parts(label):
            if part and part != label:
                m = synonyms.strong_match(part) or _part_candidate(synonyms, part)
                if m is not None and m.strong and len(m.synonym) >= (2 if has_cjk(m.synonym) else 4) \
                        and all(m.key != o.key for o in out):
                    out.append(m)
    return tuple(out)


class _Labels:
    """What each distinct label of one document names under one synonym set, worked out once.

    A document's labels (headings, field labels, first-column and header cells) are asked about by
    several scans of `_index` and by every rule that reads a section; kept per document (on the rule
    context), the memo is as big as the document's labels and no bigger, so a 200,000-paragraph plan's
    ~240,000 labels are each matched once instead of missing a bounded cross-document cache every time.
    """

    __slots__ = ("synonyms", "_first", "_all", "_parts")

    def __init__(self, synonyms: Synonyms, parts: dict[str, list[str]]):
        """`parts`: each label's `_parts`, shared by the document's synonym sets (a regex split, a
        third of a heading's matching)."""
        self.synonyms = synonyms
        self._first: dict[str, Match | None] = {}
        self._all: dict[str, tuple[Match, ...]] = {}
        self._parts = parts

    def parts(self, label: str) -> list[str]:
        found = self._parts.get(label)
        if found is None:
            found = self._parts[label] = _parts(label)
        return found

    def first(self, label: str) -> Match | None:
        """The key a label names (`_label_match`)."""
        try:
            return self._first[label]
        except KeyError:
            found = self._first[label] = _label_match(self.synonyms, label, self.parts)
            return found

    def names(self, label: str) -> bool:
        return self.first(label) is not None

    def all(self, label: str) -> tuple[Match, ...]:
        """Every key a label names (`_label_matches`)."""
        try:
            return self._all[label]
        except KeyError:
            found = self._all[label] = _label_matches(self.synonyms, label, self.first(label), self.parts)
            return found


class Places(Sequence[SectionHit]):
    """One key's places in the document, in order, each built when first read.

    A check asks about a few keys, and of most only the first place with content (`find_section`),
    while a plan names a section in most of its headings (a 20,000-paragraph plan: ~1,500 places per
    synonym set, each a `SectionHit` with its blocks and parts, a heading's folding its siblings in).
    What names which key is worked out for the whole document first (`_index`); a place is built
    from it alone, so building it later builds what building it at once would have."""

    __slots__ = ("_builds", "_built")

    def __init__(self) -> None:
        self._builds: list[Callable[[], SectionHit]] = []
        self._built: list[SectionHit] = []

    def __len__(self) -> int:
        return len(self._builds)

    @overload
    def __getitem__(self, i: int) -> SectionHit: ...

    @overload
    def __getitem__(self, i: slice) -> list[SectionHit]: ...

    def __getitem__(self, i: int | slice) -> SectionHit | list[SectionHit]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._builds)))]
        if i < 0:
            i += len(self._builds)
        if not 0 <= i < len(self._builds):
            raise IndexError(i)
        built = self._built
        while len(built) <= i:  # in order: a place is built once, and those before it first
            built.append(self._builds[len(built)]())
        return built[i]

    def __iter__(self) -> Iterator[SectionHit]:
        for i in range(len(self._builds)):
            yield self[i]


def _once(compute: Callable[[], Any]) -> Callable[[], Any]:
    """`compute`, called on the first call only: what the places of a label that names several keys
    share (one content, as when they were built at once)."""
    kept: list[Any] = []

    def get() -> Any:
        if not kept:
            kept.append(compute())
        return kept[0]
    return get


def _index(ctx: Context, synonyms: Synonyms) -> dict[str, Places]:
    """Every heading and field label of the document that names one of the synonyms' keys (the
    places of each key built when read: `Places`)."""
    index: dict[str, Places] = {}

    def add(key: str, build: Callable[[], SectionHit]) -> None:
        places = index.get(key)
        if places is None:
            places = index[key] = Places()
        places._builds.append(build)

    labels = ctx.memo(f"sections.labels:{id(synonyms)}", lambda: _Labels(synonyms, ctx.memo("sections.parts", dict)))
    names = labels.names
    bodies = ctx.memo("sections.bodies", lambda: _Bodies(ctx.doc.outline))
    siblings = bodies.siblings
    contents = ctx.memo("sections.contents", lambda: _contents_entries(bodies))
    for section in bodies.sections:
        if section.heading is None or id(section) in contents:
            continue
        matches = labels.all(section.title)
        if not matches:
            continue
        content = partial(_heading_content, ctx, section, matches, labels, siblings, bodies)
        if len(matches) > 1:
            content = _once(content)  # the keys' places share it
        for m in matches:
            add(m.key, partial(_heading_place, m.key, section, content))
    seen: set[tuple] = set()  # the anchors of the field labels that name a key
    for f in ctx.doc.fields:
        if f.source == "properties":
            continue
        matches = labels.all(f.label)
        if not matches:
            continue
        if f.label_location is not None:
            seen.add(f.label_location.anchor())
        value = partial(_field_content, ctx, f, synonyms, names)
        if len(matches) > 1:
            value = _once(value)
        for m in matches:
            add(m.key, partial(_field_place, m.key, f, value))
    # A label paragraph over a table or a list ('Milestones' alone on its line, the dated table under it).
    for i, label in ctx.memo("sections.label_paragraphs", lambda: _label_paragraphs(ctx.doc.blocks)):
        matches = labels.all(label)
        if not matches:
            continue
        under = partial(_content_under, ctx.doc.blocks, i)
        if len(matches) > 1:
            under = _once(under)
        for m in matches:
            add(m.key, partial(_paragraph_place, m.key, label, ctx.doc.blocks[i], under))
    # First-column labels of form tables that the field reader did not pair (a weekly-report form
    # whose second row looks like a header): the rest of the row, or the rows under it, is the value.
    for first, label, row, anchor, grid in ctx.memo("sections.first_labels", lambda: _first_column_labels(ctx.doc)):
        if anchor in seen:
            continue
        matches = labels.all(label)
        if not matches:
            continue
        seen.add(anchor)
        text = partial(_row_content, first, label, row, grid, names)
        if len(matches) > 1:
            text = _once(text)
        for m in matches:
            add(m.key, partial(_row_place, m.key, label, first, text))
    # Column headers of tables of records (a budget's 'Cost Item | Amount | Basis of Estimate').
    for grid, r in ctx.memo("sections.header_rows", lambda: _header_rows(ctx.vocab, ctx.doc)):
        for cell in grid.rows[r]:
            if cell.merged or not cell.text.strip():
                continue
            m = labels.first(cell.text)
            if m is None:
                continue
            add(m.key, partial(_column_place, m.key, grid, r, cell))
    return index


def _heading_place(key: str, section: Section, content: Callable[[], tuple[Parts, list[Block]]]) -> SectionHit:
    parts, blocks = content()
    return SectionHit(key, section.title, parts, section.heading.location.with_text(section.title),  # type: ignore[union-attr]
                      "heading", section=section, blocks=blocks)


def _field_place(key: str, f: Field, value: Callable[[], str]) -> SectionHit:
    return SectionHit(key, f.label, value(), f.location, "field", field=f)


def _paragraph_place(key: str, label: str, block: Block, under: Callable[[], list[Block]]) -> SectionHit:
    content = under()
    return SectionHit(key, label, "\n".join(
        b.text if b.grid is None else "\n".join(" | ".join(c.text for c in row if not c.merged) for row in b.grid.rows)
        for b in content), block.location.with_text(label), "heading", blocks=content)


def _row_place(key: str, label: str, first: Cell, text: Callable[[], str]) -> SectionHit:
    return SectionHit(key, label, text(), first.location.with_text(label), "field")


def _column_place(key: str, grid: Grid, r: int, cell: Cell) -> SectionHit:
    """A column header's place: the column's values under it."""
    col = cell.col
    return SectionHit(key, cell.text, "\n".join(row[col].text for row in grid.rows[r + 1:]
                                                if col < len(row) and not row[col].merged and row[col].text.strip()),
                      cell.location, "column")


def _heading_content(ctx: Context, section: Section, matches: tuple[Match, ...], labels: _Labels,
                     siblings: dict[int, tuple[Section, int]], bodies: "_Bodies") -> tuple[Parts, list[Block]]:
    """A heading's content and blocks: its section's, and the following siblings' it folds in."""
    spans: list[tuple[int, int] | str] = [bodies.span(section)]
    blocks = bodies.blocks(section)
    # Typed headings that are really content (bold dates, names under 'Milestones') follow as
    # siblings; fold them in up to the next heading that names a section.
    own = {m.key for m in matches}
    own.update(k for key in list(own) for k in children(ctx.vocab, ctx.doc_type, key))
    for sibling in _following_siblings(section, siblings):
        named = labels.first(sibling.title)
        if named is not None and named.key not in own:
            break  # the next section; a sub-field of this one ('Dates' under 'Milestones') is its content
        spans += (sibling.title, bodies.span(sibling))
        if sibling.heading is not None:
            blocks.append(sibling.heading)
        blocks.extend(bodies.blocks(sibling))
    return Parts(bodies, tuple(spans)), blocks  # joined when asked


def _field_content(ctx: Context, f: Field, synonyms: Synonyms, names: Callable[[str], bool]) -> str:
    """A field's value, or what stands under or beside its label when the value is empty or a header."""
    value = f.value
    if _looks_like_label(ctx.vocab, value, synonyms):
        value = ""  # a header cell beside the label ('Project Deliverables | Detailed Description')
    below = _rows_below(f, ctx, names) if not value.strip() else _detail_rows(f, ctx)
    return "\n".join(t for t in (value, below) if t.strip())


def _row_content(first: Cell, label: str, row: list[Cell], grid: Grid, names: Callable[[str], bool]) -> str:
    """A first-column label's value: the rest of its cell and row, else the rows under it."""
    rest = [c.text.strip() for c in row if not c.merged and c.text.strip() and c is not first]
    inline = first.text.strip()[len(label):].strip()
    return "\n".join(t for t in [inline, *rest] if t) or _box_below(grid, first.row, names)


_SENTENCE = re.compile(r"[。.!?！？;；,，]\s*\S")


def _label_paragraphs(blocks: list[Block]) -> list[tuple[int, str]]:
    """(block index, label) of every short body paragraph that reads as a label — no sentence, not
    a contents line (a tab and a page number, a 'toc' style) — directly over a table or a list."""
    out = []
    for i in _followed_by(blocks, ("table", "list_item")):  # the rarest test first
        block = blocks[i]
        if block.kind != "paragraph" or block.source != "body" or (block.style or "").lower().startswith("toc"):
            continue
        text = block.text.strip()
        if not text or len(text) > 30 or "\t" in block.text or _SENTENCE.search(text):
            continue
        out.append((i, text.rstrip(":：").strip()))
    return out


def _followed_by(blocks: list[Block], kinds: tuple[str, ...]) -> list[int]:
    """The positions of the blocks followed by a block of one of `kinds`, in order: the blocks' kinds
    are scanned by `list.index` (a Python test of each block was most of a plan's label paragraphs)."""
    found: list[int] = []
    every = [block.kind for block in blocks]
    for kind in kinds:
        j = 0
        while True:
            try:
                j = every.index(kind, j + 1)
            except ValueError:
                break
            found.append(j - 1)
    return sorted(found)


def _content_under(blocks: list[Block], i: int) -> list[Block]:
    """The table or list under a label paragraph, up to the next heading or paragraph."""
    out: list[Block] = []
    for block in blocks[i + 1: i + 200]:
        if block.kind not in ("table", "list_item"):
            break
        out.append(block)
    return out


def _first_column_labels(doc: Document) -> list[tuple[Cell, str, list[Cell], tuple, Grid]]:
    """(cell, label, row, the cell's anchor, its grid) for every table row (Word tables, and worksheets that
    are not registers, lookups or forms) whose first filled cell sits in the first two columns and
    could be a form label: its first line is short and has no number of two digits or more. What
    `_index` checks against each synonym set, worked out once."""
    out = []
    grids = [b.grid for b in doc.blocks if b.grid is not None]
    # A sheet that is neither a register, a lookup list nor a form the reader made headings of:
    # a template's labels stand alone in merged rows ('Product Scope Description', its box below).
    grids += [sh.grid for sh in doc.sheets if sh.role == "other" and not sh.hidden]
    for grid in grids:
        for row in grid.rows:
            for first in row:
                if not first.merged and first.text.strip():
                    break
            else:
                continue  # no filled cell
            if first.col > 1:
                continue
            label = first.text.strip().splitlines()[0]
            if len(label) > 60 or _TWO_DIGITS.search(label):
                continue
            out.append((first, label, row, first.location.anchor(), grid))
    return out


def _box_below(grid: Grid, r: int, names) -> str:
    """A label alone on its row (a title row across a box): its content is in the rows under it,
    up to the next row whose first filled cell names a section."""
    out: list[str] = []
    for row in grid.rows[r + 1: r + 30]:
        texts = [c.text.strip() for c in row if not c.merged and c.text.strip()]
        if not texts:
            continue
        if names(texts[0].splitlines()[0].rstrip(":：")):
            break
        out.append(" | ".join(texts))
    return "\n".join(out)


def _header_rows(vocab: Vocabulary, doc: Document) -> list[tuple[Grid, int]]:
    """(grid, header row) of every table of records: a worksheet's header row, a record table's
    (`record_header_row`), or the first row of a Word table of three or more columns whose first
    row looks like column names."""
    sheet_rows = {id(sh.grid): sh.header_row for sh in doc.sheets}
    hidden = {id(sh.grid) for sh in doc.sheets if sh.hidden}
    out = []
    for grid in doc.grids():
        if id(grid) in hidden:
            continue  # a hidden sheet (a template's master copy, a lookup) is not the document's content
        r = sheet_rows.get(id(grid)) if id(grid) in sheet_rows else None
        if r is None:
            r = record_header_row(vocab, grid)
        if r is None and len(grid.rows) >= 2 and id(grid) not in sheet_rows and grid.width >= 3 \
                and looks_like_header_row(grid.rows[0]):
            r = 0  # a Word table whose first row names its columns
        if r is not None:
            out.append((grid, r))
    return out


def _contents_entries(bodies: "_Bodies") -> set[int]:
    """ids of the sections that are lines of a contents list typed as headings: nothing under
    them, and their title (numbering aside) comes back as a later heading with the real content."""
    sections = [s for s in bodies.sections if s.heading is not None]
    blank = [i for i, s in enumerate(sections) if bodies.blank(s)]
    if not blank:
        return set()  # (most documents: the titles need not be compared)
    later: dict[str, int] = {}
    for i, s in enumerate(sections):
        later[norm_label(s.title)] = i  # the last heading of each title
    return {id(sections[i]) for i in blank if later.get(norm_label(sections[i].title), i) > i}


# `_Bodies._marks`: a piece not scanned yet, without a placeholder's word, with one (`_UNSCANNED`: runs of
# the pieces not scanned yet, and of those whose normal form is not worked out yet in `_Bodies._normed`).
_UNSCANNED, _CLEAN, _SUSPECT = re.compile(rb"\x00+"), 1, 2


class _Bodies:
    """Every section's body text (`Section.body_text()`'s non-blank parts) and blocks
    (`Section.all_blocks()`) for the whole outline, from one walk: a section and its sub-sections
    are consecutive in the walk, so each section's are a span of two shared lists, and a section's
    text is not copied into each section above it. The walk's order and each section's place among
    its siblings come from the same walk (what every synonym set's index goes through)."""

    __slots__ = ("sections", "siblings", "pieces", "_norms", "_normed", "_marks", "_blocks", "_spans", "_runs_without")

    def __init__(self, root: Section):
        self.sections: list[Section] = []  # the outline's sections in walk order (`Section.walk`)
        # id(section) -> (its parent, its position), the first parent in walk order (`_following_siblings`)
        self.siblings: dict[int, tuple[Section, int]] = {}
        self.pieces: list[str] = []  # the non-blank texts of the blocks (a table's: its cells) in walk order
        self._norms: list[str] | None = None  # `nfkc` of each piece once `_normed` says so, else the piece
        self._normed: bytearray | None = None  # per piece: 1 once its normal form is in `_norms`
        # Per piece, whether it may hold part of a placeholder (`_UNSCANNED`, `_CLEAN`, `_SUSPECT`).
        self._marks: tuple[Vocabulary, bytearray] | None = None
        self._blocks: list[Block] = []
        self._spans: dict[int, tuple[int, int, int, int]] = {}
        # per pattern: the runs of pieces (start, end) known to hold no match of it when joined
        self._runs_without: dict[re.Pattern[str], list[tuple[int, int]]] = {}
        self._visit(root)

    def _visit(self, section: Section) -> None:
        self.sections.append(section)
        pieces, blocks = self.pieces, self._blocks
        p0, b0 = len(pieces), len(blocks)
        for block in section.blocks:
            if block.kind == "table" and block.grid is not None:
                pieces.extend(t for row in block.grid.rows for c in row if not c.merged and (t := c.text).strip())
            elif block.text.strip():
                pieces.append(block.text)
        blocks.extend(section.blocks)
        siblings = self.siblings
        for i, child in enumerate(section.children):
            siblings.setdefault(id(child), (section, i))
            self._visit(child)
        self._spans[id(section)] = (p0, len(pieces), b0, len(blocks))

    def run_holds(self, x: re.Pattern[str], run: tuple[int, int]) -> bool:
        """Whether `x` finds a match in the normal forms of the pieces of `run` joined by line feeds,
        for a pattern that survives widening (`checker.text.widening`): a run inside one known to hold
        none holds none either, and is not read."""
        start, end = run
        without = self._runs_without.setdefault(x, [])
        if any(s <= start and end <= e for s, e in without):
            return False
        if x.search("\n".join(self.norms(start, end))):
            return True
        without.append(run)
        return False

    def edge(self, lines: Sequence[tuple[int, int] | str], k: int, last: bool) -> list[str]:
        """The last (or first) whole lines of the text joined from `lines` (`Parts.lines`), in normal
        form, as few as hold `k` characters (all of them when they hold fewer), in the text's order."""
        out: list[str] = []
        size = 0
        for line in (reversed(lines) if last else lines):
            if line.__class__ is str:
                texts = [nfkc(line)]  # type: ignore[arg-type]
            else:
                start, end = line  # type: ignore[misc]
                texts = self.norms(start, end)
                if last:
                    texts.reverse()
            for text in texts:
                out.append(text)
                size += len(text) + 1
                if size > k:
                    return out[::-1] if last else out
        return out[::-1] if last else out

    def norms(self, start: int, end: int) -> list[str]:
        """`nfkc` of the pieces start to end, each worked out once (a piece already in normal form is
        itself: no copy), and only the pieces of the contents read (PMP-02 reads 3,000 pieces of the
        20,000 of a 20,000-paragraph plan)."""
        if self._norms is None or self._normed is None:
            self._norms, self._normed = list(self.pieces), bytearray(len(self.pieces))
        norms, normed = self._norms, self._normed
        for gap in _UNSCANNED.finditer(normed, start, end):
            a, b = gap.span()
            norms[a:b] = [nfkc(piece) for piece in self.pieces[a:b]]
            normed[a:b] = b"\x01" * (b - a)
        return norms[start:end]

    def surely_filled(self, vocab: Vocabulary, spans: tuple[tuple[int, int] | str, ...]) -> bool:
        """True when the content made of `spans` is not empty by `is_empty_text`'s default test of a
        heading, known without joining it: one of its pieces has 20 characters besides blanks, not
        all dashes and dots (longer than 'N/A' alone or the length threshold), and none of its
        pieces or titles may hold part of a placeholder (`placeholder_word_searches`). Each content
        holds its sub-sections' and folded siblings', so joining and scanning each was the same
        text scanned several times; here each piece is scanned once at most (`_may_hold_placeholder`)."""
        searches = placeholder_word_searches(vocab)
        if searches is None:
            return False
        pieces = self.pieces
        filled = False
        for span in spans:
            if span.__class__ is str:
                if any(search.in_text(span) for search in searches):  # type: ignore[arg-type]
                    return False
                continue
            start, end = span  # type: ignore[misc]
            if self._may_hold_placeholder(vocab, searches, start, end):
                return False
            if not filled:  # (most often the first piece is long enough: its normal form alone)
                filled = any(_past_thresholds(nfkc(pieces[j])) for j in range(start, end))
        return filled

    def _may_hold_placeholder(self, vocab: Vocabulary, searches: tuple[Search, ...], start: int, end: int) -> bool:
        """Whether one of the pieces start to end may hold part of a placeholder (`searches` finds it).

        The pieces not scanned yet are scanned joined (`TextSet`), and marked: each piece is scanned
        once at most, and only the pieces of the contents asked about (a check asks about a few
        sections; the document's every piece was scanned before, ~20 ms at 20,000 paragraphs)."""
        if self._marks is None or self._marks[0] is not vocab:
            self._marks = (vocab, bytearray(len(self.pieces)))
        marks = self._marks[1]
        for gap in _UNSCANNED.finditer(marks, start, end):
            a, b = gap.span()
            texts = self.pieces[a:b]
            hits = containing([TextSet(set(texts))], *searches)
            marks[a:b] = bytes(_SUSPECT if t in hits else _CLEAN for t in texts) if hits else bytes((_CLEAN,)) * (b - a)
        return marks.find(_SUSPECT, start, end) >= 0

    def span(self, section: Section) -> tuple[int, int]:
        """(start, end) of the section's texts in `pieces`."""
        p0, p1, _, _ = self._spans[id(section)]
        return p0, p1

    def blank(self, section: Section) -> bool:
        p0, p1, _, _ = self._spans[id(section)]
        return p0 == p1

    def blocks(self, section: Section) -> list[Block]:
        """A new list of the section's blocks, its sub-sections' included."""
        _, _, b0, b1 = self._spans[id(section)]
        return self._blocks[b0:b1]


def _past_thresholds(text: str) -> bool:
    """20 characters or more besides blanks, not all dashes and dots: a text (or any text holding it)
    that is longer than the length threshold and than 'N/A', '-', '无' alone (`_NA_ONLY`: 16 at most)."""
    if len(text) < EMPTY_EN:
        return False
    core = "".join(text.split())
    return len(core) >= EMPTY_EN and bool(core.strip("-—.。"))


def _following_siblings(section: Section, where: dict[int, tuple[Section, int]]) -> list[Section]:
    """Up to 11 sections after `section` under its parent (`where`: `_Bodies.siblings`)."""
    found = where.get(id(section))
    if found is None:
        return []
    parent, i = found
    return parent.children[i + 1: i + 12]


def _cells_by_anchor(ctx: Context) -> dict[tuple, tuple[Any, Any]]:
    def compute():
        out = {}
        for grid in ctx.doc.grids():
            for row in grid.rows:
                for cell in row:
                    out.setdefault(cell.location.anchor(), (grid, cell))
        return out
    return ctx.memo("sections.cells", compute)


def _looks_like_label(vocab: Vocabulary, value: str, synonyms: Synonyms) -> bool:
    v = value.strip()
    if not v or len(v) > 40 or "\n" in v or re.search(r"\d", v):
        return False
    if v.endswith((":", "：")):
        return True
    long_enough = len(v) >= (4 if has_cjk(v) else 5)  # '批准', 'Final' are values, not labels
    return long_enough and (synonyms.match(v, allow_partial=False) is not None or
                            doc_control_synonyms(vocab).match(v, allow_partial=False) is not None) or \
        bool(re.fullmatch(r"(?:detailed\s+)?description|details|说明|描述|内容|详细说明|备注|remarks?", v, re.I)) or \
        bool(re.search(r"(?:\bdate|\bname|signature|日期|时间|姓名|签字|签名)$", v, re.I))


def _paragraphs_below(f: Field, names, blocks: list[Block]) -> str:
    """'Key Success Criteria:' alone on its line, its content in the paragraphs that follow."""
    anchor = f.label_location.anchor()
    for i, block in enumerate(blocks):
        if block.location.anchor() == anchor and block.grid is None:
            out: list[str] = []
            for nxt in blocks[i + 1: i + 40]:
                t = nxt.text.strip()
                if nxt.kind == "heading" or (t.endswith((":", "：")) and len(t) <= 60) or (t and names(t.rstrip(":："))):
                    break
                if nxt.grid is not None:
                    out.extend(" | ".join(c.text for c in row if not c.merged and c.text.strip()) for row in nxt.grid.rows)
                elif t:
                    out.append(t)
            return "\n".join(x for x in out if x.strip())
    return ""


_DETAIL = re.compile(r"^[^:：\n]{1,60}[:：]\s*\S")


def _detail_rows(f: Field, ctx: Context) -> str:
    """'Initial Funding | <constraint>' followed by a row 'Total funding amount: 1000 $ |': the rows
    under a first-column label whose first cell is a 'Label: value' line are that label's details."""
    if f.source != "table" or f.label_location is None:
        return ""
    found = _cells_by_anchor(ctx).get(f.label_location.anchor())
    if found is None or found[1].col != 0:
        return ""
    grid, label = found
    out: list[str] = []
    for row in grid.rows[label.row + 1: label.row + 12]:
        first = next((c for c in row if not c.merged and c.text.strip()), None)
        if first is None or first.col != 0 or not _DETAIL.match(first.text.strip()):
            break
        out.append(first.text.strip())
    return "\n".join(out)


def _rows_below(f: Field, ctx: Context, names) -> str:
    """A form label with its content in the rows under it (up to the next label that names a section)."""
    if f.label_location is None:
        return ""
    cells, blocks = _cells_by_anchor(ctx), ctx.doc.blocks
    found = cells.get(f.label_location.anchor())
    container = found[1].text if found is not None else next(
        (b.text for b in blocks if b.location.anchor() == f.label_location.anchor() and b.grid is None), "")
    if f.location.text and "\n" in container:
        # 'Label:' on a line of a multi-line cell or paragraph: its content is in the lines under it.
        lines = container.splitlines()
        line = f.location.text.strip()
        start = next((i for i, x in enumerate(lines) if x.strip() == line), None)
        if start is not None:
            out: list[str] = []
            for x in lines[start + 1:]:
                t = x.strip()
                if t and ((t.endswith((":", "：")) and len(t) <= 60 and not t.startswith(("-", "•"))) or names(t.rstrip(":："))):
                    break
                if t:
                    out.append(t)
            if out:
                return "\n".join(out)
    if f.source == "line":
        return _paragraphs_below(f, names, blocks)
    if f.source not in ("table", "sheet"):
        return ""
    found = cells.get(f.label_location.anchor())
    if found is None:
        return ""
    grid, label = found
    row_cells = [c for c in grid.rows[label.row] if not c.merged and c.text.strip()]
    if len(row_cells) > 2 or label.col > 1:
        return ""  # a label in the middle of a wide form row: its value is beside it
    out: list[str] = []
    for row in grid.rows[label.row + 1: label.row + 30]:
        texts = [c.text.strip() for c in row if not c.merged and c.text.strip()]
        if not texts:
            continue
        first = texts[0].rstrip(":：")
        if names(first) or (len(texts) == 1 and texts[0].endswith((":", "："))):
            break
        out.append(" | ".join(texts))
    return "\n".join(out)


def section_index(ctx: Context, synonyms: Synonyms | None = None) -> dict[str, Places]:
    syn = synonyms or type_sections(ctx.vocab, ctx.doc_type)
    return ctx.memo(f"sections:{ctx.doc_type}:{id(syn)}", lambda: _index(ctx, syn))


def find_section(ctx: Context, key: str, synonyms: Synonyms | None = None) -> SectionHit | None:
    """The first place that holds section `key` with content, else the first place naming it at all.

    A section whose sub-fields are found (a charter's 'Start Date' and 'Milestone' without a
    'Summary Milestone Schedule' heading) counts as found, at its first sub-field.
    """
    index = section_index(ctx, synonyms)
    hits: Sequence[SectionHit] = index.get(key) or ()
    if not hits and synonyms is None:
        hits = [h for k in children(ctx.vocab, ctx.doc_type, key) for h in index.get(k) or ()]
    return next((h for h in hits if not hit_is_empty(ctx.vocab, h)), hits[0] if hits else None)


def within(inner: tuple[tuple[int, int] | str, ...], outer: tuple[tuple[int, int] | str, ...]) -> bool:
    """Whether a content made of `inner` (`Parts.lines`) is, line for line, part of one made of
    `outer` of the same document: its texts are a run of the other's, so its joined text sits in the
    other's between line feeds or the text's ends."""
    k = len(inner)
    if k == 0:
        return False
    first, last = inner[0], inner[-1]
    for i in range(len(outer) - k + 1):
        head, tail = outer[i], outer[i + k - 1]
        if first.__class__ is str or head.__class__ is str:
            if first != head:
                continue
        elif not (head[0] <= first[0] and first[1] <= head[1] and (k == 1 or first[1] == head[1])):  # type: ignore[index]
            continue  # the first run ends where the other's does, unless it is the only one
        if k == 1:
            return True
        if inner[1:-1] != outer[i + 1:i + k - 1]:
            continue
        if last.__class__ is str or tail.__class__ is str:
            if last == tail:
                return True
        elif tail[0] == last[0] and last[1] <= tail[1]:  # type: ignore[index]
            return True
    return False


def places_matching(pattern: re.Pattern[str], hits: Iterable[SectionHit], widens: bool,
                    lookaheads: Sequence[tuple[re.Pattern[str], int]] = ()) -> Iterator[SectionHit]:
    """Those of `hits` in whose normalised text `pattern` finds a match, in order, one at a time.

    With `widens` (`checker.text.widening.survives_widening`), a heading's content that is line for
    line part of one the pattern did not match is not read: it cannot match either. A heading's
    content holds its sub-sections' and the sibling sections it folds in, so the places of one
    section overlap: on a 20,000-paragraph plan PMP-02 read 4 MB in 225 places, each paragraph about
    five times."""
    missed: list[tuple[Any, tuple[tuple[int, int] | str, ...]]] = []  # (the document's bodies, lines)
    for hit in hits:
        content = hit.content
        lines = content.lines() if widens and content.__class__ is Parts else None  # type: ignore[union-attr]
        if lines is not None and any(bodies is content.bodies and within(lines, other)  # type: ignore[union-attr]
                                     for bodies, other in missed):
            continue
        if lines is not None and lookaheads and not all(_may_hold(content.bodies, lines, x, k)  # type: ignore[union-attr]
                                                        for x, k in lookaheads):
            missed.append((content.bodies, lines))  # type: ignore[union-attr]
        elif pattern.search(hit.norm_text):
            yield hit
        elif lines is not None:
            missed.append((content.bodies, lines))  # type: ignore[union-attr]


def _may_hold(bodies: "_Bodies", lines: tuple[tuple[int, int] | str, ...], x: re.Pattern[str], k: int) -> bool:
    """Whether the text joined from `lines` may hold a match of `x`, a lookahead's pattern with its
    margin (`checker.text.widening.bounded_lookaheads`), told from its lines and runs one by one (each
    run of pieces read once per document) and, around each line feed between them, from whole lines
    holding `k` characters either side: a match that crosses it lies there."""
    for line in lines:
        if x.search(nfkc(line)) if line.__class__ is str else bodies.run_holds(x, line):  # type: ignore[arg-type]
            return True
    return any(x.search("\n".join([*bodies.edge(lines[:j], k, last=True), *bodies.edge(lines[j:], k, last=False)]))
               for j in range(1, len(lines)))


def find_all(ctx: Context, key: str, synonyms: Synonyms | None = None) -> list[SectionHit]:
    return list(section_index(ctx, synonyms).get(key) or ())


def is_empty_text(vocab: Vocabulary, normalized: str, kind: str = "heading", min_chars: int | None = None,
                  placeholder_only: bool = True) -> bool:
    """COM-14: an (NFKC-normalised) section text has no real content. Fields (short values by nature)
    need only be filled in."""
    t = " ".join(normalized.split())
    if not t:
        return True
    if _NA_ONLY.match(t):
        return True
    if placeholder_only and is_placeholder(vocab, t):
        rest = t
        for m in reversed(placeholder_matches(vocab, t)):
            rest = rest[: m.start()] + rest[m.end():]
        if len(re.sub(r"[\W_]+", "", rest)) < 4:
            return True
    if kind != "heading":
        return False
    cjk = has_cjk(t)
    limit = min_chars if min_chars is not None else (EMPTY_ZH if cjk else EMPTY_EN)
    return (len(t) - t.count(" ") if cjk else len(t)) < limit  # Chinese: spaces do not count (t's only blanks)


def hit_is_empty(vocab: Vocabulary, hit: SectionHit, *, min_chars: int | None = None,
                 placeholder_only: bool = True) -> bool:
    """COM-14 for a found section: a table with a filled data row is content, however short.
    (With the default thresholds the answer is kept on the hit: many rules ask it of the same hits.)"""
    if min_chars is None and placeholder_only:
        if hit._empty is None:
            hit._empty = _hit_is_empty(vocab, hit, None, True)
        return hit._empty
    return _hit_is_empty(vocab, hit, min_chars, placeholder_only)


def _hit_is_empty(vocab: Vocabulary, hit: SectionHit, min_chars: int | None, placeholder_only: bool) -> bool:
    if hit.kind == "column" or (hit.kind == "heading" and any(b.kind == "figure" for b in hit.blocks)):
        return False  # a column of values; a section that shows a picture (an organisation chart)
    if hit.kind == "heading" and any(
            b.grid is not None and sum(1 for r in b.grid.rows
                                       if any(not c.blank and not c.merged and not is_placeholder(vocab, c.text) for c in r)) >= 2
            for b in hit.blocks):
        return False
    content = hit.content
    if content.__class__ is Parts and hit.kind == "heading" and min_chars is None and placeholder_only \
            and content.bodies.surely_filled(vocab, content.spans):  # type: ignore[union-attr]
        return False
    return is_empty_text(vocab, hit.norm_text, hit.kind, min_chars, placeholder_only)


def items(vocab: Vocabulary, hit: SectionHit) -> list[str]:
    """The entries a section lists: list items, table data rows, or non-empty lines."""
    if hit.kind == "field":
        parts = re.split(r"[\n;；]|(?:^|\s)(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-•·●▪])\s*", hit.text)
        return [p.strip() for p in parts if p and p.strip() and not _NA_ONLY.match(p)]
    out: list[str] = []
    for block in hit.blocks:
        if block.kind == "table" and block.grid is not None:
            rows = [r for r in block.grid.rows if any(not c.blank and not c.merged for c in r)]
            for row in rows[1:] if len(rows) > 1 else rows:  # the first row is a header
                text = " | ".join(c.text.strip() for c in row if not c.merged and not c.blank)
                if text and not is_placeholder(vocab, text):
                    out.append(text)
        elif block.kind != "heading":
            out.extend(line.strip() for line in block.text.splitlines()
                       if line.strip() and not _NA_ONLY.match(line) and not is_placeholder(vocab, line))
    return out
