"""Typed rule parameters and the kind registry: a bad parameter, an unknown key or an unknown kind is a
configuration error that names the file (the layer that introduced it), the rule and the key — checked
with real pmo-check.toml files, organisation packs and pack files, through the CLI as a user runs it."""
from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import checker
from checker.config import packs
from checker.core.errors import PackError
from checker.core.findings import SEVERITIES
from checker.kinds import Kind, registry
from checker.kinds.params import Severity
from tests.support.clean_docs import make_docx
from tests.support.cli import ROOT, run_cli

KINDS_DIR = ROOT / "checker" / "kinds"
NOT_KIND_MODULES = {"__init__", "base", "spec", "params", "registry", "prose_base", "register_base", "nlp_base"}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(tmp_path: Path, toml: str, *files: tuple[str, str]) -> str:
    """Check a real document under `toml` (and files beside it): exit 2, no report; the message."""
    for name, text in files:
        write(tmp_path / name, text)
    conf = write(tmp_path / "pmo-check.toml", toml)
    doc = make_docx(tmp_path / "charter.docx")
    result = run_cli("check", str(doc), "--format", "json", "--config", str(conf))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""  # no report
    assert result.stderr.startswith("pmo-check: configuration error: ") and "Traceback" not in result.stderr
    return result.stderr


# --------------------------------------------------------------------------- the registry


def test_registry_table_lists_every_kind_module_and_only_them():
    modules = {p.stem for p in KINDS_DIR.glob("*.py")} - NOT_KIND_MODULES
    defined: dict[str, str] = {}  # kind name -> "module:Class", from the modules themselves
    for module in sorted(modules):
        mod = importlib.import_module(f"checker.kinds.{module}")
        for obj in vars(mod).values():
            if inspect.isclass(obj) and issubclass(obj, Kind) and obj.name and obj.__module__ == mod.__name__:
                defined[obj.name] = f"{module}:{obj.__name__}"
    assert defined == registry.KINDS
    assert {target.partition(":")[0] for target in registry.KINDS.values()} == modules
    for name in registry.KINDS:
        assert registry.kind(name).name == name
    assert registry.kind("no_such_kind") is None


# Kinds that run the method `_<check>`: every value their `check` Literal allows names one.
DISPATCHING = ("figures", "report_table", "schedule", "schedule_logic")


def test_each_kind_declares_its_parameters_and_dispatch_strings_name_methods():
    for name in registry.KINDS:
        params = registry.kind(name).Params
        assert params.model_config["extra"] == "forbid", name
        check = params.model_fields.get("check")
        assert check is None or typing.get_args(check.annotation), f"{name}: `check` is not a Literal"
    for name in DISPATCHING:
        kind = registry.kind(name)
        values = typing.get_args(kind.Params.model_fields["check"].annotation)
        assert all(callable(getattr(kind, f"_{v}", None)) for v in values), name


def test_severity_type_is_the_severities():
    assert typing.get_args(Severity) == SEVERITIES


def test_every_built_in_rule_and_profile_param_validates():
    specs = packs.builtin_specs()  # loading validates each rule's params against its kind
    assert len(specs) > 100
    assert {s.kind for s in specs} <= set(registry.KINDS)


# --------------------------------------------------------------------------- pmo-check.toml


def test_bad_check_value_is_a_configuration_error_naming_file_rule_and_key(tmp_path):
    # SR-07 is a `figures` rule: its `check` picks the arithmetic (evm, funding, …).
    message = config_error(tmp_path, '[rules."SR-07"]\nparams = { check = "evn" }\n')
    assert "pmo-check.toml: [rules.\"SR-07\"] params.check: 'evn' is not one of 'evm', 'funding'" in message


def test_unknown_key_names_the_key_and_the_known_ones(tmp_path):
    message = config_error(tmp_path, '[rules."RR-16"]\nparams = { dayz = 45 }\n')
    assert "pmo-check.toml: [rules.\"RR-16\"] params.dayz: unknown key (known: aged," in message
    assert "stale" in message


def test_wrong_type_names_where_the_value_landed(tmp_path):
    # `days` is RR-16's shorthand for `stale.days`
    message = config_error(tmp_path, '[rules."RR-16"]\nparams = { days = "soon" }\n')
    assert "[rules.\"RR-16\"] params.stale.days: 'soon': input should be a valid integer" in message


