"""A Word document's closing lines: a team that signs the document off at its end.

Team documents often end with a short line naming the team that wrote them ('Thank you' /
'ERI team', 'Team 4', '第二小组'): a reviewer reads it as the author, as on a letter. The last two
text lines of the body are read; one that is short and names a team (`common.yaml` `team_words`)
gives the document's `author`, with an empty label (the document gives none).
"""
from __future__ import annotations

import re
from typing import Sequence

from checker.lexicon.files import words
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Block, Field
from checker.text.normalize import nfkc

MAX_LINE = 40  # a signature line, not a sentence about the team
LAST_LINES = 2


def closing_fields(vocab: Vocabulary, blocks: Sequence[Block]) -> list[Field]:
    """The author a closing team line gives, if any."""
    lines: list[Block] = []
    for block in reversed(blocks):
        if len(lines) == LAST_LINES:
            break
        if block.source != "body" or block.location.table is not None or block.kind == "table":
            if block.kind == "table" and block.source == "body":
                break  # a table ends the document: its last lines are not a sign-off
            continue
        if block.text.strip():
            lines.append(block)
    for block in lines:
        text = " ".join(nfkc(block.text).split())
        if block.kind == "paragraph" and len(text) <= MAX_LINE and _team_pattern(vocab).search(text):
            return [Field("", text, block.location.with_text(text), block.location, "closing", key="author")]
    return []


@derived
def _team_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    """'ERI team', 'Team 4', 'Group B', '第二小组': a line that is a team's name (no sentence)."""
    entry = vocab.common.get("team_words") or {}
    en = "|".join(re.escape(w) for w in words({"en": entry.get("en")}))
    zh = "|".join(re.escape(w) for w in words({"zh": entry.get("zh")}))
    return re.compile(rf"^(?:[\w&.\- ]{{1,25}}\s(?:{en})|(?:{en})\s[\w\-]{{1,10}})$|^\S{{1,12}}(?:{zh})$", re.I)
