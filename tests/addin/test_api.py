"""The service's API and pages through Flask's test client, with real documents and a real check pool."""
from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from checker.config.settings import load
from checker.core.options import Options
from checker.run.document import check_file
from tests.addin.documents import charter_with_defects, incomplete_charter, risk_register
from tests.support import hostile_files as hb


def upload(client, data: bytes, name: str = "charter.docx", **fields: str):
    return client.post("/api/v1/check", data={"file": (io.BytesIO(data), name), **fields},
                       content_type="multipart/form-data")


def test_check_a_word_document(dev_client, tmp_path: Path, validate_report) -> None:
    path = charter_with_defects(tmp_path)
    response = upload(dev_client, path.read_bytes(), "项目章程 v2.docx")
    assert response.status_code == 200
    report = response.json
    validate_report(report)
    entry = report["documents"][0]
    assert entry["path"] == "项目章程 v2.docx"  # the user's own name, in any script, never a server path
    expected = check_file(str(path), Options(discover=False))
    assert entry["findings"] == expected["findings"] and entry["score"] == expected["score"]
    assert any(f.get("missing_sections") for f in entry["findings"])


def test_check_an_excel_register(dev_client, tmp_path: Path, validate_report) -> None:
    response = upload(dev_client, risk_register(tmp_path).read_bytes(), "risks.xlsx")
    assert response.status_code == 200
    validate_report(response.json)
    entry = response.json["documents"][0]
    assert entry["doc_type"] == "RISK_REGISTER"
    assert any(f.get("location", {}).get("cell") for f in entry["findings"])


@pytest.mark.parametrize("name, data, code", [
    ("bomb.docx", hb.make_zip_bomb(), "too-large"),
    ("encrypted.docx", hb.make_ole(["EncryptionInfo", "EncryptedPackage"]), "encrypted"),
    ("legacy.doc", hb.make_ole(["WordDocument"]), "legacy-format"),
    ("noise.docx", bytes(range(256)) * 40, "unsupported-format"),
    ("truncated.docx", hb.make_docx()[:600], "corrupt"),
])
def test_unreadable_documents_are_entries_with_200(dev_client, name: str, data: bytes, code: str, validate_report) -> None:
    response = upload(dev_client, data, name)
    assert response.status_code == 200, response.json
    validate_report(response.json)
    assert response.json["documents"][0]["error"]["code"] == code


def test_26_mb_upload_is_413_json(dev_client) -> None:
    response = upload(dev_client, b"PK\x03\x04" + bytes(26_000_000))
    assert response.status_code == 413
    assert response.json["error"]["code"] == "too-large"


def test_upload_limit_is_configurable(make_app) -> None:
    client = make_app(dev=True, max_upload_mb=1).test_client()
    assert upload(client, bytes(1_200_000)).status_code == 413


@pytest.mark.parametrize("request_kwargs, message", [
    ({"data": {}}, "multipart field 'file'"),
    ({"data": {"file": (io.BytesIO(b""), "empty.docx")}}, "empty"),
    ({"data": {"file": (io.BytesIO(b"x"), "a.docx"), "config": "nonexistent"}}, "no configuration named"),
    ({"json": {"url": "https://contoso.sharepoint.com/sites/pmo/Shared%20Documents/charter.docx"}}, "sign-in"),
])
def test_bad_requests_are_400_json(dev_client, request_kwargs: dict, message: str) -> None:
    kwargs = dict(request_kwargs)
    if "data" in kwargs:
        kwargs["content_type"] = "multipart/form-data"
    response = dev_client.post("/api/v1/check", **kwargs)
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad-request" and message in response.json["error"]["message"]


def test_other_errors_are_json(dev_client) -> None:
    assert dev_client.get("/nowhere").json["error"]["code"] == "not-found"
    response = dev_client.get("/api/v1/check")
    assert response.status_code == 405 and response.json["error"]["code"] == "method-not-allowed"


def test_an_internal_error_is_500_json_without_details(make_app) -> None:
    class Broken:
        def submit(self, *args: object) -> None:
            raise ZeroDivisionError("secret detail")

        def status(self) -> dict:
            return {}

    from addin_service import create_app, load_settings

    client = create_app(load_settings(env={}, dev=True), pool=Broken()).test_client()
    response = upload(client, hb.make_docx())
    assert response.status_code == 500
    assert response.json == {"error": {"code": "internal", "message": "The service failed to answer; the error is logged."}}


