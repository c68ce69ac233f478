"""A project named in a document's title: 'Project Charter: Apollo CRM Migration', '智慧仓储管理系统建设项目章程'.

Many real documents carry the project's name only in their title line, beside the document type,
rather than in a 'Project Name' field or section; a reviewer accepts that as naming the project
(COM-01's project name, CH-01's project title). What is left of a title once a document type's name
is taken out names a project unless it is only versions, periods (Week 12, 2026年3月), generic words
(Template, Monthly, 模板, 月度, Project Name) or a placeholder. A body that opens by naming its
project ('The Apollo CRM Migration project will …') names it too.
"""
from __future__ import annotations

import re

from checker.analysis.context import Context
from checker.lexicon.matchers import doc_type_names
from checker.lexicon.predicates import placeholder_matches
from checker.lexicon.vocabulary import Vocabulary
from checker.model.document import Document
from checker.text.normalize import has_cjk, nfkc, strip_numbering

# What is left of a title once the document type is taken out, and is still not a project's name.
_VERSION = re.compile(r"\bv(?:ersion)?\s?\d+(?:\.\d+)*\b|\b\d+(?:\.\d+)+\b|版本\s*\S*|[vV]\d+(?:\.\d+)*", re.I)
_PERIOD = re.compile(r"\b(?:week|wk|month|period|sprint|stage|phase|iteration)\s*(?:no\.?|#)?\s*\d+\b|\bw\d+\b|\bq[1-4]\b|"
                     r"\b(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|"
                     r"第\s*[\d一二三四五六七八九十]+\s*[周期月季阶段]+|\d{2,4}\s*年(?:度)?|\d{1,2}\s*[月日]|[上下本]?[周月]度?", re.I)
_EDGE_WORDS = re.compile(r"^(?:(?:for|of|the|on|to|and)\s+)+|(?:\s+(?:for|of|the|on|to|and))+$", re.I)
_GENERIC_WORDS = frozenset(
    "project programme program document template draft final sample example form weekly monthly quarterly "
    "annual yearly interim initial updated revised detailed preliminary summary executive new name title "
    "guide guidance instructions "
    "项目 文档 文件 模板 样例 范本 范例 草案 草稿 初稿 终稿 定稿 月度 季度 年度 周 月 阶段 最终 修订 更新 名称 "
    "说明 填写 指南 指引 初步 详细 概要 总体 正式".split())
