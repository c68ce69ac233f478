"""`pmo-check manifest --url URL`: the Office add-in manifest for a service at URL (for sideloading)."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from checker.cli.common import PLAIN_EXIT_STATUSES, command

DESCRIPTION = """\
Print the Office add-in manifest (XML) for a pmo-check service reachable at
URL, to sideload in Word and Excel or to deploy from the Microsoft 365 admin
centre (docs/service.md)."""

EXAMPLES = (("pmo-check manifest --url https://pmo.example.org > manifest.xml", "the manifest to sideload"),)


def add_parser(sub: Any) -> None:
    manifest = command(sub, "manifest", "print the Office add-in manifest for a service at URL", DESCRIPTION,
                       EXAMPLES, PLAIN_EXIT_STATUSES)
    manifest.add_argument("--url", required=True, help="the service's public https:// address")
    manifest.add_argument("--config", metavar="FILE", help="pmo-check.toml whose [service] gives the add-in id and sign-in")


def run(args: argparse.Namespace) -> int:
    from addin_service.manifest import render_manifest
    from addin_service.settings import load_settings
    from checker import ConfigError

    try:
        settings = load_settings(args.config, public_url=args.url)
    except ConfigError as exc:
        sys.stderr.write(f"pmo-check: {exc}\n")
        return 2
    sys.stdout.write(render_manifest(settings))
    return 0
