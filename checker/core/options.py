"""What a run may set: the check date, a rule subset, resource bounds and the configuration."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from typing import Any

from checker.core.limits import Limits


@dataclass(frozen=True)
class Options:
    """What a run may set: the check date, a rule subset, resource bounds and the configuration."""

    today: date | None = None  # the check date ages are measured against; None: `[check] as_of`, else today
    rule_ids: frozenset[str] | None = None  # only these rules (ids or globs such as "RR-*"), when given
    ignore: frozenset[str] = frozenset()  # never these rules (ids or globs)
    # Resource bounds (docs/security.md): the opening layer's limits, and for a run the executor's.
    limits: Limits = Limits()
    workers: int | None = None  # worker processes for several documents; None: one per CPU, 0: inline
    timeout: float = 60.0  # seconds per document; over it the entry is the `timeout` error
    memory_limit: int | None = 2**30  # address space per worker process, bytes; None: no cap
    isolate: bool = False  # check even a single document in a worker process (service, audit)
    # Tailoring (docs/configuration.md): an explicit checker.config.settings.Config, else (discover=True) the
    # pmo-check.toml nearest to each document; neither: the defaults.
    config: Any = None
    discover: bool = True

    def selects(self, rule_id: str) -> bool:
        """The rule runs: it matches `rule_ids` (when given) and no `ignore` pattern (`--select`/`--ignore`)."""
        if self.rule_ids is not None and not any(fnmatchcase(rule_id, p) for p in self.rule_ids):
            return False
        return not any(fnmatchcase(rule_id, p) for p in self.ignore)
    # Keep each document's summary (checker.analysis.summary) in the report: the audit stores them to
    # review projects later; a printed report leaves them out (docs/project-view.md).
    summaries: bool = False
    # A stage gate (G0…G4) to assess every project for: each project then carries the contract's
    # `gate` block (ready / conditional / not-ready), as `pmo-check gate` prints it.
    gate: str | None = None
