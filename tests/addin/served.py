"""A real `pmo-check serve` process over HTTPS on the loopback, signing in against the stand-in
identity provider, for the end-to-end and browser tests."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.support.cli import ROOT


@dataclass
class Served:
    url: str
    proc: subprocess.Popen
    log: Path

    def stop(self) -> tuple[int, str]:
        self.proc.terminate()
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        return code, self.log.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], env: dict[str, str], log: Path, ca: Path | None, scheme: str = "https",
          workers: int | None = 2) -> Served:
    """Start the server and wait until its pool's workers are ready (None: one per CPU)."""
    port = free_port()
    sized = ["--workers", str(workers)] if workers else []
    full_env = {**os.environ, **env, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", str(port), *sized, *args],
                            cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=open(log, "wb"))
    url = f"{scheme}://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"pmo-check serve exited {proc.returncode}: {log.read_text()}")
        try:
            pool = requests.get(f"{url}/healthz", verify=str(ca) if ca else True, timeout=2).json()["pool"]
            if pool["workers"] and pool["ready"] == pool["workers"]:
                return Served(url, proc, log)
        except (requests.RequestException, ValueError, KeyError):
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"pmo-check serve did not come up: {log.read_text()}")
