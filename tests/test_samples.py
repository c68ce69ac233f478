"""The sample documents: they validate against the contract, classify as generated, and every
seeded defect is reported with its rule id and location — and nothing major on the clean ones."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

import checker
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.cli import ROOT, run_cli

SAMPLES = ROOT / "sample_docs"
MANIFEST = yaml.safe_load((SAMPLES / "manifest.yaml").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["files"]
TODAY = {"today": date(2026, 11, 25)}


@pytest.fixture(scope="module")
def report() -> dict:
    return checker.check([str(SAMPLES)], config=TODAY)


def _doc(report: dict, rel: str) -> dict:
    target = (SAMPLES / rel).resolve()
    return next(d for d in report["documents"] if Path(d["path"]).resolve() == target)


def test_cli_json_on_the_samples_validates_against_the_contract(validate_report):
    result = run_cli("check", "sample_docs", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    validate_report(report)
    checked = {Path(d["path"]).resolve() for d in report["documents"]}
    assert checked == {(SAMPLES / e["path"]).resolve() for e in ENTRIES}, "every sample, and only samples, is checked"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["path"] for e in ENTRIES])
def test_each_sample_classifies_as_generated(report, entry):
    doc = _doc(report, entry["path"])
    assert doc["error"] is None
    assert doc["doc_type"] == entry["doc_type"]
    assert doc["language"] == entry["language"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["path"] for e in ENTRIES])
def test_project_facts_match_what_was_written(report, entry):
    got = _doc(report, entry["path"]).get("project", {})
    expected = entry.get("project") or {}
    for key in ("id", "name"):
        if key in got:
            assert got[key] == expected.get(key), key
    assert got.get("id") or got.get("name"), "every sample names its project"
    if "budget" in got and "budget" in expected:
        assert got["budget"] == expected["budget"]


DEFECTS = [(e["path"], d) for e in ENTRIES for d in e.get("defects") or []]


@pytest.mark.parametrize("path, defect", DEFECTS, ids=[f"{p}:{d['rule']}" for p, d in DEFECTS])
def test_each_seeded_defect_is_reported_at_its_location(report, path, defect):
    from checker.config.packs import builtin_specs

    if defect["rule"] not in {s.id for s in builtin_specs()}:
        pytest.skip(f"{defect['rule']} is not implemented yet")
    if defect.get("secondary"):
        pytest.skip("a consequence of the seeded defect, which a checker may or may not report")
    findings = [f for f in _doc(report, path)["findings"] if f["rule"] == defect["rule"]]
    assert findings, f"{defect['rule']} not reported on {path}"
    where = defect.get("where") or {}
    located = [f for f in findings if all(f.get("location", {}).get(k) == v for k, v in where.items())]
    assert located, f"{defect['rule']} reported at {[f.get('location') for f in findings]}, expected {where}"


CLEAN = [e for e in ENTRIES if not e.get("defects")]


@pytest.mark.parametrize("entry", CLEAN, ids=[e["path"] for e in CLEAN])
def test_clean_samples_have_no_blocker_or_major(report, entry):
    bad = [f for f in _doc(report, entry["path"])["findings"] if f["severity"] in ("blocker", "major")]
    assert bad == []


def test_committed_samples_are_what_the_generator_makes(tmp_path):
    subprocess.run([sys.executable, str(SAMPLES / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True, timeout=120)
    for entry in ENTRIES:
        committed = read_document(open_document(str(SAMPLES / entry["path"])), shipped_vocabulary())
        fresh = read_document(open_document(str(tmp_path / entry["path"])), shipped_vocabulary())
        assert fresh.all_text() == committed.all_text(), f"{entry['path']} is stale: run sample_docs/generate.py"
