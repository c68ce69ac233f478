"""Project names as documents spell them: one project is 'Stream 游戏推荐平台' in its plan and
'Stream游戏推荐系统' in its report, 'Apollo CRM' in one title and 'Apollo CRM System' in another.

A name's keys compare without case, width, spaces or punctuation, and without a trailing generic
head noun (系统, 平台, 项目, System, Platform, Project …) when enough is left to name something.
"""
from __future__ import annotations

import re

from checker.text.normalize import nfkc

_NOT_A_NAME_CHAR = re.compile(r"[\W_]+")
_GENERIC_TAIL = re.compile(r"(?:系统|平台|项目|工程|软件|应用|app|application|system|platform|project|programme|program)$")
MIN_STEM = 4  # characters a name keeps once its generic tail is gone


def name_key(name: str) -> str:
    """The spelling-free form of a project name ('Stream 游戏推荐平台' -> 'stream游戏推荐')."""
    key = _NOT_A_NAME_CHAR.sub("", nfkc(name).casefold())
    while True:
        m = _GENERIC_TAIL.search(key)
        if m is None or m.start() < MIN_STEM:
            return key
        key = key[:m.start()]
