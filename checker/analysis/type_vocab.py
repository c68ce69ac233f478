"""The document types' words as the classifier uses them: names, section and column synonyms of each
type (from the `doctypes` lexicon of a vocabulary), and fast look-ups over them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from checker.lexicon.files import words
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.normalize import has_cjk, norm_label, norm_label_without_unit


@dataclass(frozen=True)
class TypeVocab:
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
def type_vocabs(vocab: Vocabulary) -> tuple[TypeVocab, ...]:
    out = []
    for name, spec in vocab.doc_types.items():
        sections = spec.get("sections") or {}
        columns = spec.get("columns") or {}
        out.append(TypeVocab(
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
def column_weights(vocab: Vocabulary) -> dict[tuple[str, str], float]:
    """How telling a column is for its type: 1 / the number of types that have a column of that key.

    'Probability' says risk register; 'Status' or 'ID' says almost nothing.
    """
    types = type_vocabs(vocab)
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


def contains(text: str, name: str) -> bool:
    if has_cjk(name):
        return name in text
    return _name_regex(name).search(text) is not None


_LATIN_RUN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class NameTable:
    """The type names arranged for `name_hits`, which tests the same as `contains` on each name.

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
def name_table(vocab: Vocabulary) -> NameTable:
    chinese: list[tuple[str, str]] = []
    latin: dict[str, list[tuple[str, str, frozenset[str], Callable[[str], Any]]]] = {}
    latin_other: list[tuple[str, str, Callable[[str], Any]]] = []
    for tv in type_vocabs(vocab):
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
    return NameTable(tuple(chinese), search, {run: tuple(entries) for run, entries in latin.items()},
                      tuple(latin_other))


def name_hits(text: str, table: NameTable) -> dict[str, int]:
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


_SEEN_LABELS = 8192


@derived
def section_candidates(vocab: Vocabulary) -> Callable[[str], frozenset[str]]:
    """The types whose section synonyms might match a label with a score ≥ 0.8 (empty: none can).

    Such a match (see `lexicon.Synonyms`) is exact (the label, or the label without its unit), or
    the label starts with a distinctive synonym or ends with a synonym. So a table of every type's
    synonyms, probed with the label's prefixes (of each distinctive synonym's length) and suffixes
    (of each synonym's), rules most labels and types out at once: a register's first column holds
    thousands of ids, a plan's headings 'Objectives: work package 12', that would otherwise be matched
    against every type. The test ignores the finer conditions (lengths, word boundary), so it only
    ever lets more through than can match.
    """
    types_of: dict[str, set[str]] = {}
    leading_types_of: dict[str, set[str]] = {}  # (a label names a leading synonym only when it is distinctive)
    for tv in type_vocabs(vocab):
        for syn, _key, distinctive in tv.sections._partial:
            types_of.setdefault(syn, set()).add(tv.name)
            if distinctive:
                leading_types_of.setdefault(syn, set()).add(tv.name)
    exact = {syn: frozenset(types) for syn, types in types_of.items()}
    leading = {syn: frozenset(types) for syn, types in leading_types_of.items()}
    # The synonym lengths to probe, by the synonym's first (prefixes) and last (suffixes) character.
    by_first: dict[str, set[int]] = {}
    by_last: dict[str, set[int]] = {}
    for syn in leading:
        by_first.setdefault(syn[0], set()).add(len(syn))
    for syn in exact:
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
            if n[:k] in leading:
                found.append(leading[n[:k]])
        for k in last_sizes.get(n[-1], ()):
            if k >= size:
                break
            if n[-k:] in exact:
                found.append(exact[n[-k:]])
        return found[0] if len(found) == 1 else frozenset().union(*found)

    return candidates


def name_hits_counts(text: str, table: NameTable) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if len(line) > 200:
            line = line[:200]
        for type_name in name_hits(line, table):
            counts[type_name] = counts.get(type_name, 0) + 1
    return counts
