"""The layering stays true: import-linter's contracts hold, no module reaches into another's private
names, and no test module depends on another test module (shared helpers live in tests/support/)."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]

# Known exceptions, each waiting for a change under way that removes it. A test fails when an entry is
# no longer needed, so these lists only shrink.
KNOWN_PRIVATE_USES: set[tuple[str, str]] = set()
KNOWN_TEST_IMPORTS: set[tuple[str, str]] = set()


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _absolute(module: str | None, level: int, path: Path) -> str:
    """The absolute name of an `ImportFrom`'s module, relative imports resolved against `path`."""
    if not level:
        return module or ""
    package = list(path.relative_to(ROOT).with_suffix("").parts)[:-level]
    return ".".join([*package, *([module] if module else [])])


def _private_uses(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module.name) for each private name of another module this file imports or reaches."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    modules: dict[str, str] = {}  # local name -> module of checker it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(node.module, node.level, path)
            if not source.startswith("checker"):
                continue
            for alias in node.names:
                if _private(alias.name):
                    yield node.lineno, f"{source}.{alias.name}"
                else:
                    modules[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("checker"):
                    modules[alias.asname or alias.name.split(".")[0]] = alias.asname and alias.name or "checker"
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                and node.value.id in modules):
            yield node.lineno, f"{modules[node.value.id]}.{node.attr}"


def test_import_linter_contracts_hold():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports; "
                               "raise SystemExit(lint_imports(config_filename='.importlinter', no_cache=True))"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_uses_a_private_name_of_another():
    found = {(path.relative_to(ROOT).as_posix(), line, name)
             for path in sorted((ROOT / "checker").rglob("*.py")) for line, name in _private_uses(path)}
    unexpected = sorted(f"{where}:{line}: {name}" for where, line, name in found
                        if (where, name) not in KNOWN_PRIVATE_USES)
    assert unexpected == [], "make the name public (and give it a docstring) or move it where it is used"
    gone = KNOWN_PRIVATE_USES - {(where, name) for where, _, name in found}
    assert gone == set(), "no longer used: delete these entries from KNOWN_PRIVATE_USES"


def _imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node.module, node.level, path)
            yield node.lineno, source
            for alias in node.names:  # `from tests import test_x` imports the module test_x
                yield node.lineno, f"{source}.{alias.name}"


def _test_module(name: str) -> str | None:
    """`tests.test_x` for a name that is, or is inside, a test module; else None."""
    parts = name.split(".")
    for i, part in enumerate(parts):
        if part.startswith("test_"):
            return ".".join(parts[:i + 1])
    return None


def test_no_test_module_imports_another():
    found = {(path.relative_to(ROOT).as_posix(), line, module)
             for top in ("tests", "features", "benchmarks") for path in sorted((ROOT / top).rglob("*.py"))
             for line, name in _imported_modules(path) if (module := _test_module(name))}
    unexpected = sorted(f"{where}:{line}: imports {module}" for where, line, module in found
                        if (where, module) not in KNOWN_TEST_IMPORTS)
    assert unexpected == [], "move what tests share into tests/support/"
    gone = KNOWN_TEST_IMPORTS - {(where, module) for where, _, module in found}
    assert gone == set(), "no longer imported: delete these entries from KNOWN_TEST_IMPORTS"
