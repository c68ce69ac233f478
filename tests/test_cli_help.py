"""Every command's --help says everything, fits 80 columns, and agrees with the README and docs/ (issue #10).

The documentation of a command is what README.md and docs/*.md say under a heading naming
`pmo-check NAME`, and the synopsis lines of their code blocks that start with `pmo-check NAME`.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

import pytest

from checker.cli import COMMANDS, build_parser
from tests.support.cli import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]


def _help(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "checker.cli", *args, "--help"], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _documentation(name: str) -> tuple[str, list[str]]:
    """(prose of the sections about `pmo-check NAME`, its synopsis lines) from README.md and docs/."""
    sections, synopses = [], []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        parts = re.split(r"^(#{1,6} .*)$", text, flags=re.M)
        for heading, body in zip(parts[1::2], parts[2::2]):
            if re.search(rf"`pmo-check {name}\b", heading):
                sections.append(body)
        for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, re.S):
            lines = block.splitlines()
            for i, line in enumerate(lines):
                if line.startswith(f"pmo-check {name} ") or line == f"pmo-check {name}":
                    synopsis = [line]
                    synopsis += [more for more in lines[i + 1:] if more.startswith(" " * 8)][:4]
                    synopses.append(" ".join(synopsis))
    return "\n".join(sections), synopses


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_in_the_help_and_in_the_documentation(name):
    parser = _subparsers()[name]
    text = _help(name)
    prose, synopses = _documentation(name)
    assert prose or synopses, f"pmo-check {name} is documented nowhere (README.md or docs/*.md)"
    documented = prose + "\n" + "\n".join(synopses)
    for action in _options(parser):
        assert action.help and action.help != argparse.SUPPRESS, f"{name} {action.dest}: no help text"
        names = action.option_strings or [action.metavar or action.dest]
        for option in names:
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text), f"{option} not in `{name} --help`"
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", documented), \
                f"`pmo-check {name}` option {option} is not documented in README.md or docs/"


@pytest.mark.parametrize("name", COMMANDS)
def test_synopses_name_only_options_the_command_has(name):
    known = {s for a in _subparsers()[name]._actions for s in a.option_strings}
    for synopsis in _documentation(name)[1]:
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", synopsis):
            assert option in known, f"the documentation's `{synopsis}` names {option}, which `{name}` lacks"


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_has_examples_and_exit_statuses_and_fits_80_columns(name):
    text = _help(*([name] if name else []))
    assert "examples:\n  pmo-check" in text and "\nexit status:\n  0  " in text
    assert re.search(r"^  2  ", text, re.M), "exit status 2 (usage) is listed"
    too_wide = [line for line in text.splitlines() if len(line) > 80]
    assert not too_wide, too_wide


def test_the_check_command_help_states_the_folder_rules_and_streams():
    text = " ".join(_help("check").split())
    for words in ("hidden files and folders", "lock files (~$name.docx)", "[check] exclude", "listed as skipped",
                  "standard error", "--fail-on"):
        assert words in text, words


def test_usage_errors_say_what_is_allowed(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=60)

    workers = run("check", str(tmp_path), "--workers", "-1")
    assert workers.returncode == 2 and workers.stdout == ""
    assert "'-1' is not a number of worker processes: give 1 or more, or 0" in workers.stderr
    assert "invalid" not in workers.stderr
    as_of = run("check", str(tmp_path), "--as-of", "25/11/2026")
    assert as_of.returncode == 2 and "write it as YYYY-MM-DD" in as_of.stderr
    select = run("check", str(tmp_path), "--select", "COM-99,RR-*")
    assert select.returncode == 2 and "no rule matches COM-99" in select.stderr and "RR-*" not in select.stderr
    doc_type = run("rules", "--doc-type", "CHARTR")
    assert doc_type.returncode == 2 and doc_type.stdout == ""
    assert "CHARTER" in doc_type.stderr and "RISK_REGISTER" in doc_type.stderr  # the valid types are listed
    rule = run("rules", "XX-01")
    assert rule.returncode == 2 and "no rule XX-01" in rule.stderr


def test_rules_reference_links_nothing_outside_the_repository():
    """docs/rules.md is self-contained: every link and every repository path it names is in the repository."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    anchors = {re.sub(r"[^a-z0-9_ -]", "", h.lower()).strip().replace(" ", "-")
               for h in re.findall(r"^#+ (.*)$", text, re.M)}
    for target in re.findall(r"\]\(([^)]+)\)", text):
        if target.startswith("#"):
            assert target[1:] in anchors, target
            continue
        assert not re.match(r"[a-z]+:", target) and not target.startswith("/"), f"link out of the repository: {target}"
        resolved = (ROOT / "docs" / target.split("#", 1)[0]).resolve()
        assert resolved.is_relative_to(ROOT) and resolved.exists(), target
    for path in set(re.findall(r"`((?:docs|rules|checker|features|tests|sample_docs)/[^`*{}\s]*)`", text)):
        assert (ROOT / path.rstrip("/")).exists(), f"docs/rules.md names {path}, which is not in the repository"
    assert "pmo-standard.md" not in text and "../" not in text
