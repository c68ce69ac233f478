"""pmo-check.toml, organisation packs, profiles and sizes: real TOML files and documents built in code."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

import checker
from checker.config import settings as cfg
from checker.config import tailoring
from checker.core.options import Options
from tests.support.clean_docs import make_docx
from tests.support.cli import run_cli
from tests.support.config_fixtures import ONLY_COM04, findings, risk_register, write

TODAY = date(2026, 11, 25)


# --------------------------------------------------------------------------- [rules]


def test_severity_override_changes_the_finding_and_the_exit_status(tmp_path):
    doc = make_docx(tmp_path / "docs" / "charter.docx", revisions=[])  # COM-04: major
    plain = write(tmp_path / "plain.toml", ONLY_COM04)
    minor = write(tmp_path / "minor.toml", ONLY_COM04 + 'severity = "minor"\n')

    result = run_cli("check", str(doc), "--format", "json", "--config", str(plain))
    assert [f["severity"] for f in findings(json.loads(result.stdout))] == ["major"]
    assert result.returncode == 1

    result = run_cli("check", str(doc), "--format", "json", "--config", str(minor))
    report = json.loads(result.stdout)
    assert [(f["rule"], f["severity"]) for f in findings(report)] == [("COM-04", "minor")]
    assert report["summary"]["findings"]["minor"] == 1 and report["summary"]["findings"]["major"] == 0
    assert result.returncode == 0


def test_disabled_rule_is_silent(tmp_path):
    doc = make_docx(tmp_path / "charter.docx", revisions=[], approvals=[("[Insert sponsor name]", "Sponsor", "", "")])
    assert findings(checker.check([str(doc)], config={"today": TODAY}), "COM-04")
    write(tmp_path / "pmo-check.toml", '[rules."COM-04"]\nenabled = false\n')  # discovered next to the document
    report = checker.check([str(doc)], config={"today": TODAY})
    assert not findings(report, "COM-04")
    assert findings(report, "COM-02")  # the other rules still run


def test_params_shorthand_reaches_the_nested_param(tmp_path):
    """`params = { days = 200 }` for RR-16 lands in its `stale: {days, high_days}` mapping."""
    reg = risk_register(tmp_path / "risks.xlsx")
    assert findings(checker.check([str(reg)], config={"today": TODAY}), "RR-16")
    report = checker.check([str(reg)], config={"today": TODAY, "rules": {"RR-16": {"params": {"days": 200}}}})
    assert not findings(report, "RR-16")
    spec = next(s for s in tailoring.build(cfg.load({"rules": {"RR-16": {"params": {"days": 45}}}})).specs
                if s.id == "RR-16")
    assert spec.params["stale"]["days"] == 45 and spec.params["stale"]["high_days"] == 14


def test_config_is_discovered_in_a_parent_folder_and_excludes_apply(tmp_path):
    write(tmp_path / "pmo-check.toml",
          '[check]\nexclude = ["drafts/*", "project/old/*"]\n[rules."COM-04"]\nenabled = false\n')
    make_docx(tmp_path / "drafts" / "draft.docx", revisions=[])
    make_docx(tmp_path / "project" / "old" / "old.docx", revisions=[])
    doc = make_docx(tmp_path / "project" / "a" / "charter.docx", revisions=[])
    report = checker.check([str(tmp_path / "project")], config={"today": TODAY})
    assert [Path(d["path"]).name for d in report["documents"]] == ["charter.docx"]
    assert not findings(report, "COM-04")
    # the folder walk honours the exclude of a config in the checked folder itself (checker/io/paths.py)
    report = checker.check([str(tmp_path)], config={"today": TODAY})
    assert [Path(d["path"]).name for d in report["documents"]] == ["charter.docx"]
    assert Path(doc).exists()


def test_explicit_config_wins_over_the_discovered_one(tmp_path):
    doc = make_docx(tmp_path / "charter.docx", revisions=[])
    write(tmp_path / "pmo-check.toml", '[rules."COM-04"]\nenabled = false\n')
    other = write(tmp_path / "elsewhere" / "ci.toml", '[rules."COM-04"]\nseverity = "info"\n')
    report = checker.check([str(doc)], config=str(other))
    assert [f["severity"] for f in findings(report, "COM-04")] == ["info"]


def test_rules_command_shows_the_tailored_severities(tmp_path):
    conf = write(tmp_path / "pmo-check.toml", '[rules."COM-04"]\nseverity = "minor"\n[rules."COM-02"]\nenabled = false\n')
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", "--config", str(conf)).stdout)}
    assert rows["COM-04"]["severity"] == "minor"
    assert rows["COM-02"].get("enabled") is False
    assert rows["SUP-01"]["severity"] == "info"
    # discovered from the current folder too
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert rows["COM-04"]["severity"] == "minor"


# --------------------------------------------------------------------------- organisation packs

ACME_PACK = """
pack: acme
extends: builtin
overrides:
  COM-04: {severity: minor}
