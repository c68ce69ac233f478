"""Predicates over the common lexicon, compiled once per vocabulary: placeholders, people versus roles, signatures.

Several rule kinds ask the same questions of a value ("is this template prompt text?", "is this a
person or only a role?"); answering them in one place keeps the rules consistent.
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.lexicon.files import words
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.normalize import nfkc, norm_label
from checker.text.prefilter import Prefilter
from checker.text.search import NFKC, RAW, Search, TextSet, containing

# Roles and organisational units that do not name a person (COM-06 "name (person, not role)").
_ROLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:project\s+)?(?:sponsor|manager|pm|pmo|director|ceo|cfo|cio|cto|owner|executive|"
    r"steering\s+committee|committee|board|team|department|dept|ccb|customer|client|vendor|supplier|"
    r"business\s+owner|senior\s+user|senior\s+supplier|approver|reviewer|name|signature|date)s?$"
    r"|^(?:项目)?(?:发起人|经理|负责人|总监|总经理|副总经理|主任|部长|处长|科长|组长|委员会|评审委员会|办公室|"
    r"管理办公室|部门|事业部|研发部|财务部|客户|甲方|乙方|供应商|pmo|签字|签名|姓名|日期|盖章)$",
    re.I,
)
_SIGNATURE_MARKERS = re.compile(
    r"/s/|signed|e-?sign|docusign|adobe\s*sign|approved|已签|签字|签名|签章|盖章|同意|批准|✓|✔|☑|\bok\b", re.I)


_WIDE = re.compile("[\uff01-\U0010ffff]")  # full-width forms (and beyond): NFKC needed first


class _Placeholders:
    """The vocabulary's placeholder patterns with their prefilters, and the answers per text so far
    (a document repeats its values; bounded, since a register may hold a million distinct ones)."""

    _LIMIT = 32768

    def __init__(self, vocab: Vocabulary):
        spec = vocab.common.get("placeholders") or {}
        self.en = re.compile(spec.get("en_regex", r"(?!x)x"), re.I)
        self.zh = re.compile(spec.get("zh_regex", r"(?!x)x"))
        self.en_filter, self.zh_filter = Prefilter(self.en), Prefilter(self.zh)
        markers = words(spec.get("mentioned_after"))
        self.mention = re.compile("(?:" + "|".join(sorted(map(re.escape, markers), key=len, reverse=True)) + ")",
                                  re.I) if markers else None
        self._hits: dict[str, tuple[re.Match[str], ...]] = {}

    def hits(self, text: str) -> tuple[re.Match[str], ...]:
        found = self._hits.get(text)
        if found is None:
            if len(self._hits) >= self._LIMIT:
                self._hits.clear()
            found = self._hits[text] = self._find(text)
        return found

    def _find(self, text: str) -> tuple[re.Match[str], ...]:
        if not text.strip():
            return ()
        t = nfkc(text) if _WIDE.search(text) else text
        hits = list(self.en.finditer(t)) if self.en_filter.may_match(t) else []
        if self.zh_filter.may_match(t):
            hits += (m for m in self.zh.finditer(t) if not _prose_pending(m, t))
        hits.sort(key=lambda m: m.start())
        return tuple(m for m in hits if not self._mentioned(m, t))

    def _mentioned(self, m: re.Match[str], text: str) -> bool:
        """A prompt the text speaks about rather than leaves in place: quoted ('the app shows “请输入…”'),
        or right after a word that introduces a format or a message ('格式必须符合xxx@xxx.xxx',
        'format: YYYY-MM-DD', '提示请输入信息')."""
        if _PENDING.match(m.group(0)):
            return False  # 'Message: TBD' leaves the value to be decided, whatever the label says
        start = m.start() - len(_TOKEN_BEFORE.search(text[:m.start()]).group(0))  # 'xxx@' before '.xxx'
        before = text[max(0, start - _MENTION_WINDOW):start]
        if before and before[-1] in _CLOSE_QUOTES and _CLOSE_QUOTES[before[-1]] in text[m.end():m.end() + 40]:
            return True
        if self.mention is None:
            return False
        clause = _CLAUSE_END.split(before)[-1]
        return any(len(clause) - hit.end() <= _MENTION_GAP for hit in self.mention.finditer(clause))


@derived
def placeholders(vocab: Vocabulary) -> _Placeholders:
    return _Placeholders(vocab)


_MENTION_WINDOW = 24  # how far before a prompt a word that introduces it may stand ...
_MENTION_GAP = 6  # ... and how many characters may lie between them ('格式必须符合xxx')
_CLAUSE_END = re.compile(r"[。；;!?！？\n]|\.\s")
_PENDING = re.compile(r"(?:TBD|TBC|TBA|TODO|FIXME|待)", re.I)
_TOKEN_BEFORE = re.compile(r"[A-Za-z0-9@.\-/:_+]*$")  # the rest of a format mask before a match
_CLOSE_QUOTES = {"“": "”", '"': '"', "'": "'", "‘": "’", "「": "」", "『": "』"}
_PENDING_VALUE_LEN = 16  # '待定', '（待补充）', '预算：待定': a pending marker is the value itself


def _prose_pending(m: re.Match[str], text: str) -> bool:
    """'沟通机制待完善：模块间…' is a sentence that says something needs work, not a template prompt.

    待定/待补充/待完善 are prompts when they are (nearly) the whole value; inside a longer text
    they are ordinary Chinese, so they are not reported there.
    """
    return m.group(0).startswith("待") and len(text.strip()) > _PENDING_VALUE_LEN


def placeholder_matches(vocab: Vocabulary, text: str) -> list[re.Match[str]]:
    """Every template placeholder in `text` (TBD, [Insert …], 待定, 【此处填写】, 年 月 日 …)."""
    if not text:
        return []
    return list(placeholders(vocab).hits(text))


def placeholder_texts(vocab: Vocabulary, sets: Iterable[TextSet]) -> dict[str, list[re.Match[str]]]:
    """The texts of `sets` that hold a placeholder, each with its matches (as `placeholder_matches`).

    `placeholder_matches` prefilters a text as is, or NFKC-normalised when it holds full-width forms:
    the candidates are the texts that pass the prefilters in either form.
    """
    found = placeholders(vocab)
    return {t: hits for t in placeholder_candidates(vocab, sets) if (hits := list(found.hits(t)))}


def placeholder_candidates(vocab: Vocabulary, sets: Iterable[TextSet]) -> set[str]:
    """The texts of `sets` whose prefilters let a placeholder through, as is or NFKC-normalised (a
    text outside them holds none, stripped of its blanks or not)."""
    return containing(sets, *placeholder_searches(vocab))


@derived
def placeholder_searches(vocab: Vocabulary) -> tuple[Search, ...]:
    """What `placeholder_texts` asks of text sets: the prefilters of `placeholder_matches`."""
    found = placeholders(vocab)
    return (*found.en_filter.searches((RAW, NFKC)), *found.zh_filter.searches((RAW, NFKC)))


@derived
def placeholder_word_searches(vocab: Vocabulary) -> tuple[Search, ...] | None:
    """Searches that find, among texts, every one that may hold part of a placeholder once
    NFKC-normalised texts are joined by single spaces (`Prefilter.word_searches`): a join none of
    whose texts they find holds no placeholder. None when they cannot be had."""
    found = placeholders(vocab)
    en, zh = found.en_filter.word_searches(NFKC), found.zh_filter.word_searches(NFKC)
    return None if en is None or zh is None else (*en, *zh)


def is_placeholder(vocab: Vocabulary, text: str) -> bool:
    """True when the value is nothing but template prompt text (or contains a prompt)."""
    return bool(placeholder_matches(vocab, text))


def is_role_only(text: str) -> bool:
    """True when a value that should name a person holds only a role or unit ('PM', '项目经理')."""
    t = norm_label(text)
    return bool(t) and bool(_ROLE_WORDS.match(t))


def names_a_person(vocab: Vocabulary, text: str) -> bool:
    t = " ".join(text.split())
    if not t or is_placeholder(vocab, t) or is_role_only(t):
        return False
    return bool(re.search(r"[A-Za-z]{2,}|[\u4e00-\u9fff]{2,}", t))


def has_signature_marker(vocab: Vocabulary, text: str) -> bool:
    """A signature cell counts when it holds a marker or any name-like text (a typed signature)."""
    t = text.strip()
    if not t or is_placeholder(vocab, t):
        return False
    return bool(_SIGNATURE_MARKERS.search(t)) or names_a_person(vocab, t)
