"""Generate docs/rules.md: every rule of the standard, and whether and how pmo-check implements it.

    python docs/generate_rules_reference.py            # writes docs/rules.md and the kinds section of
                                                       # docs/configuration.md
    python docs/generate_rules_reference.py --check    # exit 1 if either is out of date
    python docs/generate_rules_reference.py --extract /path/to/pmo-standard.md
                                                       # refresh docs/standard_rules.yaml from the standard,
                                                       # and checker/report/rationale.yaml from it

Inputs:
* docs/standard_rules.yaml — the standard's rule inventory (id, document type, severity, automation
  A/S/J, EN/ZH title, the `check` text and notes), extracted once from pmo-standard.md with
  `--extract` and committed, so that a clone without the standard can still regenerate the reference;
* the rule packs (rules/*.yaml, through `checker.config.packs`): which rules are implemented, by which
  kind, in which pack;
* docs/rule_notes.yaml — hand-written reasons for rules no pack implements, where the standard's own
  text does not already say why (e.g. "covered by COM-06", "later: needs working calendars");
* the rule kinds (`checker.kinds.registry`) and their `Params`: docs/rules.md says for each implemented
  rule the kind module and the parameters its pack sets (the others keep their defaults), and the
  section of docs/configuration.md between the `kinds:begin`/`kinds:end` markers documents every
  kind's parameters (type, default, meaning).

A rule no pack implements gets a reason: the note if there is one, else one derived from the
standard (a `check` that says "see XD-…" or names another document → cross-document; automation S →
needs NLP; J → judgement; gate and XD rules → the project view).
"""
from __future__ import annotations

import argparse
import inspect
import json
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
CONFIGURATION = DOCS / "configuration.md"
BEGIN, END = "<!-- kinds:begin", "<!-- kinds:end -->"
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
    """checker/report/rationale.yaml: rule id → the standard's `why` and `check` (what it checks), in
    English (the standard has no Chinese for them)."""
    header = ("# The standard's rationale ('why') and check of each rule, for the reports and `pmo-check rules ID`.\n"
              "# Generated from docs/standard_rules.yaml by `python docs/generate_rules_reference.py --extract`.\n"
              "# Do not edit by hand.\n")
    body = {r["id"]: {**({"en": r["why"]} if r.get("why") else {}), **({"check": r["check"]} if r.get("check") else {})}
            for r in rules if r.get("why") or r.get("check")}
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
                             "en": spec.title.en, "zh": spec.title.zh, "params": dict(spec.params)})
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
        return "cross-document — not automated yet in the project view (docs/project-view.md)"
    if rule["doc_type"] == "GATES":
        return "gate rule — not automated yet in the project view (docs/project-view.md)"
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
        how = "; ".join(f"kind {_kind_link(i['kind'])} in pack `{i['pack']}`" for i in impl)
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
    w(f"Every rule of the PMO standard that pmo-check checks against ({len(rules)} rules, by document type) with")
    w("its severity, automation level (A deterministic, S semi-automatic/NLP, J judgement) and whether")
    w("pmo-check implements it. A rule that no pack implements says why: *cross-document* rules need several")
    w("documents of one project (the project view, docs/project-view.md, runs the XD and GATE rules it")
    w("implements; the others are listed as not yet automated), *needs NLP* rules need text understanding")
    w("(pending the NLP issue), *judgement* rules are reported as `info` with `needs_review`, never as")
    w("failures. Everything here is in this repository: the standard's rule inventory (ids, titles,")
    w("severities, what each rule checks and why) is `docs/standard_rules.yaml`, the rule packs are `rules/`,")
    w("and the Gherkin scenarios in `features/` are the implemented rules' executable specification.")
    w("`pmo-check rules` lists the implemented rules; `pmo-check rules RR-16` explains one: what the standard")
    w("checks and why, how to fix it, its parameters and how to tailor or waive it (docs/configuration.md).")
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
                  f"kind {_kind_link(i['kind'])} in pack `{i['pack']}` |")
        w("")
    out.extend(render_kind_rules(implemented))
    return "\n".join(out)


# --- rule kinds and their parameters ------------------------------------------------------------------------

PARAM_VALUE_WIDTH = 100  # a pack's value shown in docs/rules.md (regexes, word lists) is cut here


def _kind_link(kind: str) -> str:
    return f"[`{kind}`](#kind-{kind})" if kind in _kinds() else f"`{kind}`"


def _kinds() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from checker.kinds import registry

    return {name: registry.kind(name) for name in registry.KINDS}


def _module_file(kind: Any) -> str:
    return Path(inspect.getsourcefile(kind)).resolve().relative_to(ROOT).as_posix()


def _value(value: Any, width: int | None = None) -> str:
    text = "none" if value is None else json.dumps(value, ensure_ascii=False)
    return text if width is None or len(text) <= width else text[:width - 1] + "…"


