"""Checks that an HTML report or scorecard is one self-contained file, shared by their tests."""
from __future__ import annotations

import re

from lxml import html as lxml_html

_CSS_URL = re.compile(r"url\(\s*['\"]?(?!#|data:)[^)'\"]+|@import", re.I)


def external_references(text: str) -> list[str]:
    """Everything in the page that a browser would load from elsewhere: src/href/xlink:href other than
    in-page anchors, <link>, <script>, <object>, <iframe>, CSS url(...) and @import. A link the reader
    may click (`<a href>`, to a project's documents) loads nothing and is allowed."""
    tree = lxml_html.fromstring(text.encode("utf-8"))
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if element.tag.split("}")[-1] == "a" and name.split("}")[-1] == "href":
                continue
            if name.split("}")[-1] in ("src", "href", "data", "srcset", "poster", "action", "background") \
                    and not value.startswith("#"):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag in ("link", "iframe", "object", "embed", "script", "base"):
            found.append(f"<{element.tag}>")
    for style in tree.iter("style"):
        found += _CSS_URL.findall(style.text or "")
    for element in tree.xpath("//*[@style]"):
        found += _CSS_URL.findall(element.get("style"))
    return found
