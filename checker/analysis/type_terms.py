"""Key terms of the document types' names, so that a title names its type without using one of its
exact names: 范围计划 says scope by 范围, 成本报告 says cost by 成本, 'Team Perfomance Report' says a
performance report despite the typo.

A name is cut into terms: English words (lower case, a plural 's' dropped) and, for Chinese, the
character pairs of each run of Chinese characters (no word list needed: 范围说明书 gives 范围, 围说,
说明, 明书; a pair that straddles two words rarely meets a title, and one next to a generic pair
such as 项目 or 计划 is dropped). A term found in the names
of few types is telling (范围, 成本, 周报, stakeholder); one found in many (项目, 计划, 报告, project,
plan, report) says little: each term weighs log(types / types whose names have it). A text's
score for a type is the share of the weight of the text's known terms that the type's names
account for, counted only when at least one of them is a *topic* of the type: a modifier, not the
head noun, in one of its names (`_modifiers`), and in the names of at most `TOPIC_TYPES` types.
'Project Report' names no type, 'Cost Report' names the cost plan, and 风险检查表 (a risk
checklist) is not a quality checklist (质量检查表) for sharing its head noun.
English words that are not terms are matched to the nearest term with rapidfuzz (one C call per
text) when they are at least `FUZZY_MIN_SCORE` alike: typos and other inflections.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz, process

from checker.analysis.type_vocab import type_vocabs
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.normalize import norm_label

GENERIC_TYPES = 4  # a Chinese pair in the names of this many types is a generic word (项目, 计划)
TOPIC_TYPES = 2  # a term in the names of at most this many types can name a type on its own
FUZZY_MIN_SCORE = 85  # rapidfuzz ratio (0-100) at which an unknown English word is taken for a term
FUZZY_MIN_LENGTH = 5  # shorter words are matched exactly only ('plan' is not 'plans' → 'play')
_STOP = frozenset({"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
_LATIN_WORD = re.compile(r"[a-z][a-z0-9]*")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_SEEN = 4096  # fuzzy look-ups kept per vocabulary (titles repeat; a register's ids must not grow it)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def latin_words(text: str) -> list[str]:
    """The English words of a normalised text, stemmed, without stop words."""
    return [_stem(w) for w in _LATIN_WORD.findall(text) if w not in _STOP]


def cjk_pairs(text: str, generic: frozenset[str] = frozenset()) -> list[str]:
    """The pairs of adjacent Chinese characters of each run (a lone character gives nothing),
    without the pairs that straddle a `generic` pair: in 项目管理计划 the pairs 目管 and 理计 are
    halves of 项目, 管理 and 计划, not words, and would make 项目管理 look like a topic."""
    out = []
    for run in _CJK_RUN.findall(text):
        pairs = [run[i:i + 2] for i in range(len(run) - 1)]
        for i, pair in enumerate(pairs):
            if pair in generic or not ((i > 0 and pairs[i - 1] in generic)
                                       or (i + 1 < len(pairs) and pairs[i + 1] in generic)):
                out.append(pair)
    return out


@dataclass(frozen=True)
class TermHit:
    """A type named by key terms: its score in (0, 1] and the terms that gave it."""

    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True)
class TermIndex:
    types_of: dict[str, frozenset[str]]  # term -> the types whose names have it
    weight: dict[str, float]  # term -> log(types / len(types_of[term]))
    nearest: Callable[[str], str | None]  # an unknown English word -> the term it stands for
    generic: frozenset[str]  # Chinese pairs in the names of many types (项目, 管理, 计划, 报告)
    topics: frozenset[tuple[str, str]]  # (term, type): the term is a modifier in a name of the type


@derived
def term_index(vocab: Vocabulary) -> TermIndex:
    names = [(tv.name, name) for tv in type_vocabs(vocab) for name in tv.names]
    raw: dict[str, set[str]] = {}
    for type_name, name in names:
        for term in cjk_pairs(name):
            raw.setdefault(term, set()).add(type_name)
    generic = frozenset(t for t, types in raw.items() if len(types) >= GENERIC_TYPES)
    types_of: dict[str, set[str]] = {}
    topics: set[tuple[str, str]] = set()
    for type_name, name in names:
        words, pairs = latin_words(name), cjk_pairs(name, generic)
        for term in (*words, *pairs):
            types_of.setdefault(term, set()).add(type_name)
        topics.update((term, type_name) for term in _modifiers(name, words, pairs))
    total = len(type_vocabs(vocab))
    weight = {term: math.log(total / len(types)) for term, types in types_of.items()}
    latin = sorted(t for t in types_of if t.isascii() and len(t) >= FUZZY_MIN_LENGTH - 1)
    seen: dict[str, str | None] = {}

    def nearest(word: str) -> str | None:
        if word in types_of:
            return word
        if len(word) < FUZZY_MIN_LENGTH or not word.isascii():
            return None
        found = seen.get(word, "")
        if found == "":
            if len(seen) >= _SEEN:
                seen.clear()
            best = process.extractOne(word, latin, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
            found = seen[word] = best[0] if best else None
        return found

    return TermIndex({t: frozenset(v) for t, v in types_of.items()}, weight, nearest, generic,
                     frozenset(topics))


def _modifiers(name: str, words: list[str], pairs: list[str]) -> list[str]:
    """The terms of a name that say what it is about rather than what kind of paper it is.

    English and Chinese both put the head noun last: in 'Change Log' and 变更日志 the log is the
    kind of paper, the change its topic; in 质量检查表 the 检查表 (checklist) is the head. So the
    last English word, and the pairs within the last two (a name of five or more characters:
    three) Chinese characters are heads; a one-term name is all topic.
    """
    out = words[:-1] if len(words) > 1 else list(words)
    chinese = "".join(_CJK_RUN.findall(name))
    head = chinese[-3:] if len(chinese) >= 5 else chinese[-2:]
    out.extend(p for p in pairs if p not in head or len(pairs) == 1)
    return out


def term_hits(text: str, index: TermIndex) -> dict[str, TermHit]:
    """The types that `text` names by key terms, with their share of the text's term weight."""
    n = norm_label(text)
    terms = []
    for word in latin_words(n):
        term = index.nearest(word)
        if term is not None:
            terms.append(term)
    terms.extend(p for p in cjk_pairs(n, index.generic) if p in index.types_of)
    terms = list(dict.fromkeys(terms))
    total = sum(index.weight[t] for t in terms)
    if total <= 0:
        return {}
    by_type: dict[str, list[str]] = {}
    for term in terms:
        for type_name in index.types_of[term]:
            by_type.setdefault(type_name, []).append(term)
    out = {}
    for type_name, found in by_type.items():
        if not any(len(index.types_of[t]) <= TOPIC_TYPES and (t, type_name) in index.topics for t in found):
            continue
        out[type_name] = TermHit(round(sum(index.weight[t] for t in found) / total, 3), tuple(found))
    return out
