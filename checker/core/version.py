"""The tool's version: the one place it is written (pyproject.toml reads it from here)."""

VERSION = "1.0.0"