def test_bad_regular_expression_and_unknown_row_condition(tmp_path):
    message = config_error(tmp_path, '[rules."PMP-09"]\nparams = { or_text = "(quality" }\n')
    assert "[rules.\"PMP-09\"] params.or_text: '(quality': not a valid regular expression" in message
    message = config_error(tmp_path, '[rules."RR-16"]\nparams = { when = { state = "open" } }\n')
    assert "params.when.state: unknown key (known: category_not, disposition," in message


def test_glob_names_the_rule_it_broke(tmp_path):
    message = config_error(tmp_path, '[rules."RR-*"]\nparams = { tolerance = 0.1 }\n')
    assert "[rules.\"RR-*\"] (rule RR-01) params.tolerance: unknown key" in message


def test_valid_tailoring_still_applies(tmp_path):
    conf = write(tmp_path / "pmo-check.toml", '[rules."RR-16"]\nparams = { days = 45, high_days = 21 }\n'
                                            '[rules."SR-07"]\nparams = { check = "evm", ratio_tolerance = 0.02 }\n')
    result = run_cli("rules", "--config", str(conf))
    assert result.returncode == 0 and result.stderr == ""


def test_api_raises_config_error_for_a_dict_config(tmp_path):
    doc = make_docx(tmp_path / "charter.docx")
    with pytest.raises(checker.ConfigError, match=r"configuration: \[rules.\"COM-02\"\] params.escalate_to: "
                                                   r"'fatal' is not one of 'blocker'"):
        checker.check([str(doc)], config={"rules": {"COM-02": {"params": {"escalate_to": "fatal"}}}})


# --------------------------------------------------------------------------- organisation packs and packs


def test_org_pack_with_an_unknown_kind(tmp_path):
    pack = "rules:\n  - {id: ACME-01, kind: required_section, severity: minor, title: x, message: y}\n"
    message = config_error(tmp_path, '[check]\npacks = ["acme.yaml"]\n', ("acme.yaml", pack))
    assert "acme.yaml: rule ACME-01: unknown kind 'required_section' (kinds: approval_links," in message


def test_org_pack_rule_with_a_bad_param(tmp_path):
    pack = ("rules:\n  - {id: ACME-01, kind: required_sections, severity: minor, title: x, message: y,\n"
            "     params: {keys: [exit_criteria], mode: absent}}\n")
    message = config_error(tmp_path, '[check]\npacks = ["acme.yaml"]\n', ("acme.yaml", pack))
    assert "acme.yaml: rule ACME-01 params.mode: 'absent' is not one of 'missing', 'empty'" in message


def test_each_layer_names_itself(tmp_path):
    """An override in an organisation pack, its size tailoring, and its profile tailoring: the message
    names the pack and the entry, not the pmo-check.toml or profiles.yaml."""
    toml = '[check]\npacks = ["acme.yaml"]\nsize = "large"\n'
    message = config_error(tmp_path, toml, ("acme.yaml", "overrides:\n  RR-16: {params: {stale: {days: -1}}}\n"))
    assert "acme.yaml: overrides.RR-16 params.stale.days: -1: input should be greater than or equal to 0" in message
    message = config_error(tmp_path, toml, ("acme.yaml", "sizes:\n  large:\n    kinds:\n      required_sections: "
                                                         "{optional_severity: fatal}\n"))
    assert "acme.yaml: sizes.large.kinds.required_sections (rule " in message
    assert "params.optional_severity: 'fatal' is not one of" in message
    message = config_error(tmp_path, toml, ("acme.yaml", "sizes:\n  large:\n    params:\n      RR-22: "
                                                         "{sizes: {huge: 12}}\n"))
    assert "acme.yaml: sizes.large.params.RR-22 params.sizes.huge: key 'huge' is not one of 'small'" in message
    message = config_error(tmp_path, toml, ("acme.yaml", "overrides:\n  COM-06: {synonyms: {approval: {en: [OK]}}}\n"))
    assert "acme.yaml: overrides.COM-06.synonyms params.synonyms: unknown key" in message  # approvals takes no params


