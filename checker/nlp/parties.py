"""Who a name field names: people, roles and departments — "Wei Zhang" (a person), "IT Department" (a
department), "项目经理" (a role), "UI Lead, Mr. Li" (one person with a role), "张伟、李娜" (two people).

An owner, approver or project-manager field must name one accountable person (RR-08, COM-13, CH-02),
so a comma is not enough to call it two people: a role next to a name is that person's role. The
role, department and honorific words are the NLP lexicon's (`role`, `department`, `honorific`), matched
on lemmas and jieba's words by the reader; a Chinese name is two to four characters starting with a
family name of the lexicon's `surname` list; an English one is capitalised words that are no role or
department word. A pretrained pipeline's named-entity recogniser, when one is configured, adds its
PERSON spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from checker.nlp.reader import Reader
from checker.text.normalize import has_cjk, nfkc

Kind = Literal["person", "role", "department", "unknown"]

_SEPARATORS = re.compile(r"(\s*(?:[、，,;；/／&＆+＋|\n]|\s+and\s+|\s+or\s+)\s*)", re.I)
_ZH_AND = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})")
_BRACKETS = re.compile(r"^(?P<a>[^（(]*?)\s*[（(](?P<b>[^）)]*)[）)]\s*(?P<c>.*)$")
_ROLE_JOINS = {",", "，", "-", "–", "—", ":", "："}  # 'UI Lead, Mr. Li': a role and a name joined like this are one
# A capitalised word of a name ('Tomás', 'McAllister', "O'Neil", 'ZHANG'): an upper-case letter, then letters.
_EN_NAME = re.compile(r"^(?:[^\W\d_a-z][^\W\d_A-Z]+(?:[-'][^\W\d_]+)*|Mc[^\W\d_a-z][^\W\d_]+|[A-Z]{2,})$")
_EN_GLUE = {"of", "for", "the", "and", "de", "van", "von", "der", "da", "di", "le", "la", "bin", "al"}
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Party:
    """One person, role or department a name field names (`unknown`: nothing to tell what it is)."""

    kind: Kind
    text: str
    name: str | None = None  # the person's name (a person only)
    role: str | None = None  # the role or unit written with it


def parties(reader: Reader, text: str) -> list[Party]:
    """The people, roles and departments `text` names, in order."""
    t = " ".join(nfkc(text or "").split())
    if not t:
        return []
    parts = _SEPARATORS.split(_ZH_AND.sub("、", t))
    pieces = [p.strip() for p in parts[0::2]]
    joins = [s.strip() for s in parts[1::2]]
    found: list[tuple[Party, str]] = []
    for i, piece in enumerate(pieces):
        if piece:
            found.append((_piece(reader, piece), joins[i - 1] if i and i - 1 < len(joins) else ""))
    return _merge(found)


def persons(reader: Reader, text: str) -> list[Party]:
    return [p for p in parties(reader, text) if p.kind == "person"]


def _merge(found: list[tuple[Party, str]]) -> list[Party]:
    """A role and a person side by side ('UI Lead, Mr. Li', 'Wei Zhang, PM') are one person with that role."""
    out: list[Party] = []
    for party, join in found:
        prev = out[-1] if out else None
        if prev is not None and join in _ROLE_JOINS and {prev.kind, party.kind} == {"person", "role"} \
                and not (prev.kind == "person" and prev.role):
            person, role = (prev, party) if prev.kind == "person" else (party, prev)
            out[-1] = Party("person", f"{prev.text}{join} {party.text}", person.name, role.text)
            continue
        out.append(party)
    return out


def _piece(reader: Reader, piece: str) -> Party:
    m = _BRACKETS.match(piece)
    if m and m.group("b").strip():
        outer = _piece(reader, (m.group("a") + " " + m.group("c")).strip()) if (m.group("a") + m.group("c")).strip() \
            else None
        inner = _piece(reader, m.group("b").strip())
        if outer is None:
            return replace(inner, text=piece)
        if outer.kind == "person":
            return Party("person", piece, outer.name, outer.role or inner.text)
        if inner.kind == "person":
            return Party("person", piece, inner.name, outer.text)
        return replace(outer, text=piece)
    if has_cjk(piece) and not re.search(r"[A-Za-z]{2,}", piece):
        return _chinese(reader, piece)
    return _english(reader, piece)


def _covered(reader: Reader, text: str, *categories: str) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.category) for h in reader.hits(text, *categories)]


def _english(reader: Reader, piece: str) -> Party:
    tokens = reader.words(piece)
    honorifics = set(reader.category("honorific").en)
    # A form of address is read from the token ('Mrs.' is one token, 'mrs.' alone two): no phrase matching.
    spans = _covered(reader, piece, "role", "department") + [
        (w.start, w.start + len(w.text), "honorific") for w in tokens if w.text.lower().rstrip(".") in honorifics]
    named = {c for _, _, c in spans}
    words = [w for w in tokens if w.is_word]
    free = [w for w in words if not any(a <= w.start < b for a, b, _ in spans)]
    name_words = [w for w in free if _EN_NAME.match(w.text) and w.lemma not in _EN_GLUE]
    honorific = "honorific" in named and bool(name_words)
    if name_words and not honorific and _before_role(piece, name_words[-1], spans):
        name_words = []  # 'Senior Project Manager', 'Data Migration Lead': capitalised words of the title
    ner = reader.persons(piece)
    unit = _ends_with(piece, spans, "department")
    if name_words and not (unit and not honorific) and (
            honorific or len(name_words) == len([w for w in free if w.lemma not in _EN_GLUE]) or ner):
        first = min(w.start for w in name_words)
        hon = [a for a, b, c in spans if c == "honorific" and a < first and not piece[b:first].strip(" .")]
        start = min([first, *hon])
        end = max(w.start + len(w.text) for w in name_words)
        return Party("person", piece, piece[start:end].strip(), _rest(piece, start, end) or None)
    if ner and not unit:
        return Party("person", piece, piece)
    if "role" in named and (not unit or _role_of_unit(piece, spans)):
        return Party("role", piece)
    if "department" in named:
        return Party("department", piece)
    return Party("unknown", piece)


def _before_role(piece: str, word, spans: list[tuple[int, int, str]]) -> bool:
    end = word.start + len(word.text)
    return any(c == "role" and a > word.start and not piece[end:a].strip() for a, _, c in spans)


def _role_of_unit(piece: str, spans: list[tuple[int, int, str]]) -> bool:
    """'Head of IT', 'Director for Sales': a role of a unit, not the unit."""
    first = min(spans, default=None)
    return first is not None and first[2] == "role" and re.search(r"\b(?:of|for)\b", piece[first[1]:], re.I) is not None


def _chinese(reader: Reader, piece: str) -> Party:
    spans = _covered(reader, piece, "role", "department", "honorific")
    surnames = reader.category("surname").zh
    rest = piece
    for a, b, _ in sorted(spans, reverse=True):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    runs = [(m.start(), m.group(0)) for m in _CJK_RUN.finditer(rest)]
    for pos, run in runs:
        name = _zh_name(run, surnames)
        if name and len(run) == 2 and any(a == pos + len(run) for a, _, c in spans if c == "role"):
            continue  # '高级经理': two characters right before a title are its modifier, not a name
        if name:
            role = _rest(piece, pos, pos + len(run)) or None
            return Party("person", piece, name, role)
    # 张经理, 王总, 李工, 余网络管理员: a family name with a title or a form of address is a person
    titles = [(a, b) for a, b, c in spans if c in ("role", "honorific")]
    if titles and titles[-1][1] >= len(piece.rstrip(" .。")):
        for surname in surnames:
            if piece.startswith(surname) and min(a for a, _ in titles) == len(surname) \
                    and len(piece) - len(surname) <= 8:
                return Party("person", piece, piece, piece[len(surname):])
    kinds = {c for _, _, c in spans}
    if "role" in kinds and _ends_with(piece, spans, "role"):
        return Party("role", piece)
    if "department" in kinds:
        return Party("department", piece)
    if "role" in kinds:
        return Party("role", piece)
    return Party("unknown", piece)


def _zh_name(run: str, surnames: tuple[str, ...]) -> str | None:
    """`run` as a Chinese personal name: a family name and one or two more characters (the run is what is
    left between the role and unit words, so a name is a whole run: '管理' in '项目管理' is none)."""
    if not 2 <= len(run) <= 4:
        return None
    return run if any(run.startswith(s) and 1 <= len(run) - len(s) <= 2 for s in surnames) else None


def _ends_with(piece: str, spans: list[tuple[int, int, str]], category: str) -> bool:
    """Whether the piece's last word is of `category` ('IT Department' ends with a department word)."""
    end = len(piece.rstrip(" .。"))
    last = max(spans, key=lambda s: (s[1], s[1] - s[0]), default=None)
    return last is not None and last[2] == category and last[1] >= end


