"""Kind `doc_control`: the document-control block names project, title, version, date and author.

A field is satisfied by a non-empty value that is not template prompt text. A list inside `fields`
means any one of them will do (`[author, owner]`). The document title may also be the document's
own title (its first heading or title paragraph), which is how most real documents carry it; and
the project name may be given in that title beside the document type ('Project Charter: Apollo
CRM Migration', '智慧仓储管理系统建设项目章程'), which a reviewer accepts as naming the project.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from checker import lexicon
from checker.findings import Finding
from checker.kinds.base import Context, Kind
from checker.sections import find_section
from checker.views import doc_control, doc_control_synonyms, first_value
from checker.text import has_cjk, nfkc
from checker.vocab import is_placeholder, placeholder_matches

# What is left of a title once the document type is taken out, and is still not a project's name.
_VERSION = re.compile(r"\bv(?:ersion)?\s?\d+(?:\.\d+)*\b|\b\d+(?:\.\d+)+\b|版本\s*\S*|[vV]\d+(?:\.\d+)*", re.I)
_PERIOD = re.compile(r"\b(?:week|wk|month|period|sprint|stage|phase|iteration)\s*(?:no\.?|#)?\s*\d+\b|\bw\d+\b|\bq[1-4]\b|"
                     r"\b(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|"
                     r"第\s*[\d一二三四五六七八九十]+\s*[周期月季阶段]+|\d{2,4}\s*年(?:度)?|\d{1,2}\s*[月日]|[上下本]?[周月]度?", re.I)
_EDGE_WORDS = re.compile(r"^(?:(?:for|of|the|on|to|and)\s+)+|(?:\s+(?:for|of|the|on|to|and))+$", re.I)
_GENERIC_WORDS = frozenset(
    "project programme program document template draft final sample example form weekly monthly quarterly "
    "annual yearly interim initial updated revised detailed preliminary summary executive new name title "
    "项目 文档 文件 模板 样例 范本 范例 草案 草稿 初稿 终稿 定稿 月度 季度 年度 周 月 阶段 最终 修订 更新 名称".split())
_GENERIC = re.compile("|".join(sorted((w if has_cjk(w) else rf"\b{w}\b" for w in _GENERIC_WORDS), key=len, reverse=True)))
_PUNCTUATION = " \t\n:：-–—|/\\()（）《》<>“”\"'「」【】[]、,，.。;；"

FIELD_NAMES = {
    "project_name": ("project name", "项目名称"), "project_id": ("project ID", "项目编号"),
    "doc_title": ("document title", "文档名称"), "doc_id": ("document number", "文档编号"),
    "version": ("version", "版本号"), "status": ("status", "文档状态"), "date": ("date", "日期"),
    "author": ("author", "编制人"), "owner": ("owner", "文档负责人"), "client": ("client", "客户"),
    "reviewer": ("reviewer", "审核人"), "approver": ("approver", "批准人"),
}


def field_name(key: str, language: str) -> str:
    en, zh = FIELD_NAMES.get(key, (key.replace("_", " "), key))
    return zh if language == "zh" else en


class DocControl(Kind):
    name = "doc_control"

    def check(self, ctx: Context) -> Iterable[Finding]:
        lang = ctx.message_language
        sep = "、" if lang == "zh" else ", "
        missing: list[str] = []
        for entry in self.params.get("fields", []):
            options = entry if isinstance(entry, list) else [entry]
            found = [first_value(ctx, key) for key in options]
            present = [f for f in found if f is not None]
            if any(f.value.strip() and not is_placeholder(f.value) for f in present):
                continue
            if options == ["doc_title"] and self._has_title(ctx):
                continue
            if options == ["project_name"] and not present and project_in_title(ctx):
                continue
            if not present and any(self._as_section(ctx, key) for key in options):
                continue
            if present:
                f = present[0]
                # An empty value or a prompt left in place: point at the cell to fill in.
                yield self.finding(ctx, f.location.with_text(f.label) if not f.value.strip() else f.location,
                                   variant="empty", field=f.label.strip(" :："))
                continue
            missing.append("/".join(field_name(k, lang) for k in options))
        if missing:
            anchor = next(iter(doc_control(ctx).values()), [None])[0]
            yield self.finding(ctx, anchor.label_location if anchor else None, field=sep.join(missing))

    @staticmethod
    def _as_section(ctx: Context, key: str) -> bool:
        """A 'Project Name' heading followed by the name is the field written as a section."""
        hit = find_section(ctx, key, doc_control_synonyms())
        return (hit is not None and hit.kind == "heading" and bool(hit.text.strip())
                and len(hit.text.strip()) <= 120 and not is_placeholder(hit.text))

    @staticmethod
    def _has_title(ctx: Context) -> bool:
        return bool(_titles(ctx))


def _titles(ctx: Context) -> list[str]:
    """What may be the document's title: its Title property, its first heading or short paragraph,
    or the short cells of the first row of a table that opens it (a form carries its title there)."""
    doc = ctx.doc
    out = [doc.properties.title] if doc.properties.title.strip() else []
    first = next((b for b in doc.blocks if b.kind == "table" or b.text.strip()), None)
    if first is not None and first.grid is not None and first.grid.rows:
        out.extend(c.text for c in first.grid.rows[0] if 0 < len(c.text.strip()) <= 80)
    elif first is not None and (first.kind == "heading" or len(first.text.strip()) <= 80):
        out.append(first.text)
    return out


def project_in_title(ctx: Context) -> bool:
    """Whether a title names the project beside the document type ('Project Charter: Apollo CRM
    Migration'); a title that is the type alone, or the type and 'Template', does not."""
    return any(_name_beside_type(title) for title in _titles(ctx))


def _name_beside_type(title: str) -> str | None:
    if placeholder_matches(title):
        return None  # 'Project Charter [Insert Project Name]' names no project
    t = " ".join(nfkc(title).lower().split())
    for name in _type_names():
        i = t.find(name)
        if i < 0 or (not has_cjk(name) and not _word_bounded(t, i, len(name))):
            continue
        rest = _PERIOD.sub(" ", _VERSION.sub(" ", t[:i] + " " + t[i + len(name):]))
        rest = " ".join(rest.split()).strip(_PUNCTUATION)
        rest = _EDGE_WORDS.sub("", rest).strip(_PUNCTUATION)
        meaningful = _GENERIC.sub(" ", rest)  # a name is more than 'Weekly', '模板' or 'Project Name'
        if sum(1 for ch in meaningful if has_cjk(ch)) >= 2 or re.search(r"[a-z]{3,}", meaningful):
            return rest
        return None
    return None


def _word_bounded(text: str, start: int, size: int) -> bool:
    end = start + size
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


@lru_cache(maxsize=1)
def _type_names() -> tuple[str, ...]:
    """Every document type's names, folded, longest first ('project management plan' before 'plan')."""
    names = {" ".join(nfkc(n).lower().split()) for spec in lexicon.doc_types().values()
             for n in lexicon.words(spec.get("names"))}
    return tuple(sorted((n for n in names if n), key=len, reverse=True))
