"""The gate report as text (`pmo-check gate G2 PATH...`): per project its decision, what is missing,
the failed criteria with their evidence and the conditions, in the project's language; coloured on a
terminal, plain when piped."""
from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

from checker.report import gate
from checker.report.formats import Render
from checker.report.labels import labels
from checker.report.text import SEVERITY_STYLE

DECISION_STYLE = {"ready": "bold green", "conditional": "bold yellow", "not-ready": "bold red"}


def write(report: dict[str, Any], stream: TextIO, render: Render) -> None:
    color = render.color
    console = Console(file=stream, force_terminal=color, no_color=color is False, highlight=False,
                      soft_wrap=True, width=120 if color is None and not stream.isatty() else None)
    items = gate.projects(report)
    if not items:
        console.print(labels("en")["no_projects"])
        return
    for p in items:
        L = p["L"]
        style = DECISION_STYLE[p["decision"]]
        title = f"{p['key']}" + (f"  {p['name']}" if p.get("name") and p["name"] != p["key"] else "")
        console.print(f"[bold]{escape(title)}[/bold]  {p['gate']} {escape(p['gate_name'])}  "
                      f"[{style}]{L[p['decision']].upper()}[/{style}]")
        console.print(f"  {L['documents']}: {len(p['documents']) - len(p['superseded'])}"
                      + (f" (+{len(p['superseded'])} {L['superseded']})" if p["superseded"] else ""))
        if p["missing"]:
            console.print(f"  {L['missing_documents']}: "
                          + ", ".join(f"{m['type']} ({escape(m['name'])})" for m in p["missing"]))
        for f in p["failed"]:
            sev = SEVERITY_STYLE.get(f["severity"], "")
            console.print(f"  [{sev}]{L[f['severity']]:<7}[/{sev}] {f['rule']:<8} {escape(f['message'])}")
            for e in f["evidence"][:6]:
                console.print(f"  {'':<7} {'':<8} [dim]{escape(e['path'])} {escape(e['where'])} {escape(str(e['value']))}[/dim]")
        if p["conditions"]:
            console.print(f"  {L['conditions']}: {', '.join(p['conditions'])}")
        if p["not_assessed"]:
            console.print(f"  [dim]{L['not_assessed']}: {', '.join(p['not_assessed'])}[/dim]")
        console.print()
    counts = gate.counts(items)
    console.print(f"{len(items)} projects: {counts['ready']} ready, {counts['conditional']} conditional, "
                  f"{counts['not-ready']} not ready")