def _rest(piece: str, start: int, end: int) -> str:
    return " ".join((piece[:start] + " " + piece[end:]).replace(",", " ").split()).strip(" :：-–")


_PROSE_NAME = re.compile(r"(?<![\w'-])(?:[^\W\d_a-z][^\W\d_A-Z]+[ \t]+){1,2}[^\W\d_a-z][^\W\d_A-Z]+(?![\w'])")


def names_in_prose(reader: Reader, text: str) -> list[str]:
    """Personal names inside sentences: English ones ('Wei Zhang is the project manager': two or three
    capitalised words none of which is a role, department or form-of-address word, or a form of address
    with a name) and Chinese ones (`_zh_names_in_prose`)."""
    honorifics = "|".join(re.escape(w) for w in reader.category("honorific").en)
    out = [m.group(0) for m in re.finditer(rf"\b(?:{honorifics})\.?[ \t]+[^\W\d_a-z][^\W\d_A-Z]+", text, re.I)
           if honorifics and m.group(0)[0].isupper()]
    for m in _PROSE_NAME.finditer(text):
        words = m.group(0).split()
        party = _english(reader, m.group(0))
        if party.kind == "person" and not any(w.lower() in _EN_GLUE for w in words):
            out.append(m.group(0))
    return out + (_zh_names_in_prose(reader, text) if has_cjk(text) else [])