def test_kind_wide_params_name_real_kinds_and_only_sizes_have_them(tmp_path):
    toml = '[check]\npacks = ["acme.yaml"]\n'
    message = config_error(tmp_path, toml, ("acme.yaml", "sizes:\n  large:\n    kinds:\n      row_date: {fold_register: 5}\n"))
    assert "acme.yaml: sizes.large.kinds: unknown kind 'row_date' (kinds: approval_links," in message
    message = config_error(tmp_path, toml, ("acme.yaml", "profiles:\n  pmbok:\n    kinds:\n      row_dates: {}\n"))
    assert "acme.yaml: profiles.pmbok: unknown key 'kinds'" in message


def test_a_later_layer_may_repair_an_earlier_one(tmp_path):
    """Only the effective params must be valid: pmo-check.toml may fix what an organisation pack broke."""
    write(tmp_path / "acme.yaml", "overrides:\n  RR-16: {params: {stale: {days: -1}}}\n")
    conf = write(tmp_path / "pmo-check.toml", '[check]\npacks = ["acme.yaml"]\n[rules."RR-16"]\n'
                                            'params = { days = 30 }\n')
    assert run_cli("rules", "--config", str(conf)).returncode == 0


def test_pack_file_with_a_bad_param_or_kind(tmp_path):
    """A pack in the built-in format (rules/*.yaml) written here: the error names file, rule and key."""
    rule = ("pack: extra\napplies_to: [RISK_REGISTER]\nrules:\n"
            "  - id: RR-90\n    kind: {kind}\n    severity: major\n    title: t\n    message: m\n"
            "    params: {{column: risk_id, min_rows: {value}}}\n")
    write(tmp_path / "extra.yaml", rule.format(kind="unique", value=5))
    with pytest.raises(PackError, match=r"extra.yaml: rule RR-90 params.min_rows: unknown key \(known: "):
        packs.load_pack(tmp_path / "extra.yaml")
    write(tmp_path / "extra.yaml", rule.format(kind="date_spread", value="'five'"))
    with pytest.raises(PackError, match=r"extra.yaml: rule RR-90 params.min_rows: 'five': input should be"):
        packs.load_pack(tmp_path / "extra.yaml")
    write(tmp_path / "extra.yaml", rule.format(kind="date_sprawl", value=5))
    with pytest.raises(PackError, match=r"extra.yaml: rule RR-90: unknown kind 'date_sprawl'"):
        packs.load_pack(tmp_path / "extra.yaml")
    write(tmp_path / "extra.yaml", rule.format(kind="date_spread", value=5))
    spec, = packs.load_pack(tmp_path / "extra.yaml")
    assert spec.params == {"column": "risk_id", "min_rows": 5} and spec.source == str(tmp_path / "extra.yaml")


# --------------------------------------------------------------------------- plug-in kinds

PLUGIN = '''
from pydantic import Field

from checker.kinds import Kind, KindParams


class WordCount(Kind):
    """A document longer than `max_words` words."""

    name = "word_count"

    class Params(KindParams):
        max_words: int = Field(1000, ge=1)

    def scans(self, ctx):
        if self.params.max_words == 7:
            raise RuntimeError("a faulty plug-in")
        return ()

    def check(self, ctx):
        words = sum(len(b.text.split()) for b in ctx.doc.blocks)
        if words > self.params.max_words:
            yield self.finding(ctx, None, count=words, max=self.params.max_words)
'''
PLUGIN_PACK = '''
rules:
  - id: ACME-01
    kind: word_count
    severity: minor
    title: {{en: Short enough, zh: 篇幅适当}}
    message: {{en: "{{count}} words, more than {{max}}.", zh: "共{{count}}字，超过{{max}}。"}}
    params: {{max_words: {max_words}}}
'''


