"""Readers turn a vetted file (`checker.io.safe_open.Opened`) into the format-neutral `Document`.

`read_document` is the only entry point the engine uses. It is also the last line of defence: the
readers parse hostile input with third-party libraries whose failure modes are open-ended, so any
unexpected exception becomes a `corrupt` ReadError with a one-line message. A traceback must never
reach a report.
"""
from __future__ import annotations

import zipfile
import zlib
from typing import TYPE_CHECKING, Callable

from checker.core.errors import ReadError

if TYPE_CHECKING:
    from checker.io.safe_open import Opened
    from checker.model.document import Document

_MESSAGE_LIMIT = 200


def read_document(opened: "Opened") -> "Document":
    """Parse an opened file with the reader for its format; raises only `ReadError`."""
    reader = _reader_for(opened.format)
    try:
        return reader(opened.path, opened.data, opened.format)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("too-large", "The file is too large to read within the available memory.") from None
    except RecursionError:
        raise ReadError("corrupt", "The file could not be read: its structure is nested too deeply.") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # a part's data, not the zip directory
        raise ReadError("corrupt", f"The file is damaged: part of its zip archive cannot be unpacked ({_short(exc)}).") from None
    except Exception as exc:  # noqa: BLE001 - the point is to contain whatever a parser throws
        raise ReadError("corrupt", f"The file could not be read: {type(exc).__name__}: {_short(exc)}") from None


def _reader_for(fmt: str) -> Callable[[str, bytes, str], "Document"]:
    """Import the reader lazily (python-docx and openpyxl are heavy).

    The import sits outside the exception guard on purpose: a broken reader module is a bug of
    ours, and reporting it as "corrupt file" for every document would hide it.
    """
    if fmt in ("docx", "docm"):
        from checker.io.readers.docx import read_docx

        return read_docx
    if fmt in ("xlsx", "xlsm"):
        from checker.io.readers.xlsx import read_xlsx

        return read_xlsx
    raise ReadError("unsupported-format", f"The format {fmt!r} is not a Word or Excel document.")


def _short(exc: BaseException) -> str:
    """The exception's first line, trimmed: enough to diagnose, never a traceback."""
    text = str(exc).strip()
    line = text.splitlines()[0].strip() if text else ""
    if not line:
        return "no details"
    return line if len(line) <= _MESSAGE_LIMIT else line[: _MESSAGE_LIMIT - 1] + "…"