def test_concurrent_checks_with_different_configurations(make_app, tmp_path: Path) -> None:
    """Eight threads, two configurations whose results differ: each answer is its configuration's."""
    config = tmp_path / "lenient.toml"
    config.write_text('[rules."CH-01"]\nseverity = "minor"\n', encoding="utf-8")
    client_app = make_app(dev=True, configs={"lenient": str(config)})
    data = incomplete_charter(tmp_path).read_bytes()
    expected = {name: check_file(str(tmp_path / "incomplete.docx"), opts)["findings"]
                for name, opts in (("default", Options(discover=False)),
                                   ("lenient", Options(config=load(str(config)), discover=False)))}
    assert expected["default"] != expected["lenient"]
    results: list[tuple[str, list]] = []

    def client(n: int) -> None:
        c = client_app.test_client()
        for i in range(4):
            name = ("default", "lenient")[(n + i) % 2]
            response = upload(c, data, "incomplete.docx", config=name)
            results.append((name, response.json["documents"][0]["findings"]))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 32
    for name, findings in results:
        assert findings == expected[name], name


def test_configs_and_rules(make_app) -> None:
    client = make_app(dev=True).test_client()
    configs = client.get("/api/v1/configs").json
    assert configs["default"] == "default"
    assert {c["name"] for c in configs["configs"]} == {"default", "pmbok", "prince2", "cn_pmo"}
    rules = client.get("/api/v1/rules?doc_type=CHARTER").json
    assert any(r["id"] == "CH-01" for r in rules) and not any(r["id"].startswith("RR-") for r in rules)
    assert client.get("/api/v1/rules?config=nope").status_code == 400


def test_documents_are_kept_only_when_configured(make_app, tmp_path: Path) -> None:
    data = hb.make_docx()
    assert upload(make_app(dev=True).test_client(), data).status_code == 200
    keep = tmp_path / "kept"
    assert upload(make_app(dev=True, keep_uploads=str(keep)).test_client(), data).status_code == 200
    kept = list(keep.iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == data and kept[0].suffix == ".docx"
    assert (kept[0].stat().st_mode & 0o777) == 0o600


# --------------------------------------------------------------------------- pages, headers, OpenAPI


def app_routes(app) -> set[tuple[str, str]]:
    out = set()
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("<path:filename>", "{filename}")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            out.add((path, method.lower()))
    return out


def test_openapi_describes_exactly_the_routes(dev_client) -> None:
    document = dev_client.get("/openapi.json").json
    validate(document)  # a valid OpenAPI 3.1 document
    described = {(path, method) for path, item in document["paths"].items() for method in item}
    assert described == app_routes(dev_client.application)


def test_security_headers(signed_app) -> None:
    client = signed_app.test_client()
    pane = client.get("/taskpane.html")
    csp = pane.headers["Content-Security-Policy"]
    assert "script-src 'self' https://appsforoffice.microsoft.com" in csp
    assert "frame-ancestors 'self' https://*.office.com" in csp
    assert "X-Frame-Options" not in pane.headers  # Office on the web frames the pane
    assert pane.headers["X-Content-Type-Options"] == "nosniff"
    assert pane.headers["Strict-Transport-Security"].startswith("max-age=")
    assert client.get("/healthz").headers["Cache-Control"] == "no-store"
    assert "max-age=3600" in client.get("/static/icon-32.png").headers["Cache-Control"]
    assert 'src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"' in pane.get_data(as_text=True)


def test_cors_only_for_configured_origins(make_app, idp) -> None:
    from tests.addin.conftest import sign_in_env

    client = make_app(env=sign_in_env(idp), cors_origins=["https://pmo.example.com"]).test_client()
    allowed = client.options("/api/v1/check", headers={"Origin": "https://pmo.example.com",
                                                        "Access-Control-Request-Method": "POST"})
    assert allowed.status_code == 200  # a preflight carries no token and needs none
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://pmo.example.com"
    other = client.options("/api/v1/check", headers={"Origin": "https://evil.example.com",
                                                      "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_healthz_reports_the_pool(dev_client) -> None:
    body = dev_client.get("/healthz").json
    assert body["status"] == "ok" and body["pool"]["workers"] == 2
