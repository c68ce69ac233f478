"""The Office add-in manifest (XML, add-in only), rendered for one public URL.

One manifest serves Word (`Document`) and Excel (`Workbook`): no `<Requirements>` element, since a
WordApi requirement would stop it loading in Excel and vice versa; the task pane checks API sets at
run time instead. With a client id configured, `<WebApplicationInfo>` enables Office SSO for the
pane. `pmo-check manifest --url …` prints the same XML as `GET /manifest.xml`.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from addin_service.settings import ServiceSettings
from checker import __version__

TEXTS = {
    "name": {"en": "PMO Check", "zh": "PMO 合规检查"},
    "description": {"en": "Checks project documents against the PMO standard and shows the findings where you write.",
                    "zh": "按 PMO 标准检查项目文档，并在编辑处显示问题。"},
}
SHORT_STRINGS = (
    ("PMO.Group.Label", {"en": "PMO", "zh": "PMO"}),
    ("PMO.Button.Label", {"en": "Check document", "zh": "检查文档"}),
    ("PMO.GetStarted.Title", {"en": "PMO Check is ready", "zh": "PMO 合规检查已就绪"}),
)
LONG_STRINGS = (
    ("PMO.Button.Tooltip", {"en": "Open the PMO Check pane: the compliance score and findings of this document.",
                            "zh": "打开 PMO 合规检查窗格：查看本文档的合规得分和问题。"}),
    ("PMO.GetStarted.Description", {"en": "On the Home tab, choose Check document to see the findings.",
                                    "zh": "在“开始”选项卡上选择“检查文档”查看问题。"}),
)
_ENV = Environment(loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")),
                   autoescape=select_autoescape(["xml", "html"]), keep_trailing_newline=True)


def manifest_version() -> str:
    """The manifest's <Version>: the checker's version as four dot-separated numbers."""
    parts = [p for p in __version__.split(".") if p.isdigit()][:4]
    return ".".join(parts + ["0"] * (4 - len(parts)))


def render_manifest(settings: ServiceSettings) -> str:
    base = settings.base_url
    sso = None
    if settings.client_id:
        resource = next((a for a in settings.audiences if a.startswith("api://")),
                        f"api://{urlsplit(base).netloc}/{settings.client_id}")
        sso = {"client_id": settings.client_id, "resource": resource}
    return _ENV.get_template("manifest.xml").render(
        addin_id=settings.manifest_id, version=manifest_version(), provider="pmo-check", base=base, texts=TEXTS,
        short_strings=SHORT_STRINGS, long_strings=LONG_STRINGS, sso=sso)
