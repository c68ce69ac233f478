"""Auditing a SharePoint library through a local Graph stand-in over HTTPS (tests/support/graph_standin.py):
msal's real client-credentials flow through its `http_client` hook (a secret, and a certificate's
signed assertion), delta in pages and then from the kept delta link, 302 downloads without the
bearer token, 429 with Retry-After, 410 with a full resync, write-back with If-Match and 412, and the
command line against the same stand-in as a user would run it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from checker.audit.graph import GraphClient, GraphError, app_graph
from checker.audit.models import Document, Run, RunSource
from checker.audit.runner import AuditRequest, audit
from checker.audit.settings import AuditSettings
from checker.audit.sharepoint import LibrarySource
from checker.audit.sources import parse_library
from checker.audit.store import open_store
from tests.support.cli import ROOT
from tests.support.graph_standin import CLIENT_ID, SECRET, TENANT, GraphStandIn
from tests.support.library import document_bytes, groups, library_docs
from tests.support.local_https import make_certificate

LIBRARY = "sharepoint://contoso.sharepoint.com/sites/pmo/Shared Documents"


@pytest.fixture()
def tls(tmp_path: Path) -> tuple[Path, Path]:
    return make_certificate(tmp_path)


@pytest.fixture()
def standin(tls):
    server = GraphStandIn(*tls, page_size=7)
    for doc in library_docs(4):
        server.put(doc.name, document_bytes(doc.project, doc.kind, properties=False),
                   {"Department": groups(doc.project)["department"], "Portfolio": groups(doc.project)["portfolio"]})
    server.put("Templates/readme.pdf", b"%PDF-1.7 not a document the rules read")
    yield server
    server.close()


def _session(cert: Path) -> requests.Session:
    """Trusts only the stand-in's certificate (whatever REQUESTS_CA_BUNDLE says in this process)."""
    session = requests.Session()
    session.verify, session.trust_env = str(cert), False
    return session


def _settings(server: GraphStandIn, **extra) -> AuditSettings:
    return AuditSettings(tenant_id=TENANT, client_id=CLIENT_ID, client_secret=SECRET, authority_host=server.url,
                         graph_url=server.graph_url, columns={"department": "Department", "portfolio": "Portfolio"},
                         **extra)


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _audit(server: GraphStandIn, cert: Path, db: str, settings: AuditSettings | None = None, **request) -> tuple:
    settings = settings or _settings(server)
    sleeps = Sleeps()
    graph = app_graph(settings, http_client=_session(cert), session_factory=lambda: _session(cert), sleep=sleeps)
    result = audit(AuditRequest(sources=(request.pop("source", LIBRARY),), db=db, workers=1, settings=settings,
                                **request), graph=graph)
    return result, sleeps


def _docs(db: str, run_id: int) -> dict[str, Document]:
    s = open_store(db, migrate=False)
    try:
        with s.sessions() as session:
            return {d.path: d for d in session.scalars(select(Document).where(Document.run_id == run_id)
                                                      .options(selectinload(Document.findings)))}
    finally:
        s.close()


def test_first_and_incremental_audits_of_a_library(standin: GraphStandIn, tls, tmp_path: Path):
    cert = tls[0]
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    standin.put("prj-2026-101/~$charter.docx", b"\x00owner")  # Word's lock file beside an open document
    standin.put(".trash/charter.docx", document_bytes(1, "charter", properties=False))  # a hidden folder
    first, _ = _audit(standin, cert, db)
    # Lock files and hidden folders are passed over as `check` passes them over; 12 documents and a PDF, skipped as `check` skips it in a folder: listed, never an error.
    assert (first.documents, first.checked, first.errors, first.skipped) == (13, 13, 0, 1)
    docs = _docs(db, first.run_id)
    assert not any("~$" in path or ".trash" in path for path in docs)
    charter = docs["Documents/prj-2026-101/charter.docx"]
    assert charter.url == "https://contoso.sharepoint.com/sites/pmo/Shared%20Documents/prj-2026-101/charter.docx"
    assert charter.doc_type == "CHARTER" and charter.score == 100.0 and charter.version.startswith('"c:')
    assert (charter.department, charter.portfolio, charter.manager) == (groups(1)["department"], groups(1)["portfolio"],
                                                                        groups(1)["manager"])
    pdf = docs["Documents/Templates/readme.pdf"]
    assert pdf.error_code == "unsupported-format" and pdf.skipped
    assert not standin.graph_requests("/download/readme")  # judged by its name, never downloaded
    # The enumeration came in pages (nextLink followed verbatim) and ended with a delta link, kept.
    assert len(standin.graph_requests("cursor=")) >= 2
    downloads = standin.graph_requests("/download/")
    assert len(downloads) == 12 and all(auth is None for _, _, auth in downloads)  # the 302 dropped the token
    s = open_store(db, migrate=False)
    with s.sessions() as session:
        link = session.scalar(select(RunSource.delta_link).where(RunSource.run_id == first.run_id))
    s.close()
    assert link.startswith(f"{standin.graph_url}/drives/") and "token=" in link

    # Between runs: one document edited, one added, one deleted, one whose columns only were edited.
    standin.put("prj-2026-100/charter.docx", document_bytes(0, "charter", defect=True, revision=2, properties=False),
                {"Department": groups(0)["department"], "Portfolio": groups(0)["portfolio"]})
    standin.put("prj-2026-104/charter.docx", document_bytes(4, "charter", properties=False))
    standin.delete("prj-2026-103/plan.docx")
    standin.touch_fields("prj-2026-102/scope.docx", Department="Group Finance")
    before = len(standin.log)
    second, _ = _audit(standin, cert, db)
    assert (second.documents, second.checked, second.reused) == (13, 2, 11)  # the unchanged PDF carried over
    asked = [path for _, path, _ in standin.log[before:] if "/root/delta" in path]
    assert asked and asked[0] == link.removeprefix(standin.url)  # the kept delta link, not a new enumeration
    docs = _docs(db, second.run_id)
    assert "Documents/prj-2026-103/plan.docx" not in docs
    assert docs["Documents/prj-2026-104/charter.docx"].checked
    assert {f.rule for f in docs["Documents/prj-2026-100/charter.docx"].findings} >= {"COM-02"}
    scope = docs["Documents/prj-2026-102/scope.docx"]
    assert not scope.checked and scope.department == "Group Finance"  # carried over, with its new column value


