"""`pmo-check rules [RULE...]`: the rules of the effective configuration, or what one rule is about.

Without RULE, every rule sorted by id, with every document type it applies to, its severity,
automation level and titles in English and Chinese (`--format json`: also its messages, suggestion
and the standard's rationale). With RULE (ids or globs), each matching rule explained: what it checks,
why, how to fix it, its parameters, and how to tailor or waive it. `--where ID` traces a rule to its
pack file and line, the kind and module that run it, and every parameter with its default.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from checker.cli.common import FORMATS, PLAIN_EXIT_STATUSES, add_config, command

DESCRIPTION = """\
List the rules of the effective configuration (the built-in packs as tailored by
pmo-check.toml), or explain some of them.

Automation levels: A deterministic, S semi-automatic, J judgement (reported as
info with "needs review", never a failure)."""

EXAMPLES = (
    ("pmo-check rules", "every rule: id, severity, automation, document types, titles"),
    ("pmo-check rules --doc-type RISK_REGISTER", "the rules that apply to risk registers"),
    ("pmo-check rules RR-16", "what RR-16 checks, why, how to fix it, tailor it or waive it"),
    ("pmo-check rules --format json", "every rule with its messages (EN/ZH), severity and rationale"),
    ("pmo-check rules --where 'RR-1*'", "where rules come from: pack file and line, kind, parameters"),
)
AUTOMATION = {"A": "automated", "S": "semi-automatic", "J": "judgement"}


def add_parser(sub: Any) -> None:
    rules = command(sub, "rules", "list the rules, or explain one (rules RR-16)", DESCRIPTION, EXAMPLES,
                    PLAIN_EXIT_STATUSES)
    rules.add_argument("rule_ids", nargs="*", metavar="RULE",
                       help="explain these rules (ids or globs such as 'RR-1*') instead of listing all")
    rules.add_argument("--doc-type", metavar="TYPE",
                       help="only the rules that apply to this document type (CHARTER, RISK_REGISTER, …)")
    rules.add_argument("--format", choices=FORMATS, default="text", help="text (default) or json")
    add_config(rules, "the one that governs the current folder, if any")
    rules.add_argument("--where", metavar="ID",
                       help="trace a rule id (or glob) to its pack file and line, kind, module and parameters")


def run(args: argparse.Namespace) -> int:
    from checker.config import settings, tailoring
    from checker.report.rules import doc_types, explain, matching, rule_rows

    doc_type = args.doc_type.strip().upper() if args.doc_type else None
    if doc_type and doc_type not in doc_types():
        sys.stderr.write(f"pmo-check: error: --doc-type {args.doc_type!r} is not a document type; "
                         f"use one of: {', '.join(doc_types())}\n")
        return 2
    source = args.config or settings.discover(os.getcwd())
    tailored = tailoring.build(settings.load_file(source)) if source else tailoring.default()
    if args.where or args.rule_ids:
        found = []
        for pattern in ([args.where] if args.where else args.rule_ids):
            traced = matching(tailored, pattern)
            if not traced:
                sys.stderr.write(f"pmo-check: error: no rule {pattern.upper()} (`pmo-check rules` lists them)\n")
                return 2
            found += [t for t in traced if t["id"] not in {f["id"] for f in found}]
        if not args.where:
            found = [explain(tailored, t) for t in found]
        if args.format == "json":
            _json(found if len(found) > 1 else found[0])
        else:
            for i, rule in enumerate(found):
                sys.stdout.write("\n" if i else "")
                if args.where:
                    _where_text(rule)
                else:
                    _explain_text(rule)
        return 0
    rows = rule_rows(tailored, doc_type)
    if args.format == "json":
        _json(rows)
    else:
        _list_text(rows)
    return 0


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _writer() -> Any:
    from checker.report.terminal import Writer, console_for

    return Writer(console_for(sys.stdout, None))


def _list_text(rows: list[dict[str, Any]]) -> None:
    with _writer() as out:
        _list_lines(out, rows)


def _list_lines(out: Any, rows: list[dict[str, Any]]) -> None:
    from rich.text import Text

    width = max(len(r["id"]) for r in rows)
    out.line(Text(f"{'rule':<{width}}  {'severity':<8} auto  applies to / title", style="bold"))
    for r in rows:
        left = Text(f"{r['id']:<{width}}  {r['severity']:<8} {r['automation']}     ")
        types = "every document type" if r["doc_types"] == ["ALL"] else ", ".join(r["doc_types"])
        off = "  (disabled)" if not r["enabled"] else ""
        out.block(left, [Text(types + off, style="dim"), Text(r["title"]["en"]), Text(r["title"]["zh"])])
    out.blank()
    out.line(Text(f"{len(rows)} rules. A automated, S semi-automatic, J judgement (info, needs review, never a "
                  f"failure). `pmo-check rules ID` explains a rule."))


def _explain_text(r: dict[str, Any]) -> None:
    with _writer() as out:
        _explain_lines(out, r)


def _explain_lines(out: Any, r: dict[str, Any]) -> None:
    from rich.text import Text

    from checker.report.rules import set_params

    out.line(Text(f"{r['id']}  {r['title']['en']}", style="bold"), hanging=len(r["id"]) + 2)
    out.line(Text(f"{' ' * len(r['id'])}  {r['title']['zh']}", style="bold"), hanging=len(r["id"]) + 2)
    types = "every document type" if r["doc_types"] == ["ALL"] else ", ".join(r["doc_types"])
    state = "enabled" if r["enabled"] else "disabled by the configuration"
    out.line(Text(f"{r['severity']} · {AUTOMATION.get(r['automation'], r['automation'])} ({r['automation']}) · "
                  f"{types} · {state}"), hanging=2)
    section = _Section(out)
    section("What it checks", ([f"The standard: {r['check']}"] if r["check"] else [])
            + ([f"A finding reads: {r['message']['en']}"] if r["message"] else [])
            or [r["title"]["en"] + "."])
    if r["automation"] == "J":
        section.extra("A judgement rule: it reports info with “needs review” and never fails a run; its "
                      "severity cannot be changed.")
    section("Why", [r["rationale"] or "The standard gives no rationale for this rule."])
    if r["suggestion"]:
        section("How to fix it", [r["suggestion"]["en"], r["suggestion"]["zh"]])
    params = set_params(r)
    if r["pack"] is None:
        section("Where it comes from", ["pmo-check itself (the waiver machinery), not a rule pack."])
    else:
        kind = r["kind"]
        lines = [f"Kind {kind['name']} ({kind['file']}), pack {r['pack']['name']} "
                 f"({r['pack']['file']}{':' + str(r['pack']['line']) if r['pack']['line'] else ''})."]
        for p in params:
            lines.append(f"{p['name']} = {json.dumps(p['value'], ensure_ascii=False)}"
                         + (f"  ({p['description']})" if p["description"] else ""))
        others = len(r["params"]) - len(params)
        if others:
            lines.append(f"{others} more keep their defaults: `pmo-check rules --where {r['id']}` lists every "
                         f"parameter with its default.")
        section("Parameters", lines)
    if r["tailor"]:
        section("Tailor it, in a pmo-check.toml beside the documents (docs/configuration.md)", r["tailor"],
                verbatim=True)
    section("Waive it, with an audit trail, in pmo-check.toml", r["waive"]["config"], verbatim=True)
    section("…or for one paragraph, cell or register row, in a Word comment or an Excel cell note",
            [r["waive"]["directive"]], verbatim=True)
    section("…or leave it out of one run", [f"pmo-check check PATH {r['waive']['command_line']}"], verbatim=True)


class _Section:
    """A titled part of an explanation: its lines indented, prose wrapped, code kept as written."""

    def __init__(self, out: Any) -> None:
        self.out = out

    def __call__(self, title: str, lines: list[str], verbatim: bool = False) -> None:
        from rich.text import Text

        self.out.blank()
        self.out.line(Text(title, style="bold"), hanging=2)
        for line in lines:
            self.extra(line, verbatim)

    def extra(self, line: str, verbatim: bool = False) -> None:
        from rich.text import Text

        if verbatim:
            self.out.emit(Text("  " + line, style="cyan"))
        else:
            self.out.line(Text("  " + line), hanging=2)


def _where_text(r: dict[str, Any]) -> None:
    lines = [f"{r['id']}  {r['severity']}  {','.join(r['doc_types'])}  {r['title']['en']}"
             + ("" if r["enabled"] else "  (disabled)")]
    pack = r["pack"]
    if pack is None:
        lines.append("  pack    none: a finding of pmo-check itself")
    else:
        lines.append(f"  pack    {pack['file']}{_line(pack['line'])}  (pack {pack['name']})")
    kind = r["kind"]
    cls = f"  ({kind['class']})" if kind["class"] else ""
    lines.append(f"  kind    {kind['name']}: {kind['file']}{_line(kind['line'])}{cls}")
    if r["params"]:
        lines.append("  params  (effective value; the default when it differs)")
        width = max(len(p["name"]) for p in r["params"])
        for p in r["params"]:
            value = _value(p["value"])
            note = "" if p["value"] == p["default"] else \
                ("  [required]" if p.get("required") else f"  [default: {_value(p['default'])}]")
            lines.append(f"    {p['name']:<{width}}  {value}{note}")
    sys.stdout.write("\n".join(lines) + "\n")


def _line(line: int | None) -> str:
    return f":{line}" if line else ""


def _value(value: Any) -> str:
    return "none" if value is None else json.dumps(value, ensure_ascii=False)
