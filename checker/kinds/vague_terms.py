"""Kind `vague_terms` (SS-07, SR-11): subjective words with no number nearby.

'User-friendly', 'improve', '优化' in a deliverable cannot be verified at acceptance (SS-07); 'on
track', 'mostly done', '基本完成' in a status report claim progress without measuring it (SR-11). A
line counts only when it gives no number (standard Appendix B: vague terms "with no number nearby";
SR-11: "without a number or date nearby" — a date has digits too), so 'improve response time to
under 2 s' passes while 'a user-friendly portal' is reported.

The words are a category of the NLP lexicon (`terms`: `vague` is the standard's
`common.vague_terms`, `progress_claim` the claims of rules/lexicons/nlp.yaml), matched by
`checker.nlp` on lemmas ('improved', 'optimising') and on jieba's words ('有效' is not in '有效期').
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import display_name, find_section
from checker.core.findings import Finding
from checker.kinds.nlp_base import reader_of
from checker.kinds.prose_base import ProseKind, ProseParams, sep

_DIGIT = re.compile(r"\d|[一二三四五六七八九十百千万两]+(?:成|倍|个百分点)")


class VagueTerms(ProseKind):
    name = "vague_terms"

    class Params(ProseParams):
        keys: list[str] = Field([], description="section keys whose lines are read")
        terms: Literal["vague", "progress_claim"] = Field("vague", description="the NLP lexicon's category of words")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        lang = ctx.message_language
        reader = reader_of(ctx)
        for key in self.params.keys:
            hit = find_section(ctx, key)
            if hit is None or not hit.text.strip():
                continue
            section = display_name(ctx.vocab, ctx.doc_type, key, lang)
            for line in hit.text.splitlines():
                if _DIGIT.search(line):
                    continue  # a number makes the line measurable
                terms = list(dict.fromkeys(h.text for h in reader.hits(line, self.params.terms)))
                if terms:
                    yield self.finding(ctx, hit.location.with_text(line.strip()), section=section,
                                       terms=sep(ctx).join(f"“{t}”" for t in terms))
