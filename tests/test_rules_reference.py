"""docs/rules.md is generated and current, and every A-level rule of the core document types is either
implemented by a pack or explained (the issue's "Done when")."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "docs" / "generate_rules_reference.py"
STANDARD = ROOT.parent / "shared" / "standard" / "pmo-standard.md"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("generate_rules_reference", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_reference_is_current(gen, tmp_path):
    out, guide = tmp_path / "rules.md", tmp_path / "configuration.md"
    committed_guide = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    guide.write_text(committed_guide, encoding="utf-8")
    assert gen.main(["--output", str(out), "--configuration", str(guide)]) == 0
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, \
        "docs/rules.md is out of date: run python docs/generate_rules_reference.py"
    assert guide.read_text(encoding="utf-8") == committed_guide, \
        "docs/configuration.md's kinds section is out of date: run python docs/generate_rules_reference.py"


def test_reference_traces_each_implemented_rule_to_its_kind_module_and_params(gen):
    """docs/rules.md links each pack rule to its kind's section (module, parameter defaults, what the pack
    sets), and docs/configuration.md documents every parameter of every kind."""
    from checker.config import packs
    from checker.kinds import registry
    from checker.kinds.params import describe

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    kinds_part = text.split("\n## Rule kinds\n", 1)[1]
    sections = {s.split("`", 2)[1]: s for s in kinds_part.split("\n### Kind ")[1:]}
    guide = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8").split(gen.BEGIN, 1)[1]
    for spec in packs.builtin_specs():
        section = sections[spec.kind]
        module = registry.module_of(spec.kind).replace(".", "/") + ".py"
        assert f"Module `{module}`" in section and (ROOT / module).exists()
        row = next(line for line in section.splitlines() if line.startswith(f"| {spec.id} | {spec.pack} |"))
        for key in spec.params:
            assert f"`{key}`" in row, (spec.id, key)
        for p in describe(registry.kind(spec.kind).Params):
            assert f"`{p.name}`" in section.split("\n\n", 2)[1] or p.required, (spec.kind, p.name)  # a default
            assert f"| `{p.name}` |" in guide, (spec.kind, p.name)
    for name in registry.KINDS:
        assert f"\n### `{name}`\n" in guide, name


def test_standard_inventory_has_all_303_rules(gen):
    rules = gen.load_standard()
    assert len(rules) == 303
    assert len({r["id"] for r in rules}) == 303
    for r in rules:
        assert r["severity"] in ("blocker", "major", "minor", "info"), r["id"]
        assert r["automation"] in ("A", "S", "J"), r["id"]
        assert r["en"] and r["zh"], r["id"]


@pytest.mark.skipif(not STANDARD.exists(), reason="the standard is not next to this clone")
def test_inventory_matches_the_standard(gen):
    assert gen.extract(STANDARD) == gen.load_standard(), \
        "docs/standard_rules.yaml differs from the standard: run python docs/generate_rules_reference.py --extract"


def test_shipped_rationale_is_the_standards(gen):
    """checker/report/rationale.yaml (what the reports show) is generated from the inventory, one per rule."""
    assert gen.RATIONALE.read_text(encoding="utf-8") == gen.rationale_text(gen.load_standard()), \
        "checker/report/rationale.yaml is out of date: run python docs/generate_rules_reference.py --extract"
    shipped = yaml.safe_load(gen.RATIONALE.read_text(encoding="utf-8"))
    assert len(shipped) == 303 and all(entry["en"] for entry in shipped.values())


def test_every_a_level_rule_of_the_core_types_is_implemented_or_explained(gen):
    rules, implemented, notes = gen.load_standard(), gen.load_implemented(), gen.load_notes()
    assert gen.unexplained(rules, implemented, notes) == []
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for r in rules:
        if r["doc_type"] in gen.REQUIRED_TYPES and r["automation"] == "A":
            row = next(line for line in text.splitlines() if line.startswith(f"| {r['id']} |"))
            status = row.rstrip(" |").rsplit("|", 1)[1]
            assert re.search(r"\*\*[^*]+\*\*\S*\s*\S", status), f"{r['id']} has no status or reason: {row}"


def test_every_pack_rule_is_in_the_reference(gen):
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule_id in gen.load_implemented():
        assert f"| {rule_id} |" in text, rule_id


def test_notes_name_real_rules(gen):
    ids = {r["id"] for r in gen.load_standard()}
    notes = yaml.safe_load((ROOT / "docs" / "rule_notes.yaml").read_text(encoding="utf-8"))["notes"]
    assert set(notes) <= ids, set(notes) - ids
    assert all(str(v).strip() for v in notes.values())