disable: [COM-02]
rules:
  - id: ACME-01
    kind: required_sections
    severity: major
    applies_to: [CHARTER]
    title: {en: Exit criteria stated, zh: 列明项目退出标准}
    message: {en: "The charter does not state its exit criteria ({section}).", zh: "章程未列明项目退出标准（{section}）。"}
    messages:
      many: {en: "Missing: {sections}", zh: "缺少：{sections}"}
    params: {keys: [exit_criteria]}
"""


def test_org_pack_overrides_disables_and_adds_a_rule_of_its_own(tmp_path):
    write(tmp_path / "acme.yaml", ACME_PACK)
    write(tmp_path / "pmo-check.toml", '[check]\npacks = ["./acme.yaml"]\n')
    make_docx(tmp_path / "charter.docx", revisions=[],
                    sections=[("Project Purpose", "Replace the CRM, which is out of support in 2026."),
                              ("Summary Budget", "USD 1,200,000 including TBD contingency.")])
    report = checker.check([str(tmp_path)], config={"today": TODAY})
    assert [Path(d["path"]).name for d in report["documents"]] == ["charter.docx"]  # the pack is not a document
    assert [f["severity"] for f in findings(report, "COM-04")] == ["minor"]
    assert not findings(report, "COM-02")
    own = findings(report, "ACME-01")
    assert own and own[0]["severity"] == "major" and "exit criteria" in own[0]["message"]
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert rows["ACME-01"]["pack"] == "acme" and rows["COM-02"]["enabled"] is False


def test_extra_synonyms_are_used_and_do_not_leak(tmp_path):
    from checker.lexicon.matchers import section_entries
    from checker.lexicon.vocabulary import shipped_vocabulary

    write(tmp_path / "acme.yaml", ACME_PACK)
    doc = make_docx(tmp_path / "charter.docx",
                    sections=[("Project Purpose", "Replace the CRM, which is out of support in 2026."),
                              ("Closing Conditions", "The project closes when all accounts are migrated and signed off.")])
    conf = {"today": TODAY, "check": {"packs": [str(tmp_path / "acme.yaml")]}}
    assert findings(checker.check([str(doc)], config=conf), "ACME-01")
    conf["synonyms"] = {"CHARTER": {"sections": {"exit_criteria": {"en": ["Closing Conditions"], "zh": ["项目终止条件"]}}}}
    assert not findings(checker.check([str(doc)], config=conf), "ACME-01")
    assert "Closing Conditions" not in section_entries(shipped_vocabulary(), "CHARTER")["exit_criteria"]["en"]
    conf.pop("synonyms")
    assert findings(checker.check([str(doc)], config=conf), "ACME-01")


def test_extra_column_synonyms_of_one_folder_do_not_reach_the_next_document(tmp_path):
    """A register in a folder whose pmo-check.toml calls 'Chance' the probability column, then the same
    register in a folder without it, in one process: the second must miss its probability column again."""
    def register(path: Path) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.append(["Risk ID", "Risk Description", "Category", "Chance", "Impact", "Owner", "Response", "Status"])
        ws.append(["R-01", "Vendor delay could slip the go-live milestone", "Schedule", 3, 4, "Wei Zhang",
                   "Weekly vendor call", "Open"])
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
        return path

    tailored = register(tmp_path / "acme" / "risk_register.xlsx")
    write(tmp_path / "acme" / "pmo-check.toml", '[synonyms.RISK_REGISTER.columns.probability]\nen = ["Chance"]\n')
    plain = register(tmp_path / "plain" / "risk_register.xlsx")

    def missing(report: dict) -> list[str]:
        return [f["message"] for d in report["documents"] for f in d["findings"] if f["rule"] == "RR-01"]

    # One process checks both (workers=0), as a service or a pool worker does document after document.
    first, second = missing(checker.check([str(tailored), str(plain)], Options(workers=0)))
    assert "Probability" not in first and "Probability" in second


@pytest.mark.parametrize("pack, message", [
    ("rules:\n  - {id: RR-99, kind: placeholders, severity: minor, title: x, message: y}\n", "prefix RR"),
    ("rules:\n  - {id: COM-04, kind: placeholders, severity: minor, title: x, message: y}\n", "already exists"),
    ("rules:\n  - {id: ACME-02, kind: no_such_kind, severity: minor, title: x, message: y}\n", "unknown kind"),
    ("overrides:\n  XX-01: {severity: minor}\n", "unknown rule id"),
    ("extends: [nonsense]\n", "not a pack"),
    ("colour: blue\n", "unknown key"),
])
def test_invalid_org_packs_are_config_errors(tmp_path, pack, message):
    write(tmp_path / "org.yaml", pack)
    with pytest.raises(checker.ConfigError, match=message):
        checker.check([str(tmp_path)], config={"check": {"packs": [str(tmp_path / "org.yaml")]}})


# --------------------------------------------------------------------------- profiles and sizes


def test_size_changes_the_minimum_risk_count(tmp_path):
    reg = risk_register(tmp_path / "risks.xlsx", risks=4)

    def rr22(size: str) -> list[dict]:
        return findings(checker.check([str(reg)], config={"today": TODAY, "check": {"size": size}}), "RR-22")

    assert not rr22("small")  # 4 ≥ 3
    assert rr22("medium") and "at least 5" in rr22("medium")[0]["message"]
    assert "at least 10" in rr22("large")[0]["message"]
    large = tailoring.build(cfg.load({"check": {"size": "large"}}))
    required = [s for s in large.specs if s.kind == "required_sections"]
    assert required and all(s.params.get("optional_severity") == "major" for s in required)


def test_profile_selects_the_document_types(tmp_path):
    doc = make_docx(tmp_path / "charter.docx", approvals=[])  # COM-06 (blocker) for a charter without approvals
    pmbok = checker.check([str(doc)], config={"today": TODAY, "check": {"profile": "pmbok"}})
    prince2 = checker.check([str(doc)], config={"today": TODAY, "check": {"profile": "prince2"}})
    assert findings(pmbok, "COM-06")
    assert not findings(prince2, "COM-06")  # a charter is not a PRINCE2 product
    assert findings(prince2, "COM-04") == findings(pmbok, "COM-04")  # COMMON rules apply under every profile
    p2 = tailoring.build(cfg.load({"check": {"profile": "prince2"}}))
    com06 = next(s for s in p2.specs if s.id == "COM-06")
    assert "PID" in com06.applies_to and "CHARTER" not in com06.applies_to


def test_org_pack_can_tailor_a_size_guess(tmp_path):
    write(tmp_path / "org.yaml", "sizes:\n  medium:\n    params:\n      RR-22: {sizes: {medium: 4}}\n")
    reg = risk_register(tmp_path / "reg" / "risks.xlsx", risks=4)
    report = checker.check([str(reg)], config={"today": TODAY, "check": {"packs": [str(tmp_path / "org.yaml")]}})
    assert not findings(report, "RR-22")


def test_context_gets_profile_size_and_locale():
    t = tailoring.build(cfg.load({"check": {"profile": "cn_pmo", "size": "small", "locale": "zh-CN"}}))
    assert (t.profile, t.size, t.locale) == ("cn_pmo", "small", "zh-CN")
    assert cfg.day_first("zh-CN") is True and cfg.day_first("en-US") is False and cfg.day_first(None) is None


# --------------------------------------------------------------------------- invalid configuration


@pytest.mark.parametrize("toml, message", [
    ("[check\nprofile = 'x'\n", "not valid TOML"),
    ('[check]\nprofile = "agile"\n', "not a profile"),
    ('[check]\nsize = "huge"\n', "not a size"),
    ('[rules."RR-99"]\nseverity = "minor"\n', "unknown rule id"),
    ('[rules."COM-04"]\nseverity = "fatal"\n', "severity"),
    ('[[suppress]]\nrule = "RR-16"\nreason = "frozen"\nexpires = 2027-01-31\n', "approved_by"),
    ('[check]\nprofle = "pmbok"\n', "unknown key 'profle'"),
    ('[synonyms.CHARTER.sections.no_such_section]\nzh = ["x"]\n', "no 'no_such_section'"),
    ('[check]\npacks = ["./missing.yaml"]\n', "not found"),
])
def test_invalid_config_exits_2_with_a_clear_message_and_no_report(tmp_path, toml, message):
    doc = make_docx(tmp_path / "charter.docx")
    conf = write(tmp_path / "pmo-check.toml", toml)
    for args in (("check", str(doc), "--format", "json", "--config", str(conf)),  # explicit
                 ("check", str(doc), "--format", "json")):  # discovered
        result = run_cli(*args)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert "configuration error" in result.stderr and message in result.stderr
        assert "Traceback" not in result.stderr
    with pytest.raises(checker.ConfigError, match=message.split("'")[0]):
        checker.check([str(doc)], config=str(conf))


def test_missing_config_file_exits_2(tmp_path):
    doc = make_docx(tmp_path / "charter.docx")
    result = run_cli("check", str(doc), "--config", str(tmp_path / "nope.toml"))
    assert result.returncode == 2 and result.stdout == "" and "cannot read configuration file" in result.stderr


def test_api_rejects_a_bad_config_dict():
    with pytest.raises(checker.ConfigError, match="unknown key"):
        checker.check([], config={"chek": {}})
    with pytest.raises(checker.ConfigError, match="J"):
        rid = next(s.id for s in tailoring.default().specs if s.automation == "J")
        checker.check([], config={"rules": {rid: {"severity": "blocker"}}})


def test_today_may_be_given_as_an_iso_date_string(tmp_path):
    """`checker.check(paths, {"today": "2026-11-25"})` is the same check as with a date (the rules that
    age dates read it); a string that is no date is a configuration error, not a failed rule."""
    doc = make_docx(tmp_path / "charter.docx")
    as_date = checker.check([str(doc)], config={"today": date(2026, 11, 25)})
    as_text = checker.check([str(doc)], config={"today": "2026-11-25"})
    assert as_text["documents"][0]["findings"] == as_date["documents"][0]["findings"]
    with pytest.raises(checker.ConfigError, match="today"):
        checker.check([str(doc)], config={"today": "next week"})
