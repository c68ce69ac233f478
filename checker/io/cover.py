"""A Word document's cover or title block: the run of short lines before its first section.

Real documents name their project, themselves and their date on the cover without labels: the
project's name on the line above or below the title ('Apollo CRM Migration' / 'Project Management
Plan'), the organisation that wrote it, a line that is only a date or a month and year ('2026年3月',
'二〇二六年三月', 'March 2026'), a version line ('V1.2'). A reviewer reads those lines as the
document-control fields they are; this module gives them to the rules as fields whose `key` says
what each line is (their label is empty: the document gives none).

The cover ends at the contents, the first numbered heading, the first list or sentence, or after
`MAX_LINES` lines; it is a cover only if one of its lines is the document's title (it names a
document type or ends with a document's head noun, `common.yaml` `document_nouns`). A date range is
the project's period, not the document's date. A form table on the cover that names a person or a
team (a course report's 'Name' / '姓名' row, a '组长' row: `cover_writer_labels`) names who wrote it.
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.lexicon.files import words
from checker.lexicon.matchers import common_labels, doc_type_names, field_labels, section_names
from checker.lexicon.predicates import is_placeholder
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Block, Field
from checker.model.outline import numbered_heading_level
from checker.text.dates import date_line, parse_date
from checker.text.normalize import has_cjk, nfkc, norm_label

MAX_LINES = 16  # a cover or title block is a page of short lines
MAX_LINE = 80  # longer is a sentence of the body
MAX_NAME = 60  # a project's name is shorter still
_SHORT = 20  # a line that ends a sentence and is longer than this is the body's first sentence
_CONTENTS = re.compile(r"^(?:table of )?contents$|^目\s*录$", re.I)
_CONTENTS_ENTRY = re.compile(r"\t\s*\d+\s*$")  # 'Introduction<TAB>3': a line of the contents
_VERSION_LINE = re.compile(r"^(?:version|ver\.?|rev(?:ision)?\.?|v|版本号?|第)\s*[:：]?\s*v?(\d+(?:\.\d+)*)\s*版?$", re.I)
_SENTENCE_END = re.compile(r"[。！？；;!?]$|[a-z]\.$")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s*[\u4e00-\u9fff]")  # '1项目基本情况': a numbered heading
# Words every project's documents use; a line of nothing else names no project.
_GENERIC = re.compile(r"\b(?:project|programme|program|management|software|system|information|plan|planning|"
                      r"the|of|and|for)\b|项目|管理|软件|系统|信息|计划|工程")
_FILLER = re.compile(r"(?<![A-Za-z])[xX×]{3,}|_{3,}|…{2,}|\.{4,}")
_COLON = re.compile(r"[:：]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_LOWER_WORD = re.compile(r"[a-z]+")


def cover_fields(vocab: Vocabulary, blocks: Iterable[Block], fields: Iterable[Field] = ()) -> list[Field]:
    """The document-control fields a cover gives by position: `project_name`, `date`, `version` (a
    field found by its label elsewhere is kept: these come after it). The title itself is the
    document's title (`checker.analysis.titles`)."""
    lines, tables, body_next = _cover_lines(blocks)
    titles = [i for i, b in enumerate(lines) if _is_title(vocab, b.text)]
    if not titles:
        return []
    fields = list(fields)
    taken = {f.location.anchor() for f in fields if f.location is not None}
    out: list[Field] = []
    writer = next((f for f in fields if f.source == "table" and f.location.table in tables and f.value.strip()
                   and not is_placeholder(vocab, f.value) and norm_label(f.label) in common_labels(vocab, "cover_writer_labels")), None)
    if writer is not None:
        out.append(Field(writer.label, writer.value, writer.location, writer.label_location, "cover", key="author"))
    project = _project_line(vocab, lines, titles[0], taken, body_next)
    if project is not None:
        out.append(_field("project_name", project))
    for key, find in (("date", _is_date_line), ("version", _is_version_line)):
        hit = next((b for b in lines if b.location.anchor() not in taken and find(b.text)), None)
        if hit is not None:
            out.append(_field(key, hit))
    return out


def _field(key: str, block: Block) -> Field:
    text = " ".join(block.text.split())
    return Field("", text, block.location.with_text(text), block.location, "cover", key=key)


def _cover_lines(blocks: Iterable[Block]) -> tuple[list[Block], set[int], bool]:
    """The text blocks of the leading run of short lines, the numbers of the (form) tables among
    them, and whether the body (a sentence, a list, a numbered heading) follows its last line right
    away."""
    out: list[Block] = []
    tables: set[int] = set()
    body_next = False
    for block in blocks:
        if block.kind == "table" and block.source == "body" and block.location.table is not None:
            tables.add(block.location.table)
            continue
        if block.source not in ("body", "textbox") or block.location.table is not None:
            continue
        body_next = False
        if block.kind == "table":
            continue
        text = block.text.strip()
        if not text:
            continue
        if len(out) >= MAX_LINES or _CONTENTS.match(" ".join(text.lower().split())) or _CONTENTS_ENTRY.search(block.text):
            break
        if (block.kind == "list_item" or len(text) > MAX_LINE or (len(text) > _SHORT and _SENTENCE_END.search(text))
                or (parse_date(text) is None and (numbered_heading_level(text) is not None or _NUMBERED.match(text)))):
            body_next = True  # a sentence, a list or '1. Introduction': the body begins
            break
        out.append(block)
    return out, tables, body_next


