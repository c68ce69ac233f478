"""Shared test fixtures: the contract's JSON Schema and a validator for reports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SCHEMA = Path(__file__).resolve().parent / "contract" / "report.schema.json"


@pytest.fixture(scope="session")
def report_schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_report(report_schema):
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(report_schema)

    def validate(report: dict) -> None:
        errors = sorted(validator.iter_errors(report), key=str)
        assert not errors, "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])

    return validate
