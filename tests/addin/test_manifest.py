"""The add-in manifest, validated structurally (the official validator needs the internet): element
order of the schema, required elements, hosts, permissions, HTTPS URLs, resource ids, string limits."""
from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

import pytest

from addin_service.manifest import render_manifest
from addin_service.settings import load_settings

NS = {"o": "http://schemas.microsoft.com/office/appforoffice/1.1",
      "v": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
# The schema's order of OfficeApp's children (manifest element ordering, Microsoft's docs).
TOP_ORDER = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
             "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
             "Permissions", "Dictionary", "VersionOverrides", "ExtendedOverrides"]
REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
            "HighResolutionIconUrl", "SupportUrl", "Hosts", "DefaultSettings", "Permissions"]
VO_ORDER = ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "VersionOverrides",
            "WebApplicationInfo"]
CONTROL_ORDER = ["Label", "Supertip", "Icon", "Action"]
XSI_TYPE = f"{{{NS['xsi']}}}type"


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def in_order(children: list[str], order: list[str]) -> bool:
    positions = [order.index(c) for c in children]
    return positions == sorted(positions)


@pytest.fixture(params=["plain", "sso"])
def manifest(request) -> tuple[ET.Element, str]:
    env = {"PMO_CHECK_CLIENT_ID": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"} if request.param == "sso" else {}
    settings = load_settings(env=env, public_url="https://pmo.example.com/", addin_id="6a1f3e9c-2b4d-4e8f-9a0b-1c2d3e4f5a6b")
    text = render_manifest(settings)
    return ET.fromstring(text.encode("utf-8")), text


def test_top_level_structure(manifest) -> None:
    root, _ = manifest
    assert local(root.tag) == "OfficeApp" and root.get(XSI_TYPE) == "TaskPaneApp"
    children = [local(c.tag) for c in root]
    assert in_order(children, TOP_ORDER), children
    assert set(REQUIRED) <= set(children)
    assert len(children) == len(set(children))
    assert uuid.UUID(root.find("o:Id", NS).text) == uuid.UUID("6a1f3e9c-2b4d-4e8f-9a0b-1c2d3e4f5a6b")
    assert re.fullmatch(r"\d{1,5}(\.\d{1,5}){0,3}", root.find("o:Version", NS).text)
    assert [h.get("Name") for h in root.find("o:Hosts", NS)] == ["Document", "Workbook"]
    assert root.find("o:Permissions", NS).text == "ReadWriteDocument"
    assert root.find("o:Requirements", NS) is None  # it would keep the add-in out of one of the hosts
    assert root.find("o:DefaultSettings/o:SourceLocation", NS).get("DefaultValue") == "https://pmo.example.com/taskpane.html"


def test_urls_strings_and_resources(manifest) -> None:
    root, text = manifest
    for value in re.findall(r'(?:DefaultValue|Value)="(https?://[^"]*)"', text):
        assert value.startswith("https://pmo.example.com/") and len(value) <= 2048, value
    assert len(root.find("o:DisplayName", NS).get("DefaultValue")) <= 125
    assert len(root.find("o:Description", NS).get("DefaultValue")) <= 250
    vo = root.find("v:VersionOverrides", NS)
    assert vo.get(XSI_TYPE) == "VersionOverridesV1_0"
    assert in_order([local(c.tag) for c in vo], VO_ORDER)
    resources = vo.find("v:Resources", NS)
    ids = {kind: {e.get("id"): e for e in resources.find(f"bt:{kind}", NS)} for kind in ("Images", "Urls", "ShortStrings", "LongStrings")}
    for s in ids["ShortStrings"].values():
        assert len(s.get("DefaultValue")) <= 125 and all(len(o.get("Value")) <= 125 for o in s)
    for s in ids["LongStrings"].values():
        assert len(s.get("DefaultValue")) <= 250 and all(len(o.get("Value")) <= 250 for o in s)
    every = {i for group in ids.values() for i in group}
    for element in vo.iter():
        if element.get("resid") is not None:
            assert element.get("resid") in every, element.get("resid")
        assert element.get("resid") is None or len(element.get("resid")) <= 32
    hosts = vo.findall("v:Hosts/v:Host", NS)
    assert [h.get(XSI_TYPE) for h in hosts] == ["Document", "Workbook"]
    for host in hosts:
        group = host.find("v:DesktopFormFactor/v:ExtensionPoint/v:OfficeTab/v:Group", NS)
        assert sorted(int(i.get("size")) for i in group.find("v:Icon", NS)) == [16, 32, 80]
        control = group.find("v:Control", NS)
        assert control.get(XSI_TYPE) == "Button" and in_order([local(c.tag) for c in control], CONTROL_ORDER)
        assert control.find("v:Action", NS).get(XSI_TYPE) == "ShowTaskpane"
    control_ids = [e.get("id") for e in vo.iter() if local(e.tag) in ("Group", "Control")]
    assert len(control_ids) == len(set(control_ids))


def test_sso_block_only_with_a_client_id(manifest) -> None:
    root, _ = manifest
    info = root.find("v:VersionOverrides/v:WebApplicationInfo", NS)
    if info is None:
        return
    assert info.find("v:Id", NS).text == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    assert info.find("v:Resource", NS).text == "api://pmo.example.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def test_default_id_is_stable_per_url() -> None:
    one = load_settings(env={}, public_url="https://a.example.com").manifest_id
    assert one == load_settings(env={}, public_url="https://a.example.com").manifest_id
    assert one != load_settings(env={}, public_url="https://b.example.com").manifest_id
