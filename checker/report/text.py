"""The human-readable report: findings grouped by file, coloured on a terminal, plain when piped."""
from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

SEVERITY_STYLE = {"blocker": "bold red", "major": "red", "minor": "yellow", "info": "cyan"}


def _where(location: dict[str, Any] | None) -> str:
    if not location:
        return ""
    if "sheet" in location:
        return f"{location['sheet']}!{location.get('cell', '')}".rstrip("!")
    parts = []
    if location.get("part") and location["part"] != "body":
        parts.append(location["part"])
    if "table" in location:
        parts.append(f"table {location['table'] + 1} row {location.get('row', 0) + 1} col {location.get('col', 0) + 1}")
    elif "paragraph" in location:
        parts.append(f"¶{location['paragraph']}")
    return " ".join(parts)


def write_text(report: dict[str, Any], stream: TextIO, *, color: bool | None = None) -> None:
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
        console.print(f"{header}  {meta}  {doc.get('language', '')}  score {doc['score']}")
        for f in doc["findings"]:
            style = SEVERITY_STYLE.get(f["severity"], "")
            where = _where(f.get("location"))
            tag = " [dim](suppressed)[/dim]" if f.get("suppressed") else ""
            review = " [dim](needs review)[/dim]" if f.get("needs_review") else ""
            console.print(f"  [{style}]{f['severity']:<7}[/{style}] {f['rule']:<8} "
                          f"{escape(where):<28} {escape(f['message'])}{tag}{review}")
            if f.get("suggestion"):
                console.print(f"  {'':<7} {'':<8} {'':<28} [dim]→ {escape(f['suggestion'])}[/dim]")
        if not doc["findings"]:
            console.print("  [green]no findings[/green]")
        console.print()
    s = report["summary"]
    counts = s["findings"]
    console.print(f"{s['documents']} documents, {s.get('errors', 0)} unreadable; "
                  f"findings: {counts['blocker']} blocker, {counts['major']} major, "
                  f"{counts['minor']} minor, {counts['info']} info")
