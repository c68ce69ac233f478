"""The human-readable report: findings grouped by file, coloured on a terminal, plain when piped."""
from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

from checker.report.formats import Render
from checker.report.project_text import write_projects
from checker.report.where import where

SEVERITY_STYLE = {"blocker": "bold red", "major": "red", "minor": "yellow", "info": "cyan"}


def write(report: dict[str, Any], stream: TextIO, render: Render) -> None:
    color = render.color
    console = Console(file=stream, force_terminal=color, no_color=color is False, highlight=False,
                      soft_wrap=True, width=120 if color is None and not stream.isatty() else None)
    for doc in report["documents"]:
        header = f"[bold]{escape(doc['path'])}[/bold]"
        if doc.get("error"):
            console.print(f"{header}  [bold red]error[/bold red] {doc['error']['code']}: {escape(doc['error']['message'])}")
            console.print()
            continue
        conf = doc.get("doc_type_confidence")
        meta = f"{doc['doc_type']}" + (f" ({conf:.0%})" if conf is not None else "")
        score = "no score" if doc.get("score") is None else f"score {doc['score']} ({render.bands.of(doc['score'])})"
        console.print(f"{header}  {meta}  {doc.get('language', '')}  {score}")
        for f in doc["findings"]:
            style = SEVERITY_STYLE.get(f["severity"], "")
            where_ = where(f.get("location"))
            tag = " [dim](suppressed)[/dim]" if f.get("suppressed") else ""
            review = " [dim](needs review)[/dim]" if f.get("needs_review") else ""
            console.print(f"  [{style}]{f['severity']:<7}[/{style}] {f['rule']:<8} "
                          f"{escape(where_):<28} {escape(f['message'])}{tag}{review}")
            if f.get("suggestion"):
                console.print(f"  {'':<7} {'':<8} {'':<28} [dim]→ {escape(f['suggestion'])}[/dim]")
        if not doc["findings"]:
            console.print("  [green]no findings[/green]")
        console.print()
    write_projects(console, report)
    s = report["summary"]
    counts = s["findings"]
    console.print(f"{s['documents']} documents, {s.get('errors', 0)} unreadable; "
                  f"findings: {counts['blocker']} blocker, {counts['major']} major, "
                  f"{counts['minor']} minor, {counts['info']} info")
