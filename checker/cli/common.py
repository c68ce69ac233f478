"""What the commands share: the argument parser that exits 2 with a short message, option types."""
from __future__ import annotations

import argparse
import sys

FORMATS = ("text", "json")


class Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad options already; keep its message short and on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"pmo-check: error: {message}\n")
        raise SystemExit(2)


def count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def mib(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def seconds(text: str) -> float:
    value = float(text)
    if not 0 < value < 1e6:
        raise ValueError(text)
    return value