def test_a_folder_of_the_library_only(standin, tls, tmp_path: Path):
    result, _ = _audit(standin, tls[0], f"sqlite:///{tmp_path / 'audit.db'}", source=f"{LIBRARY}/prj-2026-102")
    assert result.documents == 3
    assert set(_docs(f"sqlite:///{tmp_path / 'audit.db'}", result.run_id)) == {
        f"Documents/prj-2026-102/{k}.docx" for k in ("charter", "scope", "plan")}


def test_throttling_is_waited_out_and_an_expired_delta_link_resyncs(standin, tls, tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    standin.throttle = [3, 1.5]  # the next two Graph requests get 429 with these Retry-After values
    first, sleeps = _audit(standin, tls[0], db)
    assert sleeps[:2] == [3.0, 1.5] and first.checked == 13
    standin.expire_delta_links()
    before = len(standin.log)
    second, _ = _audit(standin, tls[0], db)
    paths = [path for _, path, _ in standin.log[before:] if "/root/delta" in path]
    assert "token=" in paths[0]  # answered 410: enumerated again from the start
    assert "token=" not in paths[1] and "/root/delta?%24select=" in paths[1]
    assert second.documents == 13 and second.checked == 0 and second.reused == 13  # resynced; cTags still match


def test_write_back_with_if_match_is_no_edit_for_the_next_audit(standin, tls, tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    settings = _settings(standin, write_back=True)
    first, _ = _audit(standin, tls[0], db, settings, write_back=True)
    node = standin.file("prj-2026-101/charter.docx")
    assert node.fields["PMOAuditScore"] == 100.0 and node.fields["PMOAuditStatus"] == "Pass"
    assert node.modified_by == "pmo-check audit" and node.version == 2 and node.content_version == 1
    patches = [e for e in standin.log if e[0] == "PATCH"]
    assert len(patches) == 12
    second, _ = _audit(standin, tls[0], db, settings, write_back=True)
    assert second.checked == 0 and second.reused == 13  # the new eTags are no edit; the PDF's cTag is unchanged too

    # A column edited after the check: 412, the cTag still matches, written with the new eTag. A document
    # edited after the check: 412, the cTag moved on, left for the next audit.
    standin.touch_fields("prj-2026-101/charter.docx", Department="Someone edited this")
    edited = standin.put("prj-2026-101/scope.docx", document_bytes(1, "scope", revision=3, properties=False))
    s = open_store(db, migrate=False)
    try:
        with s.sessions.begin() as session:  # as if the second run had checked them
            for doc in session.scalars(select(Document).where(Document.run_id == second.run_id,
                                                              Document.path.like("%prj-2026-101/%"))):
                doc.checked = True
        source = LibrarySource(parse_library(LIBRARY), app_graph(settings, http_client=_session(tls[0]),
                                                                 session_factory=lambda: _session(tls[0])), settings)
        before = len(standin.log)
        written = source.write_back(s.sessions, second.run_id, 1)
    finally:
        s.close()
    statuses = [e[0] for e in standin.log[before:]]
    # charter: 412, then written; scope: 412, left alone; plan: written at once.
    assert written == 2 and statuses.count("PATCH") == 4
    assert standin.file("prj-2026-101/charter.docx").fields["Department"] == "Someone edited this"
    assert edited.fields.get("PMOAuditScore") == 100.0 and edited.version == 3  # from the first run only


def test_msal_with_a_certificate_credential(standin, tls, tmp_path: Path):
    (tmp_path / "app").mkdir()
    app_cert, app_key = make_certificate(tmp_path / "app")
    pem = tmp_path / "app.pem"
    pem.write_text(app_key.read_text() + app_cert.read_text())
    from cryptography import x509

    standin.cert_public = x509.load_pem_x509_certificate(app_cert.read_bytes()).public_key()
    settings = AuditSettings(tenant_id=TENANT, client_id=CLIENT_ID, client_cert=str(pem), authority_host=standin.url,
                             graph_url=standin.graph_url, token_cache=str(tmp_path / "tokens.json"))
    graph = app_graph(settings, http_client=_session(tls[0]), session_factory=lambda: _session(tls[0]))
    assert graph.get_json("sites/contoso.sharepoint.com:/sites/pmo")["id"].startswith("contoso.sharepoint.com,")
    form = standin.token_requests[-1]
    assert form["client_assertion_type"] == ["urn:ietf:params:oauth:client-assertion-type:jwt-bearer"]
    assert "client_secret" not in form and form["scope"][0].endswith("/.default")
    assert oct(os.stat(tmp_path / "tokens.json").st_mode & 0o777) == "0o600"
    # A second app reads the cached token from the file: no new token request.
    again = app_graph(settings, http_client=_session(tls[0]), session_factory=lambda: _session(tls[0]))
    count = len(standin.token_requests)
    again.get_json("sites/contoso.sharepoint.com:/sites/pmo")
    assert len(standin.token_requests) == count
    wrong = AuditSettings(tenant_id=TENANT, client_id=CLIENT_ID, client_secret="wrong", authority_host=standin.url,
                          graph_url=standin.graph_url)
    with pytest.raises(GraphError, match="refused the audit app's credential"):
        app_graph(wrong, http_client=_session(tls[0])).get_json("sites/x")


def test_graph_client_gives_up_on_a_retry_after_too_long(standin, tls):
    standin.throttle = [900]
    token = app_graph(_settings(standin), http_client=_session(tls[0])).token
    client = GraphClient(standin.graph_url, token, session_factory=lambda: _session(tls[0]), max_wait=60)
    with pytest.raises(GraphError, match="asks to wait 900 s"):
        client.get_json("sites/contoso.sharepoint.com:/sites/pmo")


def test_the_command_line_audits_the_library_and_a_second_run_checks_only_changes(standin, tls, tmp_path: Path):
    for i in range(4, 40):  # a library of a hundred-odd documents
        for kind in ("charter", "scope", "plan"):
            standin.put(f"prj-2026-{100 + i:03d}/{kind}.docx", document_bytes(i, kind, properties=False))
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PMO_CHECK_")}, "PYTHONPATH": str(ROOT),
           "PMO_CHECK_TENANT_ID": TENANT, "PMO_CHECK_CLIENT_ID": CLIENT_ID, "PMO_CHECK_CLIENT_SECRET": SECRET,
           "PMO_CHECK_AUTHORITY_HOST": standin.url, "PMO_CHECK_GRAPH_URL": standin.graph_url,
           "REQUESTS_CA_BUNDLE": str(tls[0])}
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    cmd = [sys.executable, "-m", "checker.cli", "audit", LIBRARY, "--db", db, "--workers", "2"]
    first = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr  # the PDF is skipped, never a failure (as `check` in a folder)
    assert ("audit run 1 finished: 121 documents (121 checked, 0 unchanged), 0 unreadable, "
            "1 skipped (not Word or Excel), 40 projects") in first.stdout
    standin.put("prj-2026-120/plan.docx", document_bytes(20, "plan", defect=True, revision=2, properties=False))
    second = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert "audit run 2 finished: 121 documents (1 checked, 120 unchanged)" in second.stdout, second.stderr
    card = subprocess.run([sys.executable, "-m", "checker.cli", "scorecard", "--db", db, "--format", "json"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert card.returncode == 0 and '"schema": "pmo-check/scorecard@1"' in card.stdout
    s = open_store(db, migrate=False)
    with s.sessions() as session:
        assert [r.status for r in session.scalars(select(Run))] == ["finished", "finished"]
    s.close()


def test_annotated_copies_of_library_documents(standin, tls, tmp_path: Path):
    from docx import Document as open_docx

    standin.put("prj-2026-102/charter.docx", document_bytes(2, "charter", defect=True, revision=2, properties=False))
    out = tmp_path / "annotated"
    result, _ = _audit(standin, tls[0], f"sqlite:///{tmp_path / 'audit.db'}", source=f"{LIBRARY}/prj-2026-102",
                       annotate=str(out))
    copy = out / "Documents" / "prj-2026-102" / "charter.docx"  # at the document's path in the library
    assert result.checked == 3 and sorted(p.name for p in out.rglob("*.docx")) == ["charter.docx"]
    assert any("COM-02" in c.text for c in open_docx(str(copy)).comments)
