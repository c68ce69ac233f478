"""Kind `vague_terms` (SS-07): subjective words in deliverables or acceptance criteria.

'User-friendly', 'improve', '优化' cannot be verified at acceptance. A line counts only when it
gives no number nearby (standard Appendix B: vague terms "with no number nearby"), so 'improve
response time to under 2 s' passes while 'a user-friendly portal' is reported.
"""
from __future__ import annotations

import re
from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import display_name, find_section
from checker.core.findings import Finding
from checker.kinds.prose_base import ProseKind, ProseParams, sep
from checker.lexicon.vocabulary import Vocabulary, derived

_DIGIT = re.compile(r"\d|[一二三四五六七八九十百千万两]+(?:成|倍|个百分点)")


@derived
def _terms(vocab: Vocabulary) -> re.Pattern[str]:
    spec = vocab.common.get("vague_terms") or {}
    en = sorted((str(w) for w in spec.get("en") or []), key=len, reverse=True)
    zh = sorted((str(w) for w in spec.get("zh") or []), key=len, reverse=True)
    parts = [r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])" for w in en] + [re.escape(w) for w in zh]
    return re.compile("|".join(parts) or r"(?!x)x", re.I)


class VagueTerms(ProseKind):
    name = "vague_terms"

    class Params(ProseParams):
        keys: list[str] = Field([], description="section keys whose lines are read")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        lang = ctx.message_language
        pattern = _terms(ctx.vocab)
        for key in self.params.keys:
            hit = find_section(ctx, key)
            if hit is None or not hit.text.strip():
                continue
            section = display_name(ctx.vocab, ctx.doc_type, key, lang)
            for line in hit.text.splitlines():
                if _DIGIT.search(line):
                    continue  # a number makes the line measurable
                terms = list(dict.fromkeys(m.group(0) for m in pattern.finditer(line)))
                if terms:
                    yield self.finding(ctx, hit.location.with_text(line.strip()), section=section,
                                       terms=sep(ctx).join(f"“{t}”" for t in terms))
