"""Generate docs/rules.md: every rule of the standard, and whether and how pmo-check implements it.

    python docs/generate_rules_reference.py            # writes docs/rules.md
    python docs/generate_rules_reference.py --check    # exit 1 if docs/rules.md is out of date
    python docs/generate_rules_reference.py --extract /path/to/pmo-standard.md
                                                       # refresh docs/standard_rules.yaml from the standard,
                                                       # and checker/report/rationale.yaml from it

Inputs:
* docs/standard_rules.yaml — the standard's rule inventory (id, document type, severity, automation
  A/S/J, EN/ZH title, the `check` text and notes), extracted once from pmo-standard.md with
  `--extract` and committed, so that a clone without the standard can still regenerate the reference;
* the rule packs (rules/*.yaml, through `checker.rulepack`): which rules are implemented, by which
  kind, in which pack;
* docs/rule_notes.yaml — hand-written reasons for rules no pack implements, where the standard's own
  text does not already say why (e.g. "covered by COM-06", "later: needs working calendars").

A rule no pack implements gets a reason: the note if there is one, else one derived from the
standard (a `check` that says "see XD-…" or names another document → cross-document; automation S →
needs NLP; J → judgement; gate and XD rules → the project view).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

import yaml

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
STANDARD_DATA = DOCS / "standard_rules.yaml"
NOTES = DOCS / "rule_notes.yaml"
OUTPUT = DOCS / "rules.md"
# The standard's rationale of each rule, shipped in the package for the reports (SARIF help, HTML).
RATIONALE = ROOT / "checker" / "report" / "rationale.yaml"
DEFAULT_STANDARD = ROOT.parent / "shared" / "standard" / "pmo-standard.md"

# The document types whose A-level rules must each be implemented or explained (the "Done when").
REQUIRED_TYPES = ("COMMON", "INIT_REQUEST_BC", "CHARTER", "SCOPE_STATEMENT", "PMP", "SCHEDULE", "COST_PLAN",
                  "RISK_REGISTER", "ISSUE_REGISTER", "CHANGE_REQUEST", "CHANGE_LOG", "STATUS_REPORT",
                  "CLOSURE_REPORT", "LESSONS")
SECTION_KEYS = {"common": "COMMON", "cross_document": "CROSS_DOCUMENT", "gates": "GATES"}
TYPE_TITLES = {
    "COMMON": "COMMON — every document", "CROSS_DOCUMENT": "Cross-document checks (XD)", "GATES": "Stage gates (GATE)",
}
SEVERITIES = ("blocker", "major", "minor", "info")
DOC_TYPE_WORD = re.compile(r"\b(INIT_REQUEST_BC|PROJECT_BRIEF|INIT_REVIEW|CHARTER|PID|SCOPE_STATEMENT|PMP|SCHEDULE|"
                           r"RESOURCE_PLAN|RACI|COST_PLAN|QUALITY_PLAN|COMMS_PLAN|RISK_MGMT_PLAN|CHANGE_MGMT_PLAN|"
                           r"STAKEHOLDER_REGISTER|RISK_REGISTER|ISSUE_REGISTER|CHANGE_REQUEST|CHANGE_LOG|"
                           r"MEETING_MINUTES|STATUS_REPORT|END_STAGE_REPORT|CLOSURE_REPORT|LESSONS)\b")


# --- extraction from the standard (run once, result committed) ------------------------------------------

def extract(standard: Path) -> list[dict[str, Any]]:
    """Every rule of the standard's YAML blocks, in document order, with the section it belongs to."""
    text = standard.read_text(encoding="utf-8")
    rules: list[dict[str, Any]] = []

    def walk(node: Any, section: str | None) -> None:
        if isinstance(node, dict):
            if "id" in node and "sev" in node:
                rules.append(_rule_record(node, section or "?"))
                return
            for key, value in node.items():
                walk(value, section)
        elif isinstance(node, list):
            for value in node:
                walk(value, section)

    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        data = yaml.safe_load(block)
        if isinstance(data, dict):
            for key, value in data.items():
                walk(value, SECTION_KEYS.get(key, key))
    return rules


