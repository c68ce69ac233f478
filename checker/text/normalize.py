"""Text normalisation shared by readers, the classifier and the rules.

The standard says labels match "case/width-insensitive, ignoring '*', '：', ':', numbering like '一、'
'1.' '(1)' and trailing '（必填）'". That one normalisation lives here so every matcher agrees.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Leading outline numbering: 一、 （二） (3) 3. 3.1 3.1.2 第三章 A. I. §2 ...
_NUMBERING = re.compile(
    r"""^\s*(?:
        第[一二三四五六七八九十百零〇\d]+[章节部分条篇]\s*
      | [（(]\s*[一二三四五六七八九十百\d]{1,3}\s*[)）]\s*[、.．]?
      | [一二三四五六七八九十百]{1,3}\s*[、.．]
      | \d{1,2}(?:[.．]\d{1,2}){0,4}[.．、)）]?(?=\s|[^\d.．%])
      | [A-Za-z][.)]\s
      | (?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)]\s
      | [§#]\s*\d+
    )\s*""",
    re.VERBOSE,
)
_DECORATION = re.compile(r"[*＊※★☆:：]+")
_REQUIRED_MARK = re.compile(r"[（(]\s*(?:必填|选填|可选|required|optional|mandatory)\s*[)）]", re.I)
_BRACKETED_UNIT = re.compile(r"[（(][^()（）]{1,12}[)）]\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Spaces between two Chinese characters only align a label on a cover form ("组    别", "学 院").
_SPACED_CJK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_DIGIT = re.compile(r"\d")


_LINEWISE_FROM = 2_000  # characters


def nfkc(text: str) -> str:
    """Full-width to half-width and compatibility forms folded (Ｒｉｓｋ → Risk, （ → ()."""
    if text.isascii():  # ASCII is NFKC-stable: skip the normalizer on the common English text
        return text
    if len(text) >= _LINEWISE_FROM:
        # A long text (a section's content) is normalised line by line, skipping its ASCII lines:
        # NFKC never combines across a line feed, so the result is the same as in one call.
        return "\n".join([line if line.isascii() else unicodedata.normalize("NFKC", line)
                          for line in text.split("\n")])
    return unicodedata.normalize("NFKC", text)


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1)


@lru_cache(maxsize=65536)
def norm_label(text: str) -> str:
    """The comparable form of a heading, field label or column header."""
    t = nfkc(text).replace("\u200b", "")
    if "(" in t:  # a mark is in brackets (NFKC has made "（" "("): a label without any is left as is, faster
        t = _REQUIRED_MARK.sub("", t)
    t = strip_numbering(t.strip())
    t = _DECORATION.sub(" ", t)
    t = t.replace("&", " and ").replace("/", " / ")
    # Blanks collapsed by split and join, a third of `\s+`'s cost; the ends' blanks go with the strip.
    t = " ".join(t.split()).strip(" .．、-–—_|").lower()
    return _SPACED_CJK.sub("", t) if " " in t and has_cjk(t) else t


def label_unit(text: str) -> str | None:
    """The unit in a header such as '金额（万元）' or 'Budget (USD)', kept as column metadata."""
    t = nfkc(text)
    if "(" not in t:  # (NFKC has made "（" "("): most labels and cells have no bracket
        return None
    m = _BRACKETED_UNIT.search(t.strip())
    return m.group(0).strip("()（） ") if m else None


@lru_cache(maxsize=65536)
def norm_label_without_unit(text: str) -> str:
    t = nfkc(text).strip()
    return norm_label(_BRACKETED_UNIT.sub("", t) if "(" in t else t)  # (NFKC has made "（" "(")


def has_digit(text: str) -> bool:
    """`\\d` anywhere in `text`. ASCII text (most text) is looked at with ten `in` tests, each a C
    scan at memory speed, instead of the regex's loop over every character (ten times slower on a
    paragraph; the summary asks it of every paragraph)."""
    if text.isascii():
        return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text
                or "6" in text or "7" in text or "8" in text or "9" in text)
    return _DIGIT.search(text) is not None


def has_cjk(text: str) -> bool:
    return not text.isascii() and bool(_CJK.search(text))

