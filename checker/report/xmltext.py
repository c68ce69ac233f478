"""Text that XML 1.0 can carry: documents may hold control characters (a Word vertical tab, a stray
NUL in a cell) that an XML writer refuses; reports and annotated copies drop them."""
from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)
