"""The audit's settings (`[audit]` of pmo-check.toml, overridden by the contract's environment variables)
and the PMO's mapping file (CSV or YAML): what they give, and the clear errors for what is wrong."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.audit.metadata import MappingError, document_properties, load_mapping, resolve
from checker.audit.settings import load_audit_settings
from checker.audit.sources import SourceError, parse_library
from checker.core.errors import ConfigError
from tests.support.library import document_bytes, groups

TOML = """
[check]
profile = "pmbok"

[audit]
db = "postgresql+psycopg://pmo@db.example.com/pmo"
workers = 4
mapping = "maps/pmo.yaml"
columns = {portfolio = "Portfolio", department = "Dept"}
write_back = true
write_back_columns = {score = "AuditScore"}
tenant_id = "contoso.onmicrosoft.com"
client_id = "from-the-file"
client_cert = "secrets/audit.pem"
token_cache = "cache/tokens.json"
"""


def test_audit_table_then_the_environment(tmp_path: Path):
    config = tmp_path / "pmo-check.toml"
    config.write_text(TOML, encoding="utf-8")
    settings = load_audit_settings(str(config), env={"PMO_CHECK_CLIENT_ID": "from-the-env",
                                                     "PMO_CHECK_GRAPH_URL": "https://graph.example.cn/v1.0"})
    assert settings.db == "postgresql+psycopg://pmo@db.example.com/pmo" and settings.workers == 4
    assert settings.mapping == str(tmp_path / "maps" / "pmo.yaml")  # relative to the file
    assert settings.client_cert == str(tmp_path / "secrets" / "audit.pem")
    assert settings.client_id == "from-the-env" and settings.graph_url == "https://graph.example.cn/v1.0"
    assert settings.columns == {"portfolio": "Portfolio", "department": "Dept"}
    assert settings.write_back and settings.write_back_columns == {"score": "AuditScore", "status": "PMOAuditStatus"}
    settings.require_app()  # tenant, client id and a credential are all there


@pytest.mark.parametrize("table, message", [
    ('colour = "blue"', "unknown key(s) 'colour'"),
    ("workers = 0", "workers must be a whole number between 1 and 1024"),
    ('graph_url = "http://graph.example.com/v1.0"', "graph_url must be an https:// URL"),
    ('columns = {owner = "Owner"}', "columns: unknown key(s) owner"),
    ('write_back = "yes"', "write_back must be true or false"),
])
def test_a_bad_audit_setting_names_the_key(tmp_path: Path, table: str, message: str):
    config = tmp_path / "pmo-check.toml"
    config.write_text(f"[audit]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_audit_settings(str(config), env={})


def test_sharepoint_needs_the_apps_registration():
    with pytest.raises(ConfigError, match="PMO_CHECK_TENANT_ID, PMO_CHECK_CLIENT_ID, PMO_CHECK_CLIENT_SECRET"):
        load_audit_settings(None, env={}).require_app()


def test_library_addresses():
    a = parse_library("sharepoint://Contoso.sharepoint.com/sites/pmo/Shared%20Documents/Apollo/2026")
    assert (a.host, a.site_path, a.library, a.folder) == ("contoso.sharepoint.com", "sites/pmo", "Shared Documents",
                                                          "Apollo/2026")
    assert a.uri == "sharepoint://contoso.sharepoint.com/sites/pmo/Shared Documents/Apollo/2026"
    with pytest.raises(SourceError, match="sharepoint://HOST/sites/SITE/LIBRARY"):
        parse_library("sharepoint://contoso.sharepoint.com/pmo")


def test_mapping_files_and_what_wins(tmp_path: Path):
    yaml_file = tmp_path / "pmo.yaml"
    yaml_file.write_text("- {project: PRJ-2026-101, portfolio: Transformation}\n"
                         "- {path: '*/finance/*', department: Group Finance}\n", encoding="utf-8")
    mapping = load_mapping(str(yaml_file))
    doc = tmp_path / "charter.docx"
    doc.write_bytes(document_bytes(1, "charter"))
    properties = document_properties(str(doc))
    assert properties == {"portfolio": groups(1)["portfolio"], "department": groups(1)["department"]}
    got = resolve(mapping, project="prj-2026-101", path="lib/finance/charter.docx", columns={"department": "Column Dept"},
                  properties=properties, named_manager="Ana Costa")
    # The mapping by project wins; the path entry is not reached once the project matched; then columns, then properties.
    assert got == {"portfolio": "Transformation", "department": "Column Dept", "manager": "Ana Costa"}
    by_path = resolve(mapping, project="PRJ-9", path="lib/finance/plan.docx", columns={}, properties={}, named_manager=None)
    assert by_path == {"portfolio": None, "department": "Group Finance", "manager": None}
    assert document_properties(data=b"not a zip") == {}
    broken = tmp_path / "broken.yaml"
    broken.write_text("project: [unclosed\n", encoding="utf-8")
    with pytest.raises(MappingError, match="not valid YAML"):
        load_mapping(str(broken))
    no_key = tmp_path / "no-key.csv"
    no_key.write_text("portfolio\nDigital\n", encoding="utf-8")
    with pytest.raises(MappingError, match="line 2: give the project id or a path glob"):
        load_mapping(str(no_key))
