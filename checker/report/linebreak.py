"""Where a line of mixed English and Chinese may break, and how to fill lines of a width in display cells.

rich wraps at spaces only, so a run of Chinese (no spaces) moves to a line of its own and is then cut
at the width wherever it falls, leaving a lone `。` on the next line. Here a line may break at a space
(the space is dropped) or between two characters when either is wide (CJK), except before closing
punctuation (`。，、）”` …) and after opening punctuation (`（“` …), the basic rules of Chinese
typesetting. A single word wider than the line is the only thing ever cut.
"""
from __future__ import annotations

from rich.cells import get_character_cell_size

NO_BREAK_BEFORE = frozenset("。，、；：！？）》」』】〕〉”’…—·%,.;:!?)]}")
NO_BREAK_AFTER = frozenset("（《「『【〔〈“‘([{")


def _breakable(prev: str, nxt: str) -> bool:
    """A line may end between `prev` and `nxt` (neither a space)."""
    if nxt in NO_BREAK_BEFORE or prev in NO_BREAK_AFTER:
        return False
    return get_character_cell_size(prev) == 2 or get_character_cell_size(nxt) == 2


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines `text` fills at `width` display cells, spaces at the breaks
    left out; [(0, len)] when it fits."""
    if text.isascii() and text.isprintable():
        return _ascii_spans(text, width)
    return _spans(text, width)


def _spans(text: str, width: int) -> list[tuple[int, int]]:
    """The general case: any characters, by display cells."""
    spans: list[tuple[int, int]] = []
    start, used, n = 0, 0, len(text)
    last_break = -1  # offset where the current line may end (a space, or between two characters)
    while start < n and text[start] == " ":
        start += 1
    i = start
    while i < n:
        ch = text[i]
        if ch == " ":
            last_break = i
        elif i > start and text[i - 1] != " " and _breakable(text[i - 1], ch):
            last_break = i
        size = get_character_cell_size(ch)
        if used + size > width and i > start and ch != " ":
            end = last_break if last_break > start else i  # no break in the line: cut the word
            spans.append((start, _rstrip(text, start, end)))
            start = end
            while start < n and text[start] == " ":
                start += 1
            i, used, last_break = start, 0, -1
            continue
        used += size
        i += 1
    if start < n:
        spans.append((start, _rstrip(text, start, n)))
    return spans or [(0, 0)]


def _ascii_spans(text: str, width: int) -> list[tuple[int, int]]:
    """`line_spans` for plain ASCII (one cell a character, breaks at spaces only): the same answer, by words."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = len(text) - len(text.lstrip(" "))
    while start < n:
        if n - start <= width:
            spans.append((start, _rstrip(text, start, n)))
            break
        cut = text.rfind(" ", start, start + width + 1)
        end = _rstrip(text, start, cut) if cut > start else start + width  # no space: cut the word
        spans.append((start, end))
        start = end
        while start < n and text[start] == " ":
            start += 1
    return spans or [(0, 0)]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end
