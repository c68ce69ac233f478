"""The options a project manager and a CI pipeline reach for (issue #10): a fixed check date, a subset of
rules, `rules` as a reference that explains a rule, and `init`."""
from __future__ import annotations

import json
import tomllib
from datetime import date

from checker.config import settings, tailoring
from checker.kinds import registry
from tests.support.clean_docs import make_docx
from tests.support.cli import ROOT, run_cli
from tests.support.config_fixtures import risk_register

ISSUE_LOG = str(ROOT / "sample_docs" / "en" / "issue_log.xlsx")  # ISS-023 open since 2026-09-18 (IR-06: 30 days)


def _findings(*args: str, cwd=None) -> list[dict]:
    result = run_cli("check", *args, "--format", "json", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


def _ir06(*args: str) -> str:
    return next(f["message"] for f in _findings(ISSUE_LOG, "--select", "IR-06", *args))


def test_as_of_makes_ages_repeatable():
    assert "open for 44 days" in _ir06("--as-of", "2026-11-01")
    assert "open for 68 days" in _ir06("--as-of", "2026-11-25")
    assert not _findings(ISSUE_LOG, "--select", "IR-06", "--as-of", "2026-10-01")  # 13 days: within the limit


def test_as_of_in_the_configuration_and_the_option_wins(tmp_path):
    (tmp_path / "issues.xlsx").write_bytes((ROOT / "sample_docs" / "en" / "issue_log.xlsx").read_bytes())
    (tmp_path / "pmo-check.toml").write_text("[check]\nas_of = 2026-11-01\n", encoding="utf-8")
    got = _findings(str(tmp_path), "--select", "IR-06")
    assert [f["message"] for f in got if "ISS-023" in f["message"]][0].count("open for 44 days") == 1
    got = _findings(str(tmp_path), "--select", "IR-06", "--as-of", "2026-11-25")
    assert "open for 68 days" in got[0]["message"]
    bad = tmp_path / "bad.toml"
    bad.write_text('[check]\nas_of = "soon"\n', encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--config", str(bad))
    assert result.returncode == 2 and "as_of" in result.stderr and "2027-01-31" in result.stderr
    assert settings.load_file(str(tmp_path / "pmo-check.toml")).as_of == date(2026, 11, 1)


def test_select_and_ignore_take_ids_and_globs(tmp_path):
    risk_register(tmp_path / "risks.xlsx")
    make_docx(tmp_path / "charter.docx", revisions=[])  # a controlled document: COM-04, no revision history
    folder = str(tmp_path)
    every = {f["rule"] for f in _findings(folder)}
    assert {"RR-15", "RR-16", "COM-04"} <= every and any(not r.startswith("RR-") for r in every)
    assert {f["rule"] for f in _findings(folder, "--select", "RR-*")} == {r for r in every if r.startswith("RR-")}
    assert {f["rule"] for f in _findings(folder, "--select", "RR-16,COM-04")} == {"RR-16", "COM-04"} & every
    assert {f["rule"] for f in _findings(folder, "--select", "rr-1*", "--ignore", "RR-15")} == \
        {r for r in every if r.startswith("RR-1")} - {"RR-15"}
    assert {f["rule"] for f in _findings(folder, "--ignore", "RR-*", "--ignore", "COM-0*")} == \
        {r for r in every if not r.startswith(("RR-", "COM-0"))}


def test_rules_left_out_do_not_count_in_the_score(tmp_path):
    path = str(make_docx(tmp_path / "a.docx", revisions=[]))  # COM-04 fails
    score = lambda *args: json.loads(run_cli("check", path, "--format", "json", *args).stdout)["documents"][0]["score"]  # noqa: E731
    assert score() < 100 and score("--ignore", "COM-04") == 100


def test_rules_lists_every_rule_sorted_by_id_with_all_its_types():
    rows = json.loads(run_cli("rules", "--format", "json").stdout)
    ids = [r["id"] for r in rows]
    key = lambda rid: (rid.rpartition("-")[0], int(rid.rpartition("-")[2]))  # noqa: E731
    assert ids == sorted(ids, key=key) and len(ids) == len(set(ids))
    com06 = next(r for r in rows if r["id"] == "COM-06")
    specs = {s.id: s for s in tailoring.default().specs}
    assert com06["doc_types"] == list(specs["COM-06"].applies_to) and len(com06["doc_types"]) > 3
    assert com06["message"]["en"] and com06["message"]["zh"] and com06["suggestion"]["zh"]
    assert com06["automation"] == "A" and "sponsor" in com06["rationale"]
    text = run_cli("rules").stdout
    assert ", ".join(specs["COM-06"].applies_to) in " ".join(text.split())  # no type cut short
    charter = json.loads(run_cli("rules", "--doc-type", "charter", "--format", "json").stdout)
    assert {r["id"] for r in charter} == {r["id"] for r in rows if "CHARTER" in r["doc_types"]
                                          or r["doc_types"] == ["ALL"]}


def test_rules_explains_one_rule_and_its_lines_are_a_valid_configuration(tmp_path):
    result = run_cli("rules", "RR-16")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for words in ("RR-16 Open risks reviewed recently", "未关闭风险近期已复核", "What it checks",
                  "The standard: register date − last_reviewed", "Why", "A stale register", "How to fix it",
                  "每月至少复核", "Parameters", "stale = {", "[rules.\"RR-16\"]", "[[suppress]]",
                  "pmo-check: ignore RR-16 -- reason", "--ignore RR-16"):
        assert words in text, words
    explained = json.loads(run_cli("rules", "RR-16", "BC-13", "--format", "json").stdout)
    assert [r["id"] for r in explained] == ["RR-16", "BC-13"]
    rr16, bc13 = explained
    assert not any(line.startswith("severity") for line in bc13["tailor"])  # a judgement rule stays info
    conf = tmp_path / "pmo-check.toml"
    conf.write_text("\n".join([*rr16["tailor"], *bc13["tailor"], *rr16["waive"]["config"]]) + "\n", encoding="utf-8")
    config = settings.load_file(str(conf))  # what it shows is a configuration the checker accepts…
    tailored = tailoring.build(config)

    def effective(tailoring_: tailoring.Tailoring) -> dict:
        spec = next(s for s in tailoring_.specs if s.id == "RR-16")
        return registry.kind(spec.kind).Params.model_validate(spec.params).model_dump(mode="json")

    assert effective(tailored) == effective(tailoring.default())  # …and changes nothing as shown
    assert config.suppress[0].rules == ("RR-16",)


def test_init_writes_a_starter_configuration_that_check_accepts(tmp_path):
    make_docx(tmp_path / "charter.docx")
    (tmp_path / "minutes.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deck.pptx").write_bytes(b"PK\x03\x04")
    result = run_cli("init", str(tmp_path), "--profile", "prince2", "--locale", "en-GB")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "pmo-check.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["check"] == {"profile": "prince2", "size": "medium", "locale": "en-GB",
                             "exclude": ["*.pdf", "*.pptx"]}
    assert "# as_of = " in text and "# [[suppress]]" in text and '# [rules."RR-16"]' in text
    report = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in report["documents"]] == ["charter.docx"]  # excluded, not skipped
    again = run_cli("init", str(tmp_path))
    assert again.returncode == 2 and "--force" in again.stderr
    assert (tmp_path / "pmo-check.toml").read_text(encoding="utf-8") == text
    assert run_cli("init", str(tmp_path), "--force").returncode == 0
    bad = run_cli("init", str(tmp_path), "--force", "--locale", "not a locale")
    assert bad.returncode == 2 and "locale" in bad.stderr
