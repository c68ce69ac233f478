"""What goes into the wheel: every package of the source tree, and the rule packs as `checker.rules`.

.ci/run builds the wheel and checks the samples with it; these tests catch the usual ways of breaking
it earlier: a new package not listed in pyproject.toml, or a data folder the wheel would leave out.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from checker.core.resources import RULES_PACKAGE, rules_folder

ROOT = Path(__file__).resolve().parents[1]

SHIPPED = ("checker", "addin_service")  # top-level folders whose packages the wheel carries


def _setuptools() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["tool"]["setuptools"]


def _packages_on_disk() -> set[str]:
    found: set[str] = set()
    for top in SHIPPED:
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found


def _rules_packages() -> dict[str, Path]:
    """`checker.rules` and one package per sub-folder of rules/ that holds YAML, with their folders."""
    out = {RULES_PACKAGE: ROOT / "rules"}
    for folder in sorted(p for p in (ROOT / "rules").rglob("*") if p.is_dir() and any(p.glob("*.yaml"))):
        out[".".join((RULES_PACKAGE, *folder.relative_to(ROOT / "rules").parts))] = folder
    return out


def test_every_package_is_listed_in_pyproject():
    listed = set(_setuptools()["packages"])
    expected = _packages_on_disk() - {"rules"} | set(_rules_packages())
    assert sorted(expected - listed) == [], "add these to [tool.setuptools] packages in pyproject.toml"
    assert sorted(listed - expected) == [], "these are listed in pyproject.toml but are not packages on disk"


def test_the_rules_folder_travels_as_checker_rules_with_all_its_yaml():
    config = _setuptools()
    assert config["package-dir"] == {RULES_PACKAGE: "rules"}
    for package, folder in _rules_packages().items():
        assert "*.yaml" in config["package-data"].get(package, []), f"{package} ({folder}) ships no YAML"


def test_a_checkout_reads_its_own_rules_folder():
    # Also when another checkout is installed in editable mode, whose `checker.rules` importlib would find.
    folder = rules_folder()
    assert Path(str(folder)) == ROOT / "rules"
    assert (folder / "profiles.yaml").is_file() and (folder / "lexicons" / "doctypes.yaml").is_file()
