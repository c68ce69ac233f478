"""What every cross-document check shares: the inconsistency it yields, evidence items, and how
amounts, dates and people are compared and shown."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Iterable, Iterator

from rapidfuzz import fuzz

from checker.project.model import Doc, Project
from checker.text.normalize import has_cjk, nfkc


@dataclass
class Inconsistency:
    """One inconsistency of a project: the message's variant and fields, and every side's evidence."""

    evidence: list[dict[str, Any]]
    args: dict[str, Any] = field(default_factory=dict)
    variant: str | None = None


Check = Callable[[Project, Any], Iterable[Inconsistency]]


def evidence(doc: Doc, location: dict[str, Any] | None, value: Any) -> dict[str, Any]:
    """The contract's evidence item: the document, where in it, and the value it holds."""
    return {"path": doc.path, "location": dict(location or {}), "value": value}


def located(doc: Doc, item: dict[str, Any] | None, shown: Any = None) -> dict[str, Any]:
    """Evidence from a located summary value (`{"value", "location"}`)."""
    item = item or {}
    return evidence(doc, item.get("location"), item.get("value") if shown is None else shown)


def money_text(amount: float, currency: str | None = None) -> str:
    """'1,200,000 USD', '3,600,000 CNY', '1,234.5'."""
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{number} {currency}" if currency else number


def line_text(line: dict[str, Any]) -> str:
    return money_text(line["amount"], line.get("currency"))


def same_money(a: dict[str, Any], b: dict[str, Any], tolerance: float) -> bool:
    """Two amounts agree: currencies do not contradict each other, and the amounts are within
    `tolerance` of the larger (and at least half a unit)."""
    if a.get("currency") and b.get("currency") and a["currency"] != b["currency"]:
        return False
    x, y = float(a["amount"]), float(b["amount"])
    return abs(x - y) <= max(0.5, tolerance * max(abs(x), abs(y)))


def day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def similarity(a: str, b: str) -> float:
    """0–100: how alike two short texts are (a milestone's or a deliverable's name)."""
    x, y = _plain(a), _plain(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 100.0
    if min(len(x), len(y)) >= 4 and (x in y or y in x):
        return 95.0
    if has_cjk(x) or has_cjk(y):
        return fuzz.ratio(x, y)
    return max(fuzz.token_sort_ratio(x, y), fuzz.ratio(x, y))


def best_match(name: str, candidates: list[dict[str, Any]], threshold: float, key: str = "name") -> dict[str, Any] | None:
    """The candidate whose `key` is most like `name`, if alike enough."""
    scored = [(similarity(name, c.get(key, "")), n) for n, c in enumerate(candidates)]
    score, n = max(scored, default=(0.0, -1))
    return candidates[n] if score >= threshold else None


def same_day(a: date, b: date, days: int) -> bool:
    """Two dates agree within `days`, a weekend aside (a window ending on Saturday 31 October ends on
    Friday 30 October for the schedule)."""
    if abs((a - b).days) <= days:
        return True
    return abs((_weekday(a) - _weekday(b)).days) <= days


def _weekday(d: date) -> date:
    return d - timedelta(days=max(0, d.weekday() - 4))


_STOP = frozenset({"and", "the", "with", "for", "from", "into", "including", "inclu", "their", "which", "proje",
                   "syste", "plan", "report", "repor", "all", "per", "via", "its", "new"})
_STOP_ZH = frozenset({"系统", "项目", "管理", "及其", "以及", "相关", "包括", "报告", "计划"})


def tokens(text: str) -> set[str]:
    """The words two descriptions of one thing share: English words (their first five letters, so that
    'configured' meets 'configuration'), numbers and codes, and Chinese character pairs."""
    t = nfkc(text or "").casefold()
    out = {w[:5] for w in re.findall(r"[a-z][a-z0-9/]{2,}", t) if w[:5] not in _STOP and w not in _STOP}
    out |= set(re.findall(r"\d[\d,.]*\d|\d{2,}", t))
    for run in re.findall(r"[\u4e00-\u9fff]+", t):
        out |= {run[i:i + 2] for i in range(len(run) - 1)} - _STOP_ZH
    return out


def covered(name: str, texts: Iterable[str], share: float, key: str | None = None, enough: int | None = None) -> bool:
    """`name` (a deliverable) is covered by one of `texts`: its id appears there ('D3'), or one text
    has at least `share` of its words (and one at least), or `enough` of them (short texts: tasks)."""
    wanted = tokens(name)
    for text in texts:
        if key and re.search(rf"(?<![A-Za-z0-9]){re.escape(key)}(?![0-9])", nfkc(text), re.I):
            return True
        if wanted:
            shared = len(wanted & tokens(text))
            if shared >= 1 and (shared >= share * len(wanted) or (enough is not None and shared >= enough)):
                return True
    return not wanted and not key


def _plain(text: str) -> str:
    t = nfkc(text or "").casefold()
    t = re.sub(r"[(（][^)）]*[)）]", " ", t)
    t = re.sub(r"[^\w\u4e00-\u9fff]+", " ", t)
    return re.sub(r"\s+", " " if not has_cjk(t) else "", t).strip()


def by_key(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Register rows by id key (the first row of each key)."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row.get("key")
        if key and key not in out:
            out[key] = row
    return out


def prefixes(keys: Iterable[str]) -> set[str]:
    """The id prefixes a register uses ('CR' of 'CR-7')."""
    return {k.split("-", 1)[0] for k in keys if "-" in k}


def words(language: str, en: str, zh: str) -> str:
    return zh if language == "zh" else en


def joined(values: Iterable[str], language: str) -> str:
    return ("、" if language == "zh" else ", ").join(values)


def unique(values: Iterable[Any]) -> Iterator[Any]:
    seen: set[Any] = set()
    for v in values:
        if v not in seen:
            seen.add(v)
            yield v


def reporting_order(reports: list[Doc]) -> list[Doc]:
    """Status reports in reporting order (period end, else report date, else document date)."""
    def when(doc: Doc) -> str:
        dates = doc.part("dates") or {}
        for key in ("period_end", "report"):
            if key in dates:
                return dates[key]["value"]
        found = doc.value("identity", "date")
        return found["value"] if found else ""

    return sorted(reports, key=when)


def short(doc: Doc) -> str:
    """A document's file name, as messages name it."""
    return doc.path.replace("\\", "/").rsplit("/", 1)[-1]
