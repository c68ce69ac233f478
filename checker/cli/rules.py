"""`pmo-check rules`: every rule of the effective configuration, as text or JSON; `--where ID` shows
where a rule comes from (pack file and line), the kind and module that run it, and its parameters
with their effective values and defaults."""
from __future__ import annotations

import argparse
import fnmatch
import inspect
import json
import os
import sys
from typing import Any

from checker.cli.common import FORMATS


def add_parser(sub: Any) -> None:
    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--doc-type", metavar="TYPE")
    rules.add_argument("--format", choices=FORMATS, default="text")
    rules.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml whose tailoring to show (default: the one in the current folder, if any)")
    rules.add_argument("--where", metavar="ID",
                       help="a rule id (or glob): its pack file and line, kind, module and parameters")


def run(args: argparse.Namespace) -> int:
    from checker.config import settings, tailoring
    from checker.report.rules import rule_rows

    source = args.config or settings.discover(os.getcwd())
    tailored = tailoring.build(settings.load_file(source)) if source else tailoring.default()
    if args.where:
        return _where(tailored, args.where, args.format)
    rows = rule_rows(tailored, args.doc_type)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            types = ",".join(r["doc_types"])
            off = " (disabled)" if r.get("enabled") is False else ""
            sys.stdout.write(f"{r['id']:<9} {r['severity']:<8} {types:<12.12} {r['title']['en']}{off}\n"
                             f"{'':<9} {'':<8} {'':<12} {r['title']['zh']}\n")
    return 0


def _where(tailored: Any, pattern: str, fmt: str) -> int:
    from checker.config import waivers

    pattern = pattern.upper()
    found = [_trace(s, on) for on, group in ((True, tailored.specs), (False, tailored.disabled))
             for s in group if fnmatch.fnmatchcase(s.id, pattern)]
    found += [_engine_rule(r) for r in waivers.RULES if fnmatch.fnmatchcase(r["id"], pattern)]
    if not found:
        sys.stderr.write(f"pmo-check: error: no rule {pattern} (`pmo-check rules` lists them)\n")
        return 2
    found.sort(key=lambda r: r["id"])
    if fmt == "json":
        sys.stdout.write(json.dumps(found if len(found) > 1 else found[0], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(_text(r) for r in found))
    return 0


def _trace(spec: Any, enabled: bool = True) -> dict[str, Any]:
    """Rule `spec` traced to its code: pack file and line, kind class and module, params."""
    from checker.config.packs import rule_line
    from checker.kinds import registry
    from checker.kinds.params import describe

    kind = registry.kind(spec.kind)
    effective = kind.Params.model_validate(spec.params).model_dump(mode="json", exclude_none=True)
    params = [{"name": p.name, "value": effective.get(p.name), "default": p.default, "type": p.type,
               **({"required": True} if p.required else {}), "description": p.description}
              for p in describe(kind.Params)]
    return {"id": spec.id, "severity": spec.severity, "enabled": enabled,
            "doc_types": list(spec.applies_to) if spec.applies_to else ["ALL"],
            "title": {"en": spec.title.en, "zh": spec.title.zh},
            "pack": {"name": spec.pack, "file": _shown(spec.source), "line": rule_line(spec.source, spec.id)},
            "kind": {"name": spec.kind, "module": kind.__module__, "class": kind.__qualname__,
                     "file": _shown(inspect.getsourcefile(kind) or ""), "line": inspect.getsourcelines(kind)[1]},
            "params": params}


def _engine_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """SUP-01/SUP-02: findings of the waiver machinery itself, not of a pack."""
    from checker.config import waivers

    return {"id": rule["id"], "severity": rule["severity"], "enabled": True, "doc_types": ["ALL"],
            "title": dict(rule["title"]), "pack": None,
            "kind": {"name": rule["kind"], "module": waivers.__name__, "class": None,
                     "file": _shown(waivers.__file__ or ""), "line": None},
            "params": []}


def _text(r: dict[str, Any]) -> str:
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
            value = _json(p["value"])
            note = "" if p["value"] == p["default"] else \
                ("  [required]" if p.get("required") else f"  [default: {_json(p['default'])}]")
            lines.append(f"    {p['name']:<{width}}  {value}{note}")
    return "\n".join(lines) + "\n"


def _line(line: int | None) -> str:
    return f":{line}" if line else ""


def _json(value: Any) -> str:
    return "none" if value is None else json.dumps(value, ensure_ascii=False)


def _shown(path: str) -> str:
    """A path relative to the current folder when it is inside it (as a user would open it)."""
    if not path:
        return ""
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else os.path.abspath(path)