_GENERIC = re.compile("|".join(sorted((w if has_cjk(w) else rf"\b{w}\b" for w in _GENERIC_WORDS), key=len, reverse=True)))
_TITLE_ROWS = 3  # a worksheet's title sits in its first rows
# 'The Apollo CRM Migration project': capitalised words (with their joining words) before 'project'.
_NAMED_PROJECT = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]his)\s+((?:[A-Z][\w&'’-]*\s+(?:(?:of|and|for|the|&)\s+)?){1,6})project\b"
                            # '为此设计图书馆管理信息系统': the system a Chinese project builds is its name
                            # ('建设统一的…平台' describes a platform, it names none)
                            r"|(?:设计|开发|建设|构建|搭建|研发)(?:一[个套款])?((?:(?!的)[\u4e00-\u9fff]){2,16}(?:系统|平台|网站|小程序))(?!的)")
_OPENING, _OPENING_PARAGRAPHS, _SHORT_LINE = 300, 3, 40  # the first sentences of the body's first paragraphs (half as long in Chinese)
_SUBJECT_WORDS = frozenset("software system systems management information it new our this".split())  # 'Software Project'
# '1.0 Marketing Data Application Development Project': a title that is the project's name.
_PROJECT_TITLE = re.compile(r"^((?:[A-Z][\w&'’-]*\s+(?:(?:of|and|for|the|&)\s+)?){1,8})Project$")
_PUNCTUATION = " \t\n:：-–—|/\\()（）《》<>“”\"'「」【】[]、,，.。;；"


def titles(ctx: Context) -> list[str]:
    """What may be the document's title: its Title property, its first heading or short paragraph,
    the short cells of the first row of a table that opens it (a form carries its title there), or
    a worksheet's title cell."""
    doc = ctx.doc
    out = [doc.properties.title] if doc.properties.title.strip() else []
    if doc.is_workbook:
        return out + sheet_titles(doc)
    first = next((b for b in doc.blocks if b.kind == "table" or b.text.strip()), None)
    if first is not None and first.grid is not None and first.grid.rows:
        out.extend(c.text for c in first.grid.rows[0] if 0 < len(c.text.strip()) <= 80)
    elif first is not None and (first.kind == "heading" or len(first.text.strip()) <= 80):
        out.append(first.text)
    return out


def sheet_titles(doc: Document) -> list[str]:
    """The first line of each visible worksheet's title cell: the first text cell of its top rows,
    above its register's header row ('Quality management plan for project: Apollo')."""
    out: list[str] = []
    for sheet in doc.sheets:
        if sheet.hidden or sheet.role == "lookup":
            continue
        top = len(sheet.grid.rows) if sheet.header_row is None else sheet.header_row
        cell = next((c for row in sheet.grid.rows[:min(top, _TITLE_ROWS)] for c in row
                     if not c.merged and isinstance(c.value, str) and c.text.strip()), None)
        if cell is not None:
            line = cell.text.strip().splitlines()[0].strip()
            if 0 < len(line) <= 120:
                out.append(line)
    return out


def project_named(ctx: Context) -> bool:
    """Whether the document names its project in its title or in its opening sentence (worked out
    once per document: COM-01 and the required-section rules both ask)."""
    return ctx.memo("project_named", lambda: project_in_title(ctx) or project_in_opening(ctx) is not None or any(
        project_as_title(ctx.vocab, title) for title in titles(ctx)))


def project_as_title(vocab: Vocabulary, title: str) -> str | None:
    """A title that is the project's name with the word 'project' ('1.0 Marketing Data Application
    Development Project', the level-1 box of a WBS): the name before it."""
    m = _PROJECT_TITLE.match(" ".join(strip_numbering(nfkc(title)).split()))
    if m is None or placeholder_matches(vocab, title):
        return None
    name = _EDGE_WORDS.sub("", m.group(1)).strip()
    words = [w for w in _GENERIC.sub(" ", name.lower()).split() if w not in _SUBJECT_WORDS]
    return name if words else None


def project_in_title(ctx: Context) -> bool:
    """Whether a title names the project beside the document type ('Project Charter: Apollo CRM
    Migration'); a title that is the type alone, or the type and 'Template', does not."""
    return any(name_beside_type(ctx.vocab, title) for title in titles(ctx))


def project_in_opening(ctx: Context) -> str | None:
    """The project's name as the body's first sentences give it: 'The Electronic Recycling Factory
    project involves …' (a proper name, capitalised, before the word 'project'), '…设计图书馆管理信息
    系统…' (the system it builds)."""
    if ctx.doc.is_workbook:
        return None
    seen = 0
    for block in ctx.doc.blocks:
        text = block.text.strip()
        if block.kind != "paragraph" or block.location.table is not None or len(text) <= _SHORT_LINE // (2 if has_cjk(text) else 1):
            continue
        m = _NAMED_PROJECT.search(block.text[:_OPENING])
        name = m and (m.group(1) or m.group(2))
        if name and _GENERIC.sub(" ", name.lower()).strip(_PUNCTUATION):
            return name.strip()
        seen += 1
        if seen == _OPENING_PARAGRAPHS:
            return None
    return None


def name_beside_type(vocab: Vocabulary, title: str) -> str | None:
    if placeholder_matches(vocab, title):
        return None  # 'Project Charter [Insert Project Name]' names no project
    t = " ".join(nfkc(title).lower().split())
    for name in doc_type_names(vocab):
        i = t.find(name)
        if i < 0 or (not has_cjk(name) and not _word_bounded(t, i, len(name))):
            continue
        rest = _PERIOD.sub(" ", _VERSION.sub(" ", t[:i] + " " + t[i + len(name):]))
        rest = " ".join(rest.split()).strip(_PUNCTUATION)
        rest = _EDGE_WORDS.sub("", rest).strip(_PUNCTUATION)
        meaningful = _GENERIC.sub(" ", rest)  # a name is more than 'Weekly', '模板' or 'Project Name'
        if _speaks_of(meaningful, name):
            return None  # 'Establish the Charter Activity: Project Charter' is about the document
        if sum(1 for ch in meaningful if has_cjk(ch)) >= 2 or re.search(r"[a-z]{3,}", meaningful):
            return rest
        return None
    return None


def _speaks_of(rest: str, type_name: str) -> bool:
    """Whether the rest of a title names the document type again ('charter' beside 'Project Charter',
    '章程' beside '项目章程'): a project is not named after the document that describes it."""
    core = _GENERIC.sub(" ", type_name).split()
    if has_cjk(type_name):
        return any(len(word) >= 2 and word in rest for word in core)
    return any(re.search(rf"\b{re.escape(word)}\b", rest) for word in core if len(word) >= 4)


def _word_bounded(text: str, start: int, size: int) -> bool:
    end = start + size
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