def render_kind_rules(implemented: dict[str, list[dict[str, Any]]]) -> list[str]:
    """docs/rules.md's last part: per kind, its module, parameter defaults and the rules with what their pack sets."""
    from checker.kinds.params import describe

    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for rid in sorted(implemented, key=_id_key):
        for i in implemented[rid]:
            if "params" in i:
                by_kind[i["kind"]].append((rid, i))
    out = ["## Rule kinds", "",
           "Each implemented rule is a rule kind (a module of `checker/kinds/`, listed in `checker/kinds/registry.py`)",
           "with the parameters its pack sets; the other parameters keep their defaults. The parameters are explained",
           "in [configuration.md](configuration.md#rule-kinds-and-their-parameters); `pmo-check rules --where ID` shows",
           "a rule's pack line and its effective values under a configuration.", ""]
    for name, kind in sorted(_kinds().items()):
        if name not in by_kind:
            continue
        params = describe(kind.Params)
        defaults = ", ".join(f"`{p.name}` {_value(p.default, 60)}" for p in params if not p.required)
        out += [f"### Kind `{name}`", "",
                f"Module `{_module_file(kind)}` (class `{kind.__qualname__}`). Defaults: {_cell(defaults) or 'none'}.", "",
                "| rule | pack | parameters set by the pack |", "|---|---|---|"]
        for rid, i in by_kind[name]:
            set_ = "; ".join(f"`{k}`: {_value(v, PARAM_VALUE_WIDTH)}" for k, v in i["params"].items()) or "—"
            out.append(f"| {rid} | {i['pack']} | {_cell(set_)} |")
        out.append("")
    return out


def render_kinds_section() -> str:
    """The section of docs/configuration.md (between the markers) that documents every kind's parameters."""
    from checker.kinds.params import describe
    from checker.kinds.prose_base import ProseParams
    from checker.kinds.register_base import RegisterParams, RowSelection, When

    shared = (("prose-kinds", "prose", "Prose kinds", ProseParams),
              ("register-kinds", "register", "Register kinds", RegisterParams),
              ("kinds-that-select-rows", "row selection", "Kinds that select rows", RowSelection))
    w: list[str] = []
    w += [f"{BEGIN} (generated by docs/generate_rules_reference.py from the kinds' Params: do not edit) -->",
          "## Rule kinds and their parameters", "",
          "A rule's `params` (in its pack, an organisation pack's `overrides`, `profiles.yaml` or `[rules.\"ID\"]`)",
          "are its kind's parameters below. An unknown key or a value of the wrong type or outside the allowed",
          "values is a configuration error (exit status 2) that names the file, the rule and the key; the JSON",
          "Schemas `rules/schemas/pack.schema.json` and `rules/schemas/pmo-check.schema.json` (generated by",
          "`python -m checker.config.schema`) let an editor check them as you type. `pmo-check rules --where ID`",
          "shows a rule's effective values.", ""]
    for _, _, title, model in shared:
        w += [f"### {title}", ""]
        w += _param_table(describe(model), model)
    w += ["Row conditions (`when`): every condition given must hold.", ""]
    w += _param_table(describe(When), When, prefix="when.")
    for name, kind in sorted(_kinds().items()):
        model = kind.Params
        bases = [f"[{short}](#{anchor})" for anchor, short, _, m in shared if issubclass(model, m)]
        inherited = {f for _, _, _, m in shared if issubclass(model, m) for f in m.model_fields}
        own = [p for p in describe(model) if p.name not in inherited]
        also = f" It also takes the {' and '.join(bases)} parameters." if bases else ""
        w += [f"### `{name}`", "", f"Module `{_module_file(kind)}`.{also}", ""]
        w += _param_table(own, model) if own else ["No parameters of its own.", ""]
    w.append(END)
    return "\n".join(w)


def _param_table(params: list[Any], model: Any, prefix: str = "") -> list[str]:
    from checker.kinds.params import describe

    rows = ["| parameter | type | default | meaning |", "|---|---|---|---|"]
    for p in params:
        default = "required" if p.required else f"`{_value(p.default, 60)}`"
        rows.append(f"| `{prefix}{p.name}` | {_cell(p.type)} | {_cell(default)} | {_cell(p.description)} |")
        nested, shape = _nested_model(model.model_fields[p.name].annotation)
        if nested is not None and not issubclass(model, nested) and nested.__name__ != "When":
            inner = f"{prefix}{p.name}{shape}."
            for q in describe(nested):
                default = "required" if q.required else f"`{_value(q.default, 60)}`"
                rows.append(f"| `{inner}{q.name}` | {_cell(q.type)} | {_cell(default)} | {_cell(q.description)} |")
    return rows + [""]


def _nested_model(annotation: Any) -> tuple[Any, str]:
    """The model inside a field's type, and how to reach it: '' (the value), '[]' (list items), '.<name>' (map)."""
    from typing import get_args, get_origin

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, ""
    origin, args = get_origin(annotation), get_args(annotation)
    for arg in args:
        found, shape = _nested_model(arg)
        if found is not None:
            if origin is list:
                return found, "[]" + shape
            if origin is dict:
                return found, ".<name>" + shape
            return found, shape
    return None, ""


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


def spliced(configuration: str) -> str:
    """docs/configuration.md with its kinds section regenerated."""
    start, end = configuration.index(BEGIN), configuration.index(END) + len(END)
    return configuration[:start] + render_kinds_section() + configuration[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--configuration", type=Path, default=CONFIGURATION,
                        help="the configuration guide whose kinds section to regenerate")
    parser.add_argument("--check", action="store_true", help="exit 1 if the output files are not up to date")
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
    guide = args.configuration.read_text(encoding="utf-8")
    guide_text = spliced(guide)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        for path, now, wanted in ((args.output, current, text), (args.configuration, guide, guide_text)):
            if now != wanted:
                sys.stderr.write(f"{path} is out of date: run python docs/generate_rules_reference.py\n")
                return 1
        return 1 if missing else 0
    args.output.write_text(text, encoding="utf-8")
    if guide_text != guide:
        args.configuration.write_text(guide_text, encoding="utf-8")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
