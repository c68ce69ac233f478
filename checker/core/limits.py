"""Resource bounds of the opening layer (docs/security.md)."""
from __future__ import annotations

from dataclasses import dataclass

MiB = 2**20


@dataclass(frozen=True)
class Limits:
    """Resource bounds for one file. Defaults are generous for real PMO documents yet safe."""

    max_file_bytes: int = 200 * MiB
    max_total_uncompressed: int = 1 * 2**30
    max_entry_uncompressed: int = 512 * MiB
    max_ratio: float = 200.0  # per entry, uncompressed/compressed, for entries > 1 MiB; and for the
    # whole package once it unpacks to more than 16 MiB (many small entries, each under the floor)
    max_entries: int = 10_000
