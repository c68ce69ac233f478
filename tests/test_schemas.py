"""The JSON Schemas of the packs and of pmo-check.toml (rules/schemas/): generated from the kinds' Params,
committed current, every built-in pack valid against them, and as strict as the checker where it matters."""
from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest
import yaml
from jsonschema import Draft202012Validator

from checker.config import schema, settings, tailoring
from checker.kinds import spec
from tests.support.cli import ROOT

PACK = ROOT / "rules" / "schemas" / "pack.schema.json"
CONFIG = ROOT / "rules" / "schemas" / "pmo-check.schema.json"


@pytest.fixture(scope="module")
def pack_validator() -> Draft202012Validator:
    data = json.loads(PACK.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(data)
    return Draft202012Validator(data)


@pytest.fixture(scope="module")
def config_validator() -> Draft202012Validator:
    data = json.loads(CONFIG.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(data)
    return Draft202012Validator(data)


def errors(validator: Draft202012Validator, data: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_committed_schemas_are_current():
    assert schema.main(["--check"]) == 0, "rules/schemas is out of date: run python -m checker.config.schema"


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_every_built_in_pack_and_profiles_validate(pack_validator, path):
    assert errors(pack_validator, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_pack_rules_are_discriminated_on_kind(pack_validator):
    rule = {"id": "ACME-01", "kind": "figures", "severity": "major", "title": "t", "message": "m",
            "params": {"check": "evm"}}
    assert errors(pack_validator, {"rules": [rule]}) == []
    assert errors(pack_validator, {"rules": [{**rule, "params": {"check": "evn"}}]})
    assert errors(pack_validator, {"rules": [{**rule, "params": {"column": "id"}}]})  # a `unique` param
    assert errors(pack_validator, {"rules": [{**rule, "kind": "unique", "params": {"column": "id"}}]}) == []
    assert errors(pack_validator, {"rules": [{**rule, "kind": "figure"}]})
    assert errors(pack_validator, {"rules": [{**rule, "sevrity": "major"}]})


def test_tailored_params_merge_and_know_the_shorthand(pack_validator, config_validator):
    toml = tomllib.loads('[check]\nsize = "large"\n[rules."RR-16"]\nseverity = "minor"\nparams = { days = 45 }\n'
                        '[rules."SR-07"]\nparams = { ratio_tolerance = 0.02 }\n'
                        '[rules."RR-*"]\nenabled = false\n'
                        '[[suppress]]\nrule = "RR-16"\nreason = "frozen"\nexpires = 2027-01-31\napproved_by = "PMO"\n')
    toml["suppress"][0]["expires"] = toml["suppress"][0]["expires"].isoformat()  # TOML date -> JSON string
    assert errors(config_validator, toml) == []
    assert errors(config_validator, {"rules": {"SR-07": {"params": {"check": "evn"}}}})
    assert errors(config_validator, {"rules": {"RR-16": {"params": {"dayz": 45}}}})
    assert errors(config_validator, {"rules": {"RR-16": {"params": {"stale": {"days": "soon"}}}}})
    assert errors(config_validator, {"rules": {"RR-16": {"params": {"stale": {"high_days": 7}}}}}) == []
    assert errors(config_validator, {"check": {"size": "huge"}})
    org = {"overrides": {"RR-16": {"params": {"days": 45}}},
           "sizes": {"medium": {"params": {"RR-22": {"sizes": {"medium": 4}}}, "kinds": {"row_dates": {"fold_register": 5}}}}}
    assert errors(pack_validator, org) == []
    assert errors(pack_validator, {"sizes": {"medium": {"kinds": {"row_date": {}}}}})
    assert errors(pack_validator, {"profiles": {"pmbok": {"kinds": {}}}})  # kind-wide params are per size


def test_the_configuration_guide_example_is_valid(config_validator):
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    data = tomllib.loads(example)
    for waiver in data.get("suppress", []):
        waiver["expires"] = waiver["expires"].isoformat() if isinstance(waiver["expires"], date) else waiver["expires"]
    if isinstance(data.get("check", {}).get("as_of"), date):  # TOML dates are strings of format date in JSON
        data["check"]["as_of"] = data["check"]["as_of"].isoformat()
    assert errors(config_validator, data) == []


def test_schemas_know_the_keys_the_checker_reads():
    pack, config = schema.pack_schema(), schema.config_schema()
    assert set(pack["properties"]) == set(tailoring._PACK_KEYS)
    assert set(pack["$defs"]["override"]["properties"]) == set(tailoring._OVERRIDE_KEYS)
    assert set(pack["$defs"]["rule"]["properties"]) == set(spec.RULE_KEYS)
    assert pack["$defs"]["rule"]["properties"]["id"]["pattern"] == tailoring._OWN_ID.pattern
    assert set(config["properties"]) == set(settings._TOP_KEYS)
    assert set(config["properties"]["check"]["properties"]) == set(settings._CHECK_KEYS)
    assert set(config["$defs"]["tailored"]["properties"]) == set(settings._RULE_KEYS)
    assert set(config["$defs"]["waiver"]["properties"]) == set(settings._WAIVER_KEYS)
    assert config["properties"]["check"]["properties"]["locale"]["pattern"] == settings._LOCALE.pattern
