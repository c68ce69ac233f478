"""Which of the standard's document types a file is, and how sure we are.

Evidence, strongest first: the document's own title (title paragraph, page header, properties, a
sheet's title cell), the register columns of its tables, the sections and form labels it has, its
sheet names, and last the file name — a hint, not the truth: real files named 项目章程 are
sometimes plans. When the evidence is thin or split, the answer is `UNKNOWN`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from checker.lexicon.files import words
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.document import Document
from checker.model.elements import Grid
from checker.text.normalize import has_cjk, nfkc, norm_label, norm_label_without_unit

UNKNOWN = "UNKNOWN"

W_TITLE = 4.0
W_COLUMNS = 3.5
W_SECTIONS = 3.0
W_SHEET = 1.5
W_FILENAME = 1.5
W_MENTIONS = 0.5
MIN_SCORE = 1.8
MAX_TITLE = 60  # a title is short; a long paragraph that mentions a type is not its title
COLUMN_EVIDENCE_FULL = 3.0  # summed column weights that count as complete register evidence


@dataclass(frozen=True)
class Classification:
    doc_type: str
    confidence: float
    scores: dict[str, float]


@dataclass(frozen=True)
class _TypeVocab:
    name: str
    names: tuple[str, ...]  # normalised
    sections: Synonyms
    section_keys: frozenset[str]
    required_sections: frozenset[str]
    columns: Synonyms
    column_keys: frozenset[str]
    required_columns: frozenset[str]
    sheet_names: tuple[str, ...]
    form: str  # document | register | either


@derived
def _type_vocabs(vocab: Vocabulary) -> tuple[_TypeVocab, ...]:
    out = []
    for name, spec in vocab.doc_types.items():
        sections = spec.get("sections") or {}
        columns = spec.get("columns") or {}
        out.append(_TypeVocab(
            name=name,
            names=tuple(sorted({norm_label(n) for n in words(spec.get("names")) if norm_label(n)}, key=len, reverse=True)),
            sections=Synonyms.from_entries(sections),
            section_keys=frozenset(sections),
            required_sections=frozenset(k for k, v in sections.items() if (v or {}).get("required")),
            columns=Synonyms.from_entries(columns),
            column_keys=frozenset(columns),
            required_columns=frozenset(k for k, v in columns.items() if (v or {}).get("required")),
            sheet_names=tuple(norm_label(n) for n in spec.get("sheet_names") or []),
            form=str(spec.get("form") or "document"),
        ))
    return tuple(out)


@derived
def _column_weights(vocab: Vocabulary) -> dict[tuple[str, str], float]:
    """How telling a column is for its type: 1 / the number of types that have a column of that key.

    'Probability' says risk register; 'Status' or 'ID' says almost nothing.
    """
    types = _type_vocabs(vocab)
    sharing: dict[str, int] = {}
    for tv in types:
        for key in tv.column_keys:
            sharing[key] = sharing.get(key, 0) + 1
    return {(tv.name, key): 1.0 / sharing[key] for tv in types for key in tv.column_keys}


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> str:
    """The regex of a type name as a whole word (Latin) or a plain substring (Chinese)."""
    return re.escape(name) if has_cjk(name) else r"(?<![a-z])" + re.escape(name) + r"(?![a-z])"


@lru_cache(maxsize=4096)
def _name_regex(name: str) -> re.Pattern[str]:
    return re.compile(_name_pattern(name))


def _contains(text: str, name: str) -> bool:
    if has_cjk(name):
        return name in text
    return _name_regex(name).search(text) is not None


_LATIN_RUN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _NameTable:
    """The type names arranged for `_name_hits`, which tests the same as `_contains` on each name.

    A Chinese name is a plain substring (of non-ASCII text only); `chinese_search` is all of them
    as one alternation, a single C scan that rules most lines out. A Latin name matches as whole
    words only, so each of its letter runs is then a whole letter run of the text: Latin names are
    filed under their first run, and a text only tries the names filed under its own runs.
    """

    chinese: tuple[tuple[str, str], ...]  # (type, name)
    chinese_search: Callable[[str], Any]
    latin: dict[str, tuple[tuple[str, str, frozenset[str], Callable[[str], Any]], ...]]  # first run -> (type, name, runs, search)
    latin_other: tuple[tuple[str, str, Callable[[str], Any]], ...]  # not starting with a letter: (type, name, search)


@derived
def _name_table(vocab: Vocabulary) -> _NameTable:
    chinese: list[tuple[str, str]] = []
    latin: dict[str, list[tuple[str, str, frozenset[str], Callable[[str], Any]]]] = {}
    latin_other: list[tuple[str, str, Callable[[str], Any]]] = []
    for tv in _type_vocabs(vocab):
        for n in tv.names:
            if has_cjk(n):
                chinese.append((tv.name, n))
                continue
            runs = _LATIN_RUN.findall(n)
            if runs and n.startswith(runs[0]):
                latin.setdefault(runs[0], []).append((tv.name, n, frozenset(runs), _name_regex(n).search))
            else:
                latin_other.append((tv.name, n, _name_regex(n).search))
    names = sorted({n for _, n in chinese}, key=len, reverse=True)
    search = re.compile("|".join(re.escape(n) for n in names)).search if names else (lambda _t: None)
    return _NameTable(tuple(chinese), search, {run: tuple(entries) for run, entries in latin.items()},
                      tuple(latin_other))


def _name_hits(text: str, table: _NameTable) -> dict[str, int]:
    """Types whose name occurs in `text`; a name inside a longer matching name does not count."""
    t = norm_label(text)
    if not t:
        return {}
    found: list[tuple[str, str]] = []
    if not t.isascii() and table.chinese_search(t) is not None:
        found.extend((type_name, n) for type_name, n in table.chinese if n in t)
    text_runs = set(_LATIN_RUN.findall(t))
    for run in text_runs.intersection(table.latin):
        for type_name, n, runs, search in table.latin[run]:
            if runs <= text_runs and search(t) is not None:
                found.append((type_name, n))
    for type_name, n, search in table.latin_other:
        if search(t) is not None:
            found.append((type_name, n))
    if not found:
        return {}
    longest = [n for _, n in found]
    hits: dict[str, int] = {}
    for type_name, n in found:
        if any(n != other and n in other for other in longest):
            continue
        hits[type_name] = max(hits.get(type_name, 0), len(n))
    return hits


def _title_candidates(doc: Document) -> list[str]:
    out: list[str] = []
    if doc.properties.title:
        out.append(doc.properties.title)
    seen = 0
    for block in doc.blocks:
        if block.kind == "table":
            continue
        if block.text.strip():
            out.append(block.text)
            seen += 1
        if seen >= 4:
            break
    out.extend(b.text for b in doc.headings[:3])
    out.extend(b.text for b in doc.headers if b.kind != "table" and b.text.strip())
    for block in doc.headers:
        if block.grid is not None:
            out.extend(c.text for row in block.grid.rows[:2] for c in row if not c.merged)
    for sheet in doc.sheets:
        if sheet.hidden:
            continue
        top = sheet.header_row if sheet.header_row is not None else 3
        for row in sheet.grid.rows[:max(1, min(top, 3))]:
            out.extend(c.text for c in row if not c.merged and c.text.strip())
    for field in doc.fields:
        if norm_label(field.label) in ("document title", "文档名称", "文件名称", "报告名称", "表名"):
            out.append(field.value)
    first = next((b for b in doc.blocks if b.kind == "table" or b.text.strip()), None)
    if first is not None and first.grid is not None and first.grid.rows:
        # A form that starts with a table often has its title in the table's first row.
        out.extend(dict.fromkeys(c.text for c in first.grid.rows[0] if c.text.strip()))
    return [t for t in out if t and len(t.strip()) <= MAX_TITLE]


def _header_rows(doc: Document) -> Iterable[list[str]]:
    for grid in doc.grids():
        sheet = next((s for s in doc.sheets if s.grid is grid), None)
        if sheet is not None:
            if sheet.header_row is not None:
                yield list(sheet.header_labels.values())
            continue
        yield from _word_table_headers(grid)


def _word_table_headers(grid: Grid) -> Iterable[list[str]]:
    for row in grid.rows[:2]:
        yield [c.text for c in row if not c.merged]


def _labels(doc: Document) -> list[str]:
    labels = [b.text for b in doc.headings]
    labels.extend(f.label for f in doc.fields)
    # A form laid out as a table often uses first-column labels without a value to the right.
    for grid in doc.grids():
        labels.extend(row[0].text for row in grid.rows if row and len(row[0].text) <= 40)
    return [label for label in labels if label.strip()]


def classify(doc: Document, vocab: Vocabulary) -> Classification:
    types = _type_vocabs(vocab)
    names = _name_table(vocab)
    scores = {tv.name: 0.0 for tv in types}

    for text in _title_candidates(doc)[:12]:
        for type_name, _ in _name_hits(text, names).items():
            scores[type_name] = max(scores[type_name], W_TITLE)

    stem = os.path.splitext(os.path.basename(doc.path))[0]
    for type_name in _name_hits(stem.replace("_", " "), names):
        scores[type_name] += W_FILENAME

    # Distinct header rows and labels: a plan repeats the same table layouts and row labels.
    header_rows = list(dict.fromkeys(tuple(r) for r in _header_rows(doc) if len(r) >= 2))
    candidates = _section_candidates(vocab)
    labels_by_type: dict[str, list[str]] = {}
    for n in {norm_label(label) for label in _labels(doc)}:
        for type_name in candidates(n):
            labels_by_type.setdefault(type_name, []).append(n)
    sheet_names = [norm_label(s.name) for s in doc.sheets]
    body = nfkc(doc.all_text(limit=20000)[:20000])
    mentions = _name_hits_counts(body, names)

    weights = _column_weights(vocab)
    register_evidence = 0.0
    for tv in types:
        if tv.column_keys and header_rows:
            best = 0.0
            for row in header_rows:
                keys = {m.key for cell in row if (m := tv.columns.match(cell)) is not None and m.strong}
                best = max(best, sum(weights[(tv.name, k)] for k in keys))
            evidence = min(1.0, best / COLUMN_EVIDENCE_FULL)
            if evidence >= 0.3:
                scores[tv.name] += W_COLUMNS * evidence
                if tv.form != "document":
                    register_evidence = max(register_evidence, evidence)
        if tv.section_keys:
            matched = {m.key for label in labels_by_type.get(tv.name, ())
                       if (m := tv.sections.match(label)) is not None and m.strong}
            required = tv.required_sections or tv.section_keys
            frac = len(matched & required) / len(required)
            if len(matched & required) >= 2:
                scores[tv.name] += W_SECTIONS * frac
        if tv.sheet_names and any(any(_contains(s, n) for n in tv.sheet_names) for s in sheet_names):
            scores[tv.name] += W_SHEET
        if mentions.get(tv.name):
            scores[tv.name] += W_MENTIONS * min(3, mentions[tv.name])

    if doc.is_workbook and register_evidence >= 0.5:
        # A workbook whose main content is a register is a register, whatever its title says
        # ('Project Plan.xlsx' holding a task list is a schedule, not a management plan).
        for tv in types:
            if tv.form == "document":
                scores[tv.name] *= 0.5

    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best_type, best), (_, second) = ranked[0], ranked[1]
    if best < MIN_SCORE:
        return Classification(UNKNOWN, round(max(0.0, 1 - best / MIN_SCORE) * 0.5, 2), scores)
    margin = (best - second) / best
    confidence = min(0.99, 0.5 + 0.5 * margin) * min(1.0, best / (W_TITLE + W_SECTIONS))
    confidence = max(confidence, 0.3)
    if margin < 0.08:
        return Classification(UNKNOWN, round(1 - confidence, 2), scores)
    return Classification(best_type, round(confidence, 2), scores)


_SEEN_LABELS = 8192


@derived
def _section_candidates(vocab: Vocabulary) -> Callable[[str], frozenset[str]]:
    """The types whose section synonyms might match a label with a score ≥ 0.8 (empty: none can).

    Such a match (see `checker.lexicon.synonyms.Synonyms`) is exact (the label, or the label without
    its unit), or the label starts or ends with a synonym. So a table of every type's synonyms, probed
    with the label's prefixes and suffixes of each synonym length, rules most labels and types out at once:
    a register's first column holds thousands of ids that would otherwise be matched against every
    type. The test ignores the finer conditions (distinctive, word boundary), so it only ever lets
    more through than can match.
    """
    types_of: dict[str, set[str]] = {}
    for tv in _type_vocabs(vocab):
        for syn, _key, _distinctive in tv.sections._partial:
            types_of.setdefault(syn, set()).add(tv.name)
    exact = {syn: frozenset(types) for syn, types in types_of.items()}
    # The synonym lengths to probe, by the synonym's first (prefixes) and last (suffixes) character.
    by_first: dict[str, set[int]] = {}
    by_last: dict[str, set[int]] = {}
    for syn in exact:
        by_first.setdefault(syn[0], set()).add(len(syn))
        by_last.setdefault(syn[-1], set()).add(len(syn))
    first_sizes = {ch: sorted(sizes) for ch, sizes in by_first.items()}
    last_sizes = {ch: sorted(sizes) for ch, sizes in by_last.items()}
    none: frozenset[str] = frozenset()
    # Headings and form labels repeat across documents; a register's first column (ids, one per
    # row) does not, and must not grow the cache by its 200,000 rows: a few thousand are kept.
    seen: dict[str, frozenset[str]] = {}

    def candidates(label: str) -> frozenset[str]:
        types = seen.get(label)
        if types is None:
            if len(seen) >= _SEEN_LABELS:
                seen.clear()
            types = seen[label] = probe(label)
        return types

    def probe(label: str) -> frozenset[str]:
        n = norm_label(label)
        if not n:
            return none
        found = [exact[probe] for probe in (n, norm_label_without_unit(label)) if probe in exact]
        size = len(n)
        for k in first_sizes.get(n[0], ()):
            if k >= size:
                break
            if n[:k] in exact:
                found.append(exact[n[:k]])
        for k in last_sizes.get(n[-1], ()):
            if k >= size:
                break
            if n[-k:] in exact:
                found.append(exact[n[-k:]])
        return found[0] if len(found) == 1 else frozenset().union(*found)

    return candidates


def _name_hits_counts(text: str, table: _NameTable) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if len(line) > 200:
            line = line[:200]
        for type_name in _name_hits(line, table):
            counts[type_name] = counts.get(type_name, 0) + 1
    return counts
