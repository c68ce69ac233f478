"""Where the shipped rule packs and lexicons are: the one place that locates the top-level `rules/` folder.

`rules/` stays at the top of the repository (data, not code) and travels in the distribution as the
package `checker.rules` (pyproject.toml maps it). A wheel has it at `checker/rules/`; a source tree —
a plain checkout run with `python -m checker.cli`, or an editable install of it — has it beside the
`checker` package. A source tree always reads its own `rules/`: with some other checkout installed in
editable mode, `checker.rules` would resolve to that checkout's packs.
"""
from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

RULES_PACKAGE = "checker.rules"


def rules_folder() -> Traversable:
    """The rules folder: rule packs (`*.yaml`), `profiles.yaml` and `lexicons/`. Read it through the
    Traversable API (`/`, `iterdir()`, `open()`), which works in a checkout and in an installed wheel."""
    source = Path(__file__).resolve().parents[2]
    if (source / "pyproject.toml").is_file() and (source / "rules" / "__init__.py").is_file():
        return source / "rules"
    return resources.files(RULES_PACKAGE)