# A Chinese name in a sentence stands where an appointment puts one: '任命李明为项目经理', '由王强担任',
# '李明负责…', '李明（项目经理）', '…高级项目经理李明轩为…': before such a word, after a start, an appointing
# word or a title.
_ZH_NAME_END = re.compile(r"为|担任|出任|任项目|负责|作为|同志|[（(]")
_ZH_NAME_BEFORE = ("任命", "由", "委派", "指定", "聘任", "聘请", "安排")
_COMMON_WORD = 1000  # a word jieba's dictionary counts this often is a word ('高级', '周期'), not a name


def _zh_names_in_prose(reader: Reader, text: str) -> list[str]:
    surnames = reader.category("surname").zh
    titles = reader.category("role").zh
    out = []
    for m in _ZH_NAME_END.finditer(text):
        end = m.start()
        for size in (2, 3, 4):
            name, before = text[end - size:end], text[:end - size]
            if len(name) < size or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
                break
            opened = not before or not ("\u4e00" <= before[-1] <= "\u9fff") or before.endswith(_ZH_NAME_BEFORE) \
                or before.endswith(titles)
            if opened and any(name.startswith(s) for s in surnames) and not reader.hits(name, "role", "department") \
                    and _word_frequency(name) < _COMMON_WORD:
                out.append(name)
                break
    return out


def _word_frequency(word: str) -> int:
    """How often jieba's dictionary counts `word` (0 when jieba has not been loaded: no Chinese was read)."""
    import sys

    jieba = sys.modules.get("jieba")
    return int((jieba.dt.FREQ.get(word) or 0)) if jieba is not None and jieba.dt.initialized else 0
