"""How a file's path is shown in a report: always valid Unicode.

A file name is bytes on Linux; names that are not UTF-8 reach Python with their bytes escaped as
lone surrogates, which no UTF-8 output (the JSON report, a terminal) can carry. They are shown with
those bytes written as `\\xNN` instead, so the report stays valid and the name stays recognisable.
"""
from __future__ import annotations


def display_path(path: str) -> str:
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
