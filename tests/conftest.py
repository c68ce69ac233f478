"""Shared test fixtures: the contract's JSON Schema and a way to run the CLI as a user does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m checker.cli ARGS` with this checkout's code, also when `cwd` is outside it (otherwise
    another checkout installed in editable mode would answer)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)
