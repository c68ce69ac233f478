"""`pmo-check serve` as a real process: HTTPS with a certificate made in the test, sign-in, limits;
--dev's refusals; `pmo-check manifest`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.addin.conftest import sign_in_env
from tests.addin.documents import charter_with_defects
from tests.addin.served import Served, start
from tests.support import hostile_files as hb
from tests.support.cli import ROOT


def test_https_check_with_sign_in(served: Served, tls, idp, tmp_path: Path, validate_report) -> None:
    cert = str(tls[0])
    data = charter_with_defects(tmp_path).read_bytes()
    headers = {"Authorization": f"Bearer {idp.token()}"}
    response = requests.post(f"{served.url}/api/v1/check", files={"file": ("charter.docx", data)}, headers=headers,
                             verify=cert, timeout=60)
    assert response.status_code == 200, response.text
    validate_report(response.json())
    assert response.json()["documents"][0]["doc_type"] == "CHARTER"
    refused = requests.post(f"{served.url}/api/v1/check", files={"file": ("charter.docx", data)}, verify=cert, timeout=60)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"
    expired = requests.get(f"{served.url}/api/v1/configs", verify=cert, timeout=30,
                           headers={"Authorization": f"Bearer {idp.token(exp=1)}"})
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "unauthorized"


def test_https_limits_and_hostile_files(served: Served, tls, idp) -> None:
    cert = str(tls[0])
    headers = {"Authorization": f"Bearer {idp.token()}"}
    big = requests.post(f"{served.url}/api/v1/check", files={"file": ("big.docx", bytes(26_000_000))},
                        headers=headers, verify=cert, timeout=60)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too-large"
    bomb = requests.post(f"{served.url}/api/v1/check", files={"file": ("bomb.docx", hb.make_zip_bomb())},
                         headers=headers, verify=cert, timeout=60)
    assert bomb.status_code == 200 and bomb.json()["documents"][0]["error"]["code"] == "too-large"


def test_plain_http_is_not_served(served: Served) -> None:
    with pytest.raises(requests.RequestException):
        requests.get(served.url.replace("https://", "http://") + "/healthz", timeout=5)


def test_served_manifest_points_at_the_service(served: Served, tls) -> None:
    xml = requests.get(f"{served.url}/manifest.xml", verify=str(tls[0]), timeout=30).text
    port = served.url.rsplit(":", 1)[1]
    assert f"https://localhost:{port}/taskpane.html" in xml


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.mark.parametrize("args, message", [
    (["serve", "--dev", "--host", "0.0.0.0"], "loopback only"),
    (["serve", "--port", "8999"], "sign-in is not configured"),
    (["serve", "--cert", "/nonexistent/cert.pem"], "both a certificate and its key"),
])
def test_serve_refuses_unsafe_or_incomplete_settings(args: list[str], message: str) -> None:
    result = run_cli(*args, env={"PMO_CHECK_TENANT_ID": "", "PMO_CHECK_CLIENT_ID": ""})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_serve_needs_a_certificate_outside_dev(idp) -> None:
    result = run_cli("serve", "--port", "8999", env=sign_in_env(idp))
    assert result.returncode == 2 and "only over HTTPS" in result.stderr


def test_dev_mode_says_so_loudly(tmp_path: Path) -> None:
    server = start(["--dev"], {}, tmp_path / "dev.log", None, scheme="http")
    try:
        body = requests.post(f"{server.url}/api/v1/check", files={"file": ("c.docx", hb.make_docx())}, timeout=60)
        assert body.status_code == 200  # no sign-in in --dev
    finally:
        code, log = server.stop()
    assert "DEVELOPMENT MODE: plain HTTP, NO SIGN-IN" in log and code == 0


def test_manifest_command() -> None:
    result = run_cli("manifest", "--url", "https://pmo.example.com/")
    assert result.returncode == 0 and "https://pmo.example.com/taskpane.html" in result.stdout
    assert run_cli("manifest", "--url", "http://pmo.example.com").returncode == 2
