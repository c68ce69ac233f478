"""Running pmo-check as a user does: the console command in a subprocess, from the repository root."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m checker.cli ARGS` with this checkout's code, also when `cwd` is outside it (otherwise
    another checkout installed in editable mode would answer)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)
