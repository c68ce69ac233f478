"""The projects' cross-document findings in the text report, after the documents: each project that
has one, its findings and, under each, the evidence from every side."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

from checker.report.where import where

SEVERITY_STYLE = {"blocker": "bold red", "major": "red", "minor": "yellow", "info": "cyan"}


def write_projects(console: Console, report: dict[str, Any]) -> None:
    by_path = {d["path"]: d for d in report.get("documents") or []}
    for project in report.get("projects") or []:
        findings = project.get("findings") or []
        if not findings:
            continue
        name = f"  {project['name']}" if project.get("name") and project["name"] != project["key"] else ""
        console.print(f"[bold]project {escape(project['key'])}[/bold]{escape(name)}  "
                      f"{len(project['documents'])} documents")
        for f in findings:
            style = SEVERITY_STYLE.get(f["severity"], "")
            tag = " [dim](suppressed)[/dim]" if f.get("suppressed") else ""
            console.print(f"  [{style}]{f['severity']:<7}[/{style}] {f['rule']:<8} {escape(f['message'])}{tag}")
            for e in f.get("evidence") or []:
                lang = (by_path.get(e.get("path", "")) or {}).get("language") or "en"
                console.print(f"  {'':<7} {'':<8} [dim]{escape(e.get('path', ''))} {escape(where(e.get('location'), lang))} "
                              f"{escape(str(e.get('value', '')))}[/dim]")
        console.print()
