"""Kind `required_sections`: the document has the sections its type requires, and they are not empty.

Sections are found by `checker.sections.find_section` (headings, form labels, page-header fields).
`mode: missing` (the type rules CH-01, SS-01, …) reports each required section that is nowhere to be
found: one finding that lists them (one defect, one finding: what a reviewer writes), or, when only one
is missing, located after the nearest preceding section the document does have (the standard's order). `mode: empty` (COM-14) reports required sections that are
present but hold nothing: under 20 characters (10 Chinese), only N/A/无/略 without a reason, or only
template prompt text; a final report's next-period section (`final_period`) may be N/A.

Params: see `RequiredSections.Params` (docs/configuration.md lists them).
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.by_content import find_by_content
from checker.analysis.context import Context
from checker.analysis.recognised import closest_labels
from checker.analysis.sections import SectionHit, display_name, find_all, find_section, hit_is_empty
from checker.analysis.titles import project_named
from checker.core.findings import Finding
from checker.kinds.params import KindParams, Regex, SectionSynonyms, Severity, Text
from checker.kinds.prose_base import ProseKind, ProseParams, sep
from checker.lexicon.files import words
from checker.lexicon.matchers import extra_section_synonyms, field_labels, section_entries
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.normalize import nfkc


@derived
def _with_own_synonyms(vocab: Vocabulary, doc_type: str, own: tuple[tuple[str, tuple[str, ...]], ...]) -> Synonyms:
    """The type's sections with a rule's own keys and synonyms first (the first key to claim a
    synonym keeps it); one matcher per vocabulary, so its match cache carries over between documents."""
    mapping = {k: list(v) for k, v in own}
    for k, v in section_entries(vocab, doc_type).items():
        mapping.setdefault(k, []).extend(words(v))
    for k, v in extra_section_synonyms(vocab, doc_type).items():
        mapping.setdefault(k, []).extend(v)
    return Synonyms(mapping)


# The document's own labels are quoted ‘like this’ (「」 in Chinese): the rule's element names keep “”.
_CLOSEST = {"en": (" Closest labels in the document: {items}.", "‘{label}’ ({element})", "; "),
            "zh": ("文档中最接近的标题：{items}。", "「{label}」（{element}）", "；")}


def _closest(ctx: Context, keys: list[str], name) -> str:
    """What the document has that comes closest to the missing elements, so a reader can tell a real
    gap from one written under another name (`pmo-check explain` shows all candidates)."""
    lead, item, joiner = _CLOSEST[ctx.message_language]
    found = [item.format(label=c[0]["label"], element=name(k)) for k in keys if (c := closest_labels(ctx, k))]
    return lead.format(items=joiner.join(found)) if found else ""


class FinalPeriod(KindParams):
    keys: list[str] = Field(description="sections about the next period (nothing follows the last one)")
    pattern: Regex = Field(description="what the report's date or period field says on the final report")


def _reports_final_period(ctx: Context, pattern: str) -> bool:
    """The report's date or reporting-period field says it covers the project's last period ('For
    Week Ending: Final Week'): its next-period section has nothing to hold."""
    labels = field_labels(ctx.vocab)
    for f in ctx.doc.fields:
        m = labels.match(f.label)
        if (m is not None and m.key == "doc_control_fields.date") or re.search(r"period|周期", f.label, re.I):
            if re.search(pattern, nfkc(f.value), re.I):
                return True
    return False


class Escalation(KindParams):
    key: str = Field(description="a section key of the type")
    pattern: Regex = Field(description="what the section says that makes the finding more severe")
    severity: Severity = Field("blocker", description="the severity then")


class RequiredSections(ProseKind):
    name = "required_sections"

    class Params(ProseParams):
        mode: Literal["missing", "empty"] = Field(
            "missing", description="missing: required sections not found; empty: found but holding nothing (COM-14)")
        keys: list[str] | None = Field(
            None, description="section keys (default: the type's required sections that are not sub-fields)")
        profile: Literal["full", "light"] = Field(
            "full", description="INIT_REQUEST_BC: `light` keeps only the sections marked `light: true`")
        except_keys: list[str] = Field([], description="sections another rule reports (not reported twice)")
        synonyms: SectionSynonyms = Field({}, description="extra key -> {en, zh} entries, for keys not in the lexicon")
        names: dict[str, Text] = Field({}, description="key -> how messages call the section (EN/ZH)")
        group_above: int = Field(1, ge=0, description="more missing (or empty) sections than this make one finding "
                                                      "that lists them")
        min_chars: int | None = Field(None, ge=1, description="empty: fewer characters is empty (default 20, 10 Chinese)")
        placeholder_only: bool = Field(True, description="empty: only template prompt text counts as empty")
        short_ok: list[str] = Field([], description="empty: keys where one character is enough (names, ids)")
        skip: dict[str, list[str]] = Field({}, description="empty: doc type -> keys a content rule reports itself")
        final_period: FinalPeriod | None = Field(None, description="empty: next-period sections a final report "
                                                                   "may leave N/A")
        named_by_title: list[str] = Field([], description="keys a title naming the project satisfies (CH-01)")
        or_text: Regex | None = Field(None, description="missing sections are fine when the text says this "
                                                       "(a reference to a separate plan)")
        escalate_when: list[Escalation] = Field([], description="a section whose text matches raises the severity")
        include_optional: bool = Field(False, description="set by size `large` (rules/profiles.yaml); "
                                                          "not read by the kind yet")
        optional_severity: Severity | None = Field(None, description="set by size `large` (rules/profiles.yaml); "
                                                                      "not read by the kind yet")

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self._extra = self.params.synonyms
        self._mode = self.params.mode
        self._group_above = self.params.group_above

    def _synonyms(self, ctx: Context) -> Synonyms | None:
        if not self._extra:
            return None
        own = tuple((k, tuple(words(v))) for k, v in self._extra.items())
        return _with_own_synonyms(ctx.vocab, ctx.doc_type, own)

    def keys(self, ctx: Context) -> list[str]:
        explicit = self.params.keys
        if explicit:
            return list(explicit)
        profile = self.params.profile
        # Sections another rule already reports (the approval block: COM-06) are not reported twice.
        skip = set(self.params.except_keys)
        out = []
        for key, entry in section_entries(ctx.vocab, ctx.doc_type).items():
            if not isinstance(entry, dict) or not entry.get("required") or entry.get("parent") or key in skip:
                continue
            if profile == "light" and not entry.get("light"):
                continue
            out.append(key)
        return out

    def check(self, ctx: Context) -> Iterable[Finding]:
        syn = self._synonyms(ctx)
        keys = self.keys(ctx)
        hits: dict[str, SectionHit | None] = {k: find_section(ctx, k, syn) for k in keys}
        lang = ctx.message_language
        names = self.params.names
        name = lambda k: (names.get(k) or Text()).get(lang) or display_name(ctx.vocab, ctx.doc_type, k, lang, self._extra)  # noqa: E731
        if self._mode == "empty":
            short_ok = set(self.params.short_ok)
            empty = [h for h in hits.values() if h is not None and hit_is_empty(
                ctx.vocab, h, min_chars=1 if h.key in short_ok or any(k in short_ok for k in [h.key]) else self.params.min_chars,
                placeholder_only=self.params.placeholder_only)]
            # Sections whose emptiness a content rule of the type reports itself (CH-10: no risk listed).
            skip = set(self.params.skip.get(ctx.doc_type) or ())
            final = self.params.final_period
            if final is not None and any(h.key in final.keys for h in empty) and _reports_final_period(ctx, final.pattern):
                skip.update(final.keys)  # the last report: no next period to plan
            seen: set[tuple] = set()
            empty = [h for h in empty if h.key not in skip and
                     not (h.location.anchor() in seen or seen.add(h.location.anchor()))]
            if len(empty) > self._group_above:
                yield self.finding(ctx, empty[0].location, variant="many",
                                   sections=sep(ctx).join(h.title.strip(" :：") for h in empty), count=len(empty))
                return
            for h in empty:
                yield self.finding(ctx, h.location, section=h.title.strip(" :："))
            return
        titled = set(self.params.named_by_title)
        missing = [k for k in keys if hits[k] is None and not (k in titled and project_named(ctx))
                   and find_by_content(ctx, k) is None]
        or_text = self.params.or_text
        if missing and or_text and re.search(or_text, nfkc(ctx.doc.all_text()), re.I):
            return  # referenced rather than included (PMP-09: 'see the Quality Management Plan')
        if not missing:
            return
        severity = None
        for cond in self.params.escalate_when:
            if any(re.search(cond.pattern, h.norm_text, re.I | re.M)
                   for h in find_all(ctx, cond.key) if h.kind != "column"):
                severity = cond.severity
        if len(missing) > self._group_above and "many" in self.spec.variants:
            finding = self.finding(ctx, None, variant="many", sections=sep(ctx).join(name(k) for k in missing),
                                   count=len(missing), severity=severity)
            finding.missing_sections = tuple(name(k) for k in missing)
            finding.message += _closest(ctx, missing, name)
            yield finding
            return
        order = list(section_entries(ctx.vocab, ctx.doc_type)) or keys
        for key in missing:
            after = self._preceding(key, order, hits, keys)
            if after is not None and after.kind == "heading":
                finding = self.finding(ctx, after.location, variant="after", section=name(key),
                                       after=after.title.strip(" :："), severity=severity)
            else:
                finding = self.finding(ctx, None, section=name(key), severity=severity)
            finding.missing_sections = (name(key),)
            finding.message += _closest(ctx, [key], name)
            yield finding

    @staticmethod
    def _preceding(key: str, order: list[str], hits: dict[str, SectionHit | None],
                   keys: list[str]) -> SectionHit | None:
        """The nearest section before `key` in the standard's order that the document has."""
        if key not in order:
            return None
        for k in reversed(order[: order.index(key)]):
            if k in hits and hits[k] is not None:
                return hits[k]
        return None