def _rule_record(raw: dict[str, Any], doc_type: str) -> dict[str, Any]:
    record = {"id": raw["id"], "doc_type": doc_type, "severity": raw["sev"], "automation": raw.get("auto", "A"),
              "en": " ".join(str(raw.get("en", "")).split()), "zh": " ".join(str(raw.get("zh", "")).split()),
              "check": " ".join(str(raw.get("check", "")).split())}
    why = raw.get("why")
    if why:
        record["why"] = " ".join(str(why).split())
    note = raw.get("note")
    if note:
        record["note"] = " ".join(str(note).split())
    if raw.get("applies_to"):
        record["applies_to"] = list(raw["applies_to"])
    return record


def rationale_text(rules: list[dict[str, Any]]) -> str:
    """checker/report/rationale.yaml: rule id → the standard's `why` (English; the standard has no Chinese)."""
    header = ("# The standard's rationale ('why') of each rule, for the reports. Generated from docs/standard_rules.yaml\n"
              "# by `python docs/generate_rules_reference.py --extract`. Do not edit by hand.\n")
    body = {r["id"]: {"en": r["why"]} for r in rules if r.get("why")}
    return header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120)


def write_standard_data(rules: list[dict[str, Any]], path: Path = STANDARD_DATA) -> None:
    header = ("# The rule inventory of the PMO standard (pmo-standard.md, §3–§6), extracted by\n"
              "# `python docs/generate_rules_reference.py --extract PATH`. Do not edit by hand: re-extract.\n")
    body = yaml.safe_dump({"rules": rules}, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(header + body, encoding="utf-8")


# --- inputs -------------------------------------------------------------------------------------------------

def load_standard(path: Path = STANDARD_DATA) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]


def load_notes(path: Path = NOTES) -> dict[str, str]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): " ".join(str(v).split()) for k, v in (data.get("notes") or {}).items()}


def load_implemented() -> dict[str, list[dict[str, Any]]]:
    """Rule id → the pack rules implementing it (kind, pack, severity, doc types), from the installed packs."""
    sys.path.insert(0, str(ROOT))
    from checker.config import packs as rulepack
    from checker.config import waivers as suppress

    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for spec in rulepack.builtin_specs():
        out[spec.id].append({"kind": spec.kind, "pack": spec.pack or "", "severity": spec.severity,
                             "automation": spec.automation, "doc_types": list(spec.applies_to or ["ALL"]),
                             "en": spec.title.en, "zh": spec.title.zh})
    for r in suppress.RULES:
        out[r["id"]].append({"kind": r["kind"], "pack": "(engine)", "severity": r["severity"],
                             "automation": r.get("automation", "A"), "doc_types": ["ALL"],
                             "en": r["title"]["en"], "zh": r["title"]["zh"]})
    return dict(out)


# --- status of each rule ------------------------------------------------------------------------------------

def derived_reason(rule: dict[str, Any]) -> str:
    """Why a rule is not implemented, from what the standard says about it ('' when it says nothing)."""
    check, note = rule.get("check", ""), rule.get("note", "")
    xd = sorted(set(re.findall(r"XD-\d+", check)), key=lambda s: int(s[3:]))
    if rule["doc_type"] == "CROSS_DOCUMENT":
        return "cross-document — pending the project-view issue"
    if rule["doc_type"] == "GATES":
        return "gate rule — needs the gate/project view (pending the project-view issue)"
    if xd:
        return f"cross-document: see {', '.join(xd)} — pending the project-view issue"
    others = sorted({m for m in DOC_TYPE_WORD.findall(check) if m != rule["doc_type"]})
    if others:
        return f"cross-document: needs the {', '.join(others)} — pending the project-view issue"
    if "registry" in check.lower():
        return "cross-document: needs the project registry — pending the project-view issue"
    if rule["automation"] == "S":
        return "needs NLP (S) — pending the NLP issue"
    if rule["automation"] == "J":
        return "judgement (J) — to be reported as info, needs_review"
    if "GUESS-policy" in note:
        return "GUESS policy: needs PMO configuration"
    return ""