def _project_line(vocab: Vocabulary, lines: list[Block], title: int, taken: set, body_next: bool) -> Block | None:
    """The project's name: the nearest name-like line above the title (past organisation and
    `label: value` lines), else the line right below it, unless the body starts under that line
    (then it is the first section's heading)."""
    for block in reversed(lines[:title]):
        if _is_name_line(vocab, block.text) and block.location.anchor() not in taken:
            return block
        if not _is_passed_over(vocab, block.text):
            break
    below = lines[title + 1] if title + 1 < len(lines) else None
    if below is None or (body_next and below is lines[-1]):
        return None
    return below if below.location.anchor() not in taken and _is_name_line(vocab, below.text) else None


def _is_passed_over(vocab: Vocabulary, text: str) -> bool:
    """Lines between a project's name and the title that are something else: organisation lines,
    `label: value` lines (a course or a department), placeholders."""
    return _is_organisation(vocab, text) or bool(_COLON.search(text)) or is_placeholder(vocab, text)


def _is_name_line(vocab: Vocabulary, text: str) -> bool:
    t = " ".join(nfkc(text).split())
    if not t or len(t) > MAX_NAME or _COLON.search(t) or _SENTENCE_END.search(t):
        return False
    if not (_LATIN_WORD.search(t) or sum(1 for ch in t if has_cjk(ch)) >= 2):
        return False
    if _FILLER.search(t):
        return False  # 'xxxx项目': the template's name left to fill in
    if not _GENERIC.sub("", t.lower()).strip(" -–—_/&,.()（）·"):
        return False  # 'Project Management', '软件项目管理': a subject, not a project's name
    section = section_names(vocab).match(t)
    return not (_is_date_line(t) or _is_version_line(t) or _is_organisation(vocab, t) or is_placeholder(vocab, t)
                or _is_title(vocab, t) or field_labels(vocab).match(t, allow_partial=False) is not None
                or (section is not None and section.strong))  # 'Scope Description': the first section


def _is_date_line(text: str) -> bool:
    return date_line(text) is not None


def _is_version_line(text: str) -> bool:
    return bool(_VERSION_LINE.match(" ".join(nfkc(text).split())))


def _is_title(vocab: Vocabulary, text: str) -> bool:
    """A title: it names a document type ('Project Charter: Apollo') or ends with a document's head
    noun ('Lessons Learned Report', '进度管理计划书')."""
    t = " ".join(nfkc(text).lower().split()).strip(" .:：-–—")
    if not t or len(t) > MAX_LINE:
        return False
    if any(name in t and (pattern is None or pattern.search(t)) for name, pattern in _type_name_patterns(vocab)):
        return True
    nouns_en, nouns_zh = _document_nouns(vocab)
    last = _LOWER_WORD.findall(t)
    return (bool(last) and t.endswith(last[-1]) and last[-1] in nouns_en and len(last) >= 2) or t.endswith(nouns_zh)


def _is_organisation(vocab: Vocabulary, text: str) -> bool:
    """A line naming an organisation: 'Department of …', '… University', '…有限公司', '…学院'."""
    t = " ".join(nfkc(text).split())
    words_en, suffixes_zh = _organisation_words(vocab)
    if words_en.search(t):
        return True
    return any(t.endswith(s) for s in suffixes_zh)


@derived
def _document_nouns(vocab: Vocabulary) -> tuple[frozenset[str], tuple[str, ...]]:
    entry = vocab.common.get("document_nouns") or {}
    return frozenset(w.lower() for w in entry.get("en") or []), tuple(entry.get("zh") or [])


@derived
def _organisation_words(vocab: Vocabulary) -> tuple[re.Pattern[str], tuple[str, ...]]:
    entry = vocab.common.get("organisation_words") or {}
    en = [re.escape(w) for w in words({"en": entry.get("en")})]
    zh = tuple(words({"zh": entry.get("zh")}))
    return re.compile((rf"(?<![A-Za-z])(?:{'|'.join(en)})(?![A-Za-z])" if en else r"(?!)"), re.I), zh


@derived
def _type_name_patterns(vocab: Vocabulary) -> tuple[tuple[str, re.Pattern[str] | None], ...]:
    """Each document type name, and the pattern that finds a Latin one as a whole word (None: a
    Chinese one, found as it is)."""
    return tuple((name, None if has_cjk(name) else re.compile(rf"(?<![a-z]){re.escape(name)}(?![a-z])"))
                 for name in doc_type_names(vocab))
