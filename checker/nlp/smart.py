"""The SMART test of the standard's Appendix B: is an objective (or a success criterion, a benefit, an
acceptance criterion) specific, measurable and time-bound?

* Measurable: a number with a unit or a percentage (`common.smart.number_regex`), an amount of money,
  a count or a threshold ('at least 420 users', '≥ 99.5%', '不超过500万元'), or a verifiable binary
  outcome (go-live, certification obtained, acceptance signed: the lexicon's `outcome`).
* Time-bound: a date, month, quarter or year (`checker.nlp.dates`), a length of time made a deadline
  ('within 6 months of go-live', '上线后3个月内'), or an anchor to a dated milestone ('by go-live',
  '上线前'); for a benefit, how often it is measured ('quarterly', '每月') too. 'ASAP', '尽快' or '月底前' without a year are not deadlines.
* Specific: not made of vague words with no number nearby ('improve', '优化'), and not shorter than
  8 words (English) or 10 characters (Chinese).

Numbers and dates are read with patterns; the pipeline runs only for the word tests, and only when a
literal prefilter says a word may be there: a well-written objective never loads spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.lexicon.vocabulary import Vocabulary, derived
from checker.nlp.dates import find_dates
from checker.nlp.money import find_amounts
from checker.nlp.quantities import find_durations, find_percentages
from checker.nlp.reader import Reader
from checker.text.normalize import nfkc

CRITERIA = ("specific", "measurable", "time_bound")
MIN_WORDS_EN, MIN_CHARS_ZH = 8, 10  # Appendix B: an objective shorter than this is not specific

# A number that is a label, not a measure: IDs and codes (O1, R-04, CR-003, ISO 9001), versions, phases.
_LABEL = re.compile(r"\b[A-Za-z]{1,6}[-_]?\d+(?:\.\d+)*\b|\b(?-i:[A-Z]{2,6}) \d+\b|\bv?\d+(?:\.\d+){2,}\b"
                    r"|\b(?:phase|stage|gate|step|release|wave|sprint|level|tier|section|item|no\.?)\s*\d+\b"
                    r"|第\s*\d+\s*[期阶段步批章节条项轮]|\d+\s*[)）.、]\s*(?=\D)|^\s*\d+\s*$", re.I)
_COUNT = re.compile(r"(?<![\d.])(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?\s*(?:[A-Za-z\u4e00-\u9fff%％])")
_THRESHOLD = re.compile(r"[≥≤<>]|\b(?:at least|at most|no more than|not more than|less than|more than|fewer than|"
                        r"under|over|below|above|up to|minimum|maximum)\s+\d|不超过|不低于|不少于|不高于|以上|以下|以内|达到\s*\d",
                        re.I)
_ZH_NUMBER = re.compile(r"[一二两三四五六七八九十百千万]+\s*(?:个|项|次|台|套|人|天|周|个月|年|倍|成|个百分点|家|条|份)")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*[%％]?")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Smart:
    """The verdict on one objective: which criteria it meets, and the vague words that cost it S."""

    specific: bool
    measurable: bool
    time_bound: bool
    vague: tuple[str, ...] = ()
    short: bool = False

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c for c, ok in zip(CRITERIA, (self.specific, self.measurable, self.time_bound)) if not ok)


def assess(reader: Reader, text: str, *, dated: bool = False, measured: bool = False, frequency: bool = False,
           day_first: bool | None = None) -> Smart:
    """The SMART verdict on `text`. `dated`: the objective is anchored elsewhere to a date (a deadline
    the section states for all objectives); `measured`: it has a figure elsewhere (a table row's number
    cell, whose unit is in its header); `frequency`: how often it is measured ('quarterly', '每月') is
    when it is measured (a benefit), not a deadline (an objective)."""
    t = " ".join(nfkc(text or "").split())
    numbers = measured or has_number(reader.vocab, t)
    measurable = numbers or reader.has(t, "outcome")
    time_bound = dated or is_time_bound(reader, t, day_first=day_first) or (frequency and reader.has(t, "frequency"))
    short = is_short(t)
    vague = () if numbers else tuple(dict.fromkeys(h.text for h in reader.hits(t, "vague")))
    return Smart(specific=not short and not vague, measurable=measurable, time_bound=time_bound, vague=vague,
                 short=short)


def has_number(vocab: Vocabulary, text: str) -> bool:
    """A measure: a number with a unit, a percentage, an amount, a count or a threshold (dates and labels
    such as 'O1', 'Phase 2' or 'v1.2.3' do not count)."""
    if not text:
        return False
    rest = text
    for span in find_dates(text, day_first=True):  # '2026年' is a date, not a number of years
        rest = rest.replace(span.text, " ")
    if find_percentages(rest) or find_amounts(rest) or _ZH_NUMBER.search(rest):
        return True
    rest = _LABEL.sub(" ", rest)
    return bool(_number_regex(vocab).search(rest) or (_THRESHOLD.search(rest) and re.search(r"\d", rest))
                or _COUNT.search(rest))


def is_time_bound(reader: Reader, text: str, *, day_first: bool | None = None) -> bool:
    """A date or period, a length of time with a deadline marker, or an anchor to a milestone or frequency."""
    if find_dates(text, day_first=day_first):
        return True
    if find_durations(text) and reader.has(text, "deadline_marker"):
        return True
    return reader.has(text, "deadline")


def is_short(text: str) -> bool:
    """Shorter than 8 words (English; a number is a word) or 10 characters (Chinese; digits and signs count,
    an English word counts as two: '将库存周转率提高20%' is specific)."""
    cjk = len(_CJK.findall(text))
    words = len(_EN_WORD.findall(text))
    numbers = _NUMBER.findall(text)
    if cjk:
        return cjk + 2 * words + sum(len(n) for n in numbers) < MIN_CHARS_ZH
    return words + len(numbers) < MIN_WORDS_EN


@derived
def _number_regex(vocab: Vocabulary) -> re.Pattern[str]:
    raw = (vocab.common.get("smart") or {}).get("number_regex") or r"(?!x)x"
    return re.compile(raw, re.I)