def status(rule: dict[str, Any], implemented: dict[str, list[dict[str, Any]]], notes: dict[str, str]) -> tuple[str, str]:
    """(status, detail): implemented / judgement / nlp / cross-document / not implemented."""
    impl = implemented.get(rule["id"])
    if impl:
        how = "; ".join(f"kind `{i['kind']}` in pack `{i['pack']}`" for i in impl)
        if rule["automation"] == "J" or any(i["kind"] == "review" for i in impl):
            return "judgement", f"reported as info, needs_review — {how}"
        return "implemented", how
    reason = notes.get(rule["id"]) or derived_reason(rule)
    if reason.startswith("cross-document") or reason.startswith("gate rule"):
        return "cross-document", reason
    if reason.startswith("covered by"):
        return "covered", reason
    if reason.startswith("needs NLP"):
        return "nlp", reason
    if reason.startswith("judgement"):
        return "judgement-pending", reason
    return "not-implemented", reason


STATUS_LABEL = {"implemented": "implemented", "judgement": "judgement (J)", "covered": "covered by another rule", "cross-document": "cross-document",
                "nlp": "needs NLP (S)", "judgement-pending": "judgement (J), pending", "not-implemented": "not implemented"}


# --- rendering ----------------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(rules: list[dict[str, Any]], implemented: dict[str, list[dict[str, Any]]], notes: dict[str, str]) -> str:
    order: list[str] = []
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rule in rules:
        if rule["doc_type"] not in by_type:
            order.append(rule["doc_type"])
        by_type[rule["doc_type"]].append(rule)
    # COMMON first, the document types in the standard's order, then gates and cross-document checks.
    order = ["COMMON"] + [t for t in order if t not in ("COMMON", "GATES", "CROSS_DOCUMENT")] + \
        [t for t in ("GATES", "CROSS_DOCUMENT") if t in by_type]

    statuses = {r["id"]: status(r, implemented, notes) for r in rules}
    out: list[str] = []
    w = out.append
    w("# Rule reference")
    w("")
    w("<!-- Generated by docs/generate_rules_reference.py from docs/standard_rules.yaml, docs/rule_notes.yaml")
    w("     and the rule packs in rules/. Do not edit by hand: run `python docs/generate_rules_reference.py`. -->")
    w("")
    w("Every rule of the PMO standard (`pmo-standard.md`, 303 rules) with its severity, automation level")
    w("(A deterministic, S semi-automatic/NLP, J judgement) and whether pmo-check implements it. A rule that no")
    w("pack implements says why: *cross-document* rules need several documents of one project (pending the")
    w("project-view issue), *needs NLP* rules need text understanding (pending the NLP issue), *judgement*")
    w("rules are reported as `info` with `needs_review`, never as failures. `pmo-check rules` lists the")
    w("implemented rules; the Gherkin scenarios in `features/` are their executable specification.")
    w("")
    w("## Summary")
    w("")
    w("| document type | rules | A | S | J | implemented | judgement (info) | covered by another rule | cross-document | needs NLP | not implemented | A-level implemented |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    totals: Counter[str] = Counter()
    for doc_type in order:
        group = by_type[doc_type]
        c: Counter[str] = Counter()
        for r in group:
            c["rules"] += 1
            c[r["automation"]] += 1
            st = statuses[r["id"]][0]
            c[{"judgement-pending": "not-implemented"}.get(st, st)] += 1
            if r["automation"] == "A":
                c["a_total"] += 1
                c["a_impl"] += st in ("implemented", "judgement")
        totals.update(c)
        w(f"| [{doc_type}](#{_anchor(doc_type)}) | {c['rules']} | {c['A']} | {c['S']} | {c['J']} | {c['implemented']} | "
          f"{c['judgement']} | {c['covered']} | {c['cross-document']} | {c['nlp']} | {c['not-implemented']} | "
          f"{c['a_impl']}/{c['a_total']} |")
    t = totals
    w(f"| **total** | **{t['rules']}** | {t['A']} | {t['S']} | {t['J']} | **{t['implemented']}** | {t['judgement']} | "
      f"{t['covered']} | {t['cross-document']} | {t['nlp']} | {t['not-implemented']} | {t['a_impl']}/{t['a_total']} |")
    w("")
    for doc_type in order:
        group = by_type[doc_type]
        w(f"## {doc_type}")
        w("")
        if doc_type in TYPE_TITLES:
            w(f"*{TYPE_TITLES[doc_type]}.*")
            w("")
        w("| id | severity | auto | title (EN) | title (ZH) | status |")
        w("|---|---|---|---|---|---|")
        for r in group:
            st, detail = statuses[r["id"]]
            if st == "covered":  # "**covered** by COM-06 …"
                text = f"**covered** {detail[len('covered '):]}"
            else:
                text = f"**{STATUS_LABEL[st]}**: {_strip_label(detail, st)}" if detail else f"**{STATUS_LABEL[st]}**"
            w(f"| {r['id']} | {r['severity']} | {r['automation']} | {_cell(r['en'])} | {_cell(r['zh'])} | {_cell(text)} |")
        w("")
    extra = sorted((i for i in implemented if i not in statuses), key=_id_key)
    if extra:
        w("## Rules of pmo-check not in the standard")
        w("")
        w("| id | severity | doc types | title (EN) | title (ZH) | implemented by |")
        w("|---|---|---|---|---|---|")
        for rid in extra:
            for i in implemented[rid]:
                w(f"| {rid} | {i['severity']} | {', '.join(i['doc_types'])} | {_cell(i['en'])} | {_cell(i['zh'])} | "
                  f"kind `{i['kind']}` in pack `{i['pack']}` |")
        w("")
    return "\n".join(out)


def _strip_label(detail: str, st: str) -> str:
    """'cross-document: see XD-02 …' under a **cross-document** label reads 'see XD-02 …'."""
    for prefix in (STATUS_LABEL[st], st, "gate rule"):
        if detail.lower().startswith(prefix.lower()) and prefix != "covered by another rule":
            rest = detail[len(prefix):].lstrip(" :—-")
            return rest if prefix != "gate rule" else detail
    return detail


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", title.lower().replace(" ", "-"))


def _id_key(rid: str) -> tuple[str, int]:
    prefix, _, num = rid.rpartition("-")
    return prefix, int(num) if num.isdigit() else 0


def unexplained(rules: Iterable[dict[str, Any]], implemented: dict[str, list[dict[str, Any]]],
                notes: dict[str, str]) -> list[str]:
    """A-level rules of the required types that are neither implemented nor given a reason."""
    return [r["id"] for r in rules if r["doc_type"] in REQUIRED_TYPES and r["automation"] == "A"
            and r["id"] not in implemented and not (notes.get(r["id"]) or derived_reason(r))]


def generate(output: Path = OUTPUT) -> str:
    text = render(load_standard(), load_implemented(), load_notes()) + "\n"
    output.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output file is not up to date")
    parser.add_argument("--extract", nargs="?", const=DEFAULT_STANDARD, type=Path, metavar="STANDARD",
                        help="re-extract docs/standard_rules.yaml from the standard first")
    args = parser.parse_args(argv)
    if args.extract:
        if not args.extract.exists():
            parser.error(f"{args.extract} not found")
        write_standard_data(extract(args.extract))
        RATIONALE.write_text(rationale_text(load_standard()), encoding="utf-8")
    rules, implemented, notes = load_standard(), load_implemented(), load_notes()
    text = render(rules, implemented, notes) + "\n"
    missing = unexplained(rules, implemented, notes)
    if missing:
        sys.stderr.write(f"A-level rules neither implemented nor explained: {', '.join(missing)}\n")
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.stderr.write(f"{args.output} is out of date: run python docs/generate_rules_reference.py\n")
            return 1
        return 1 if missing else 0
    args.output.write_text(text, encoding="utf-8")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
