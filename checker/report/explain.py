"""The text of `pmo-check explain`: what was recognised, in the order a reviewer asks about it."""
from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape


def where(location: dict[str, Any] | None) -> str:
    """A location as a person finds it in Word or Excel (1-based)."""
    if not location:
        return "—"
    if "sheet" in location:
        return f"{location['sheet']}!{location.get('cell', '')}"
    part = f"{location['part']} " if location.get("part") not in (None, "body") else ""
    if "table" in location:
        return (f"{part}table {location['table'] + 1}, row {location.get('row', 0) + 1}, "
                f"column {location.get('col', 0) + 1}")
    if "paragraph" in location:
        return f"{part}paragraph {location['paragraph'] + 1}"
    return part.strip() or "—"


def write(explanation: dict[str, Any], stream: TextIO, *, color: bool | None = None) -> None:
    console = Console(file=stream, force_terminal=color, no_color=color is False, highlight=False, soft_wrap=True)
    out = console.print
    out(f"[bold]{escape(explanation['path'])}[/bold]")
    if explanation.get("error"):
        out(f"  [red]error[/red] {explanation['error']['code']}: {escape(explanation['error']['message'])}")
        return
    t = explanation["type"]
    said = t["doc_type"] + (" (needs review: no type is sure enough)" if t["needs_review"] else "")
    out(f"\n[bold]Type[/bold]  {said}  confidence {t['confidence']:.2f}; best {t['best']} "
        f"{t['probability']:.2f}" + (f"; runner-up {t['runner_up']['doc_type']} {t['runner_up']['probability']:.2f}"
                                     if t.get("runner_up") else ""))
    for e in t["evidence"][:8]:
        out(f"  {e['feature']:<18} {e['value']:.2f}  {escape(e['source'])}")
    d = explanation["document"]
    out(f"\n[bold]Document[/bold]  {d['nature']}, {d['state']} ({escape(d['reason'])}); language "
        f"{explanation['language']}, messages in {explanation['message_language']}")
    out("\n[bold]Elements of the type[/bold]")
    for e in explanation["elements"]:
        name = f"{e['key']}{' *' if e['required'] else ''}"
        if "found" in e:
            f = e["found"]
            how = "by content" if f["as"] == "content" else f"as {f['as']}"  # a cue in the text, no label
            out(f"  [green]found[/green]     {name:<28} {how} “{escape(f['label'])}” at {where(f['location'])}")
        else:
            closest = "; ".join(f"“{escape(c['label'])}” ({c['score']}) at {where(c['location'])}" for c in e["closest"])
            out(f"  [yellow]not found[/yellow] {name:<28} " + (f"closest: {closest}" if closest else "no similar label"))
    for r in explanation["registers"]:
        out(f"\n[bold]Register[/bold]  {r['doc_type']}, header at {where(r['header'])}, {r['rows']} rows")
        for key, label in r["columns"].items():
            out(f"  {key:<24} “{escape(label)}”")
        if r["unmapped"]:
            out("  not mapped: " + ", ".join(f"“{escape(u)}”" for u in r["unmapped"]))
    out("\n[bold]Document control[/bold]")
    for key, places in explanation["doc_control"].items():
        for p in places:
            out(f"  {key:<14} “{escape(p['label'])}” = “{escape(p['value'])}” at {where(p['location'])}")
    if explanation.get("project"):
        out("\n[bold]Project facts[/bold]")
        for key, value in explanation["project"].items():
            out(f"  {key:<8} {escape(str(value))}")
