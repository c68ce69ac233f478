"""Fixtures of the service tests: one check pool for the session, a certificate, a stand-in identity
provider over HTTPS, and apps built around them."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from addin_service import create_app, load_settings
from checker.run.pool import CheckPool
from tests.addin.identity import CLIENT_ID, TENANT, IdentityProvider
from tests.addin.served import Served, start
from tests.support.local_https import make_certificate


@pytest.fixture(scope="session")
def pool() -> Iterator[CheckPool]:
    with CheckPool(workers=2, timeout=20) as shared:
        yield shared


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def idp(tls: tuple[Path, Path]) -> Iterator[IdentityProvider]:
    """The identity provider; outgoing HTTPS of this process trusts its certificate (REQUESTS_CA_BUNDLE)."""
    previous = os.environ.get("REQUESTS_CA_BUNDLE")
    os.environ["REQUESTS_CA_BUNDLE"] = str(tls[0])
    provider = IdentityProvider(*tls)
    yield provider
    provider.close()
    if previous is None:
        os.environ.pop("REQUESTS_CA_BUNDLE", None)
    else:
        os.environ["REQUESTS_CA_BUNDLE"] = previous


def sign_in_env(idp: IdentityProvider) -> dict[str, str]:
    return {"PMO_CHECK_TENANT_ID": TENANT, "PMO_CHECK_CLIENT_ID": CLIENT_ID, "PMO_CHECK_AUTHORITY_HOST": idp.url}


@pytest.fixture(scope="session")
def served(tls: tuple[Path, Path], idp: IdentityProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`pmo-check serve` over HTTPS with the test certificate, signing in against the stand-in provider."""
    cert, key = tls
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    server = start(["--cert", str(cert), "--key", str(key)], {**sign_in_env(idp), "REQUESTS_CA_BUNDLE": str(cert)},
                   log, cert)
    yield server
    code, text = server.stop()
    assert code == 0, text
    assert "Traceback" not in text


@pytest.fixture()
def make_app(pool: CheckPool) -> Callable[..., Any]:
    """An app around the session's pool: make_app(env=…, config=…, **settings)."""

    def make(env: dict[str, str] | None = None, config: str | None = None, **overrides: Any):
        settings = load_settings(config, env=env or {}, **overrides)
        return create_app(settings, pool=pool)

    return make


@pytest.fixture()
def dev_client(make_app: Callable[..., Any]):
    return make_app(dev=True).test_client()


@pytest.fixture()
def signed_app(make_app: Callable[..., Any], idp: IdentityProvider):
    return make_app(env=sign_in_env(idp))