def test_plugin_kind_from_an_entry_point(tmp_path):
    """A kind installed by another distribution (its entry point in a dist-info on the path) is used by an
    organisation pack like a built-in one, and its params are validated the same way."""
    site = tmp_path / "site"
    write(site / "acme_kinds.py", PLUGIN)
    write(site / "acme_kinds-1.0.dist-info" / "METADATA", "Metadata-Version: 2.1\nName: acme-kinds\nVersion: 1.0\n")
    write(site / "acme_kinds-1.0.dist-info" / "entry_points.txt", "[pmo_check.kinds]\nword_count = acme_kinds:WordCount\n")
    conf = write(tmp_path / "docs" / "pmo-check.toml", '[check]\npacks = ["acme.yaml"]\n')
    doc = make_docx(tmp_path / "docs" / "charter.docx")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}

    def run(max_words: object) -> subprocess.CompletedProcess:
        write(tmp_path / "docs" / "acme.yaml", PLUGIN_PACK.format(max_words=max_words))
        return subprocess.run([sys.executable, "-m", "checker.cli", "check", str(doc), "--format", "json",
                               "--config", str(conf)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)

    def findings(result: subprocess.CompletedProcess) -> tuple[list[dict], list[tuple[str, str]]]:
        every = [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
        return [f for f in every if f["rule"] == "ACME-01"], sorted((f["rule"], f["message"]) for f in every)

    found, every = findings(run(5))
    assert len(found) == 1 and "more than 5" in found[0]["message"]
    # A kind whose `scans` fails loses nothing: its check and the other rules run as before.
    found, every_faulty = findings(run(7))
    assert len(found) == 1 and "more than 7" in found[0]["message"]
    assert [f for f in every_faulty if f[0] != "ACME-01"] == [f for f in every if f[0] != "ACME-01"]
    result = run("'many'")
    assert result.returncode == 2 and result.stdout == ""
    assert "acme.yaml: rule ACME-01 params.max_words: 'many': input should be a valid integer" in result.stderr


# --------------------------------------------------------------------------- rules --where


def test_rules_where_traces_a_rule_to_its_pack_line_kind_module_and_params(tmp_path):
    pack = (ROOT / "rules" / "risk_register.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(pack, start=1) if text.strip() == "- id: RR-16")
    result = run_cli("rules", "--where", "RR-16")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert f"pack    rules/risk_register.yaml:{line}  (pack risk_register)" in text
    assert "kind    row_dates: checker/kinds/row_dates.py:" in text and "(RowDates)" in text
    assert 'stale          {"column": "last_reviewed", "days": 30, "high_days": 14}  [default: none]' in text
    assert 'high_levels    ["High", "Critical"]\n' in text  # the default, not repeated

    conf = write(tmp_path / "pmo-check.toml", '[rules."RR-16"]\nparams = { days = 45 }\n')
    trace = json.loads(run_cli("rules", "--where", "rr-16", "--format", "json", "--config", str(conf)).stdout)
    assert trace["pack"] == {"name": "risk_register", "file": "rules/risk_register.yaml", "line": line}
    assert trace["kind"]["module"] == "checker.kinds.row_dates" and trace["kind"]["class"] == "RowDates"
    kind_source = (ROOT / trace["kind"]["file"]).read_text(encoding="utf-8").splitlines()
    assert kind_source[trace["kind"]["line"] - 1].startswith("class RowDates(")
    params = {p["name"]: p for p in trace["params"]}
    assert params["stale"]["value"] == {"column": "last_reviewed", "days": 45, "high_days": 14}
    assert params["fold_register"]["value"] is None and params["fold_register"]["default"] is None
    assert params["high_levels"]["default"] == ["High", "Critical"] and params["high_levels"]["type"] == "list of text"


def test_rules_where_for_an_organisation_rule_a_glob_and_an_unknown_id(tmp_path):
    write(tmp_path / "acme.yaml", "pack: acme\nrules:\n  - id: ACME-01\n    kind: required_sections\n    severity: major\n"
                                  "    title: t\n    message: m\n    params: {keys: [exit_criteria]}\n")
    conf = write(tmp_path / "pmo-check.toml", '[check]\npacks = ["acme.yaml"]\n')
    trace = json.loads(run_cli("rules", "--where", "ACME-01", "--format", "json", "--config", str(conf)).stdout)
    assert trace["pack"] == {"name": "acme", "file": str(tmp_path / "acme.yaml"), "line": 3}
    assert {p["name"]: p["value"] for p in trace["params"]}["keys"] == ["exit_criteria"]
    traces = json.loads(run_cli("rules", "--where", "SCH-*", "--format", "json").stdout)
    assert len(traces) > 5 and all(t["id"].startswith("SCH-") for t in traces)
    result = run_cli("rules", "--where", "XX-99")
    assert result.returncode == 2 and result.stdout == "" and "no rule XX-99" in result.stderr
