"""The shipped rule packs and lexicons (YAML data, no code), installed as the package `checker.rules`.

This file makes `rules/` a regular package, so that `importlib.resources` finds it in a wheel and in
an editable install (setuptools maps `checker.rules` to this folder, see pyproject.toml); it is read
through `checker.core.resources.rules_folder()`.
"""
