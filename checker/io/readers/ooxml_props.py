"""Document properties shared by the Word and Excel readers.

Both formats store core properties in `docProps/core.xml` and custom properties in
`docProps/custom.xml`, so the parsing lives here once. The parts come from untrusted files: the
parser never resolves entities, loads a DTD or touches the network, and a malformed part yields
empty properties instead of failing the whole check (properties are metadata, not content).
"""
from __future__ import annotations

from datetime import datetime

from lxml import etree

from checker.model.elements import Properties

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"

# Properties field -> Clark tag of the core-properties element holding it.
_CORE_TEXT = {
    "title": f"{{{_DC}}}title",
    "subject": f"{{{_DC}}}subject",
    "author": f"{{{_DC}}}creator",
    "last_modified_by": f"{{{_CP}}}lastModifiedBy",
    "keywords": f"{{{_CP}}}keywords",
    "category": f"{{{_CP}}}category",
}
_CORE_DATES = {"created": f"{{{_DCTERMS}}}created", "modified": f"{{{_DCTERMS}}}modified"}


def safe_parser() -> etree.XMLParser:
    """An lxml parser that is safe for untrusted XML (no entities, DTDs, network or huge trees)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _parse(xml_bytes: bytes | None) -> etree._Element | None:
    if not xml_bytes:
        return None
    try:
        return etree.fromstring(xml_bytes, safe_parser())
    except etree.XMLSyntaxError:
        return None


def _parse_datetime(text: str) -> datetime | None:
    """W3CDTF as Office writes it ('2024-03-01T08:00:00Z'); anything unparseable becomes None."""
    t = text.strip()
    if not t:
        return None
    if t.endswith(("Z", "z")):
        t = t[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(t)
    except ValueError:
        return None


def parse_core_properties(xml_bytes: bytes | None) -> Properties:
    """`docProps/core.xml` → Properties (custom left empty; see parse_custom_properties)."""
    props = Properties()
    root = _parse(xml_bytes)
    if root is None:
        return props
    for name, tag in _CORE_TEXT.items():
        el = root.find(tag)
        if el is not None:
            setattr(props, name, "".join(el.itertext()).strip())
    for name, tag in _CORE_DATES.items():
        el = root.find(tag)
        if el is not None:
            setattr(props, name, _parse_datetime("".join(el.itertext())))
    return props


def parse_custom_properties(xml_bytes: bytes | None) -> dict[str, str]:
    """`docProps/custom.xml` → {property name: text of its vt:* value}, in document order."""
    out: dict[str, str] = {}
    root = _parse(xml_bytes)
    if root is None:
        return out
    for prop in root.iterchildren(f"{{{_CUSTOM}}}property"):
        name = (prop.get("name") or "").strip()
        if not name:
            continue
        value = next(prop.iterchildren(etree.Element), None)
        out[name] = "".join(value.itertext()).strip() if value is not None else ""
    return out
