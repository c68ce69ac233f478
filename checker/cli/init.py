"""`pmo-check init [FOLDER]`: write a commented starter pmo-check.toml for a folder of documents.

The file sets what is given (profile, size, locale) and shows the rest commented out, with what each
setting does; files met in the folder that are not Word or Excel are counted and offered as
`exclude` globs. What is written is loaded as a configuration first: `init` never writes a file
that `check` would refuse.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from typing import Any

from checker.cli.common import command

DESCRIPTION = """\
Write a commented starter pmo-check.toml into FOLDER (default: the current
folder): profile, project size, locale, excluded files, and commented examples
of the check date, per-rule tailoring, waivers and score bands. Every
`pmo-check check` of documents in FOLDER or below it then uses it."""

EXAMPLES = (
    ("pmo-check init", "a starter pmo-check.toml in the current folder"),
    ("pmo-check init projects/apollo --profile prince2 --size large", "with a profile and a project size"),
    ("pmo-check init . --locale zh-CN --force", "Chinese date order (03/04 is 3 April); overwrite the file"),
)


def add_parser(sub: Any) -> None:
    from checker.config.settings import PROFILES, SIZES

    init = command(sub, "init", "write a commented starter pmo-check.toml", DESCRIPTION, EXAMPLES,
                   (("0", "the file was written"), ("2", "bad options, or the file exists (use --force)")))
    init.add_argument("folder", nargs="?", default=".", metavar="FOLDER",
                      help="the folder of the documents (default: the current folder)")
    init.add_argument("--profile", choices=PROFILES,
                      help="the standard's profile: which document types and sections apply (default: all)")
    init.add_argument("--size", choices=SIZES, default="medium", help="project size (default: medium)")
    init.add_argument("--locale", metavar="LOCALE",
                      help="how numeric dates read: en-US month first, zh-CN or en-GB day first")
    init.add_argument("--force", action="store_true", help="overwrite an existing pmo-check.toml")


def run(args: argparse.Namespace) -> int:
    from checker.config.settings import ConfigError, parse
    from checker.io.paths import CONFIG_NAME

    if not os.path.isdir(args.folder):
        sys.stderr.write(f"pmo-check: error: {args.folder} is not a folder\n")
        return 2
    target = os.path.join(args.folder, CONFIG_NAME)
    if os.path.exists(target) and not args.force:
        sys.stderr.write(f"pmo-check: error: {target} exists; give --force to overwrite it\n")
        return 2
    text = starter(args.profile, args.size, args.locale, _others(args.folder))
    import tomllib

    try:
        parse(tomllib.loads(text), target, os.path.abspath(args.folder))
    except (ConfigError, tomllib.TOMLDecodeError) as exc:  # a bad --locale: say so, write nothing
        sys.stderr.write(f"pmo-check: error: {exc}\n")
        return 2
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(text)
    sys.stdout.write(f"wrote {target}\nnext: pmo-check check {args.folder}\n")
    return 0


def _others(folder: str) -> Counter[str]:
    """Extensions of the files a check of `folder` would skip (not Word or Excel), with their counts."""
    from checker.io.paths import CONFIG_NAME, expand

    return Counter(os.path.splitext(item.path)[1].lower() or "(none)" for item in expand([folder])
                   if item.skipped and os.path.basename(item.path) != CONFIG_NAME)


def starter(profile: str | None, size: str, locale: str | None, others: Counter[str]) -> str:
    """The text of a starter pmo-check.toml."""
    lines = [
        "# pmo-check.toml: how pmo-check checks the documents in this folder and below it.",
        "# Every setting is explained in docs/configuration.md; `pmo-check rules` lists the rules.",
        "",
        "[check]",
        "# The standard's profile: which document types and sections apply. pmbok | prince2 | cn_pmo",
        "# (not set: every document type of the standard).",
        f'profile = "{profile}"' if profile else '# profile = "pmbok"',
        "# Project size: small | medium | large. Some thresholds and required documents depend on it.",
        f'size = "{size}"',
        "# How numeric dates such as 03/04/2026 read: en-US month first; zh-CN, en-GB day first.",
        f"locale = {json.dumps(locale, ensure_ascii=False)}" if locale else '# locale = "zh-CN"',
    ]
    globs = sorted(f"*{ext}" for ext in others if ext != "(none)")
    if others:
        found = ", ".join(f"{n} {ext}" for ext, n in sorted(others.items(), key=lambda x: (-x[1], x[0])))
        lines += ["# Files that are not Word or Excel are listed as skipped and never fail a run. Found here:",
                  f"# {found} files. Exclude them (globs relative to this folder) to keep reports short:"]
    else:
        lines.append("# Files and folders not to check (globs relative to this folder), e.g. drafts and archives:")
    lines.append(f"exclude = [{', '.join(repr(g).replace(chr(39), chr(34)) for g in globs)}]" if globs
                 else '# exclude = ["drafts/*", "archive/*"]')
    lines += [
        "# The check date that ages and deadlines are measured against (default: today). Set it for",
        "# repeatable runs, e.g. a report as of a gate review; `pmo-check check --as-of` overrides it.",
        "# as_of = 2026-11-25",
        "",
        "# Per-rule tailoring: severity, on/off and parameters; the key may be a glob (\"RR-*\").",
        "# `pmo-check rules RR-16` shows a rule's parameters and the lines to change them.",
        '# [rules."RR-16"]',
        '# severity = "minor"',
        "# params = { days = 45, high_days = 21 }",
        "",
        "# A waiver, with its audit trail: findings it covers stay in the report, marked, and do not count.",
        "# [[suppress]]",
        '# rule = "RR-16"',
        '# path = "registers/*.xlsx"',
        '# reason = "Register frozen during the migration"',
        "# expires = 2027-01-31",
        '# approved_by = "Head of PMO"',
        "",
        "# Score bands of the reports (docs/scoring.md).",
        "# [score]",
        "# green = 80",
        "# amber = 60",
    ]
    return "\n".join(lines) + "\n"
