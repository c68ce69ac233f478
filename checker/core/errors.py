"""The contract's document-level error codes, raised by the opening layer and the readers."""
from __future__ import annotations

from typing import Literal

ErrorCode = Literal["not-found", "unsupported-format", "legacy-format", "encrypted", "corrupt", "too-large", "timeout"]


class ReadError(Exception):
    """A file that cannot be checked; becomes `{"code": ..., "message": ...}` in the report."""

    def __init__(self, code: ErrorCode, message: str):
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class PackError(Exception):
    """A rule pack that cannot be used; the CLI reports it and exits 2."""


class ConfigError(PackError):
    """A pmo-check.toml (or config dict, or organisation pack) that cannot be used.

    The only exception `checker.check()` raises: the configuration is the caller's input, not a
    document. The CLI prints the message and exits 2 without a report.
    """
