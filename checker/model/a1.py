"""A1 column letters without importing openpyxl.

`openpyxl.utils.cell` is tiny, but importing it runs `openpyxl/__init__`, which loads the whole
workbook machinery (and numpy when installed): a tenth of a second on every `pmo-check` start,
Word documents included. These are drop-in equivalents of openpyxl's two helpers (same names, same
range 1..18278 = A..ZZZ, same ValueError).
"""
from __future__ import annotations

from functools import lru_cache

MAX_COLUMN = 18278  # ZZZ


@lru_cache(maxsize=4096)
def get_column_letter(idx: int) -> str:
    """1 → 'A', 28 → 'AB'."""
    if not isinstance(idx, int) or not 1 <= idx <= MAX_COLUMN:
        raise ValueError(f"Invalid column index {idx}")
    letters = ""
    while idx:
        idx, rem = divmod(idx - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@lru_cache(maxsize=4096)
def column_index_from_string(col: str) -> int:
    """'A' → 1, 'ab' → 28."""
    s = col.upper() if isinstance(col, str) else ""
    if not 1 <= len(s) <= 3 or not all("A" <= ch <= "Z" for ch in s):
        raise ValueError(f"{col} is not a valid column name")
    idx = 0
    for ch in s:
        idx = idx * 26 + ord(ch) - 64
    if idx > MAX_COLUMN:
        raise ValueError(f"{col} is not a valid column name")
    return idx
