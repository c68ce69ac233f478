"""A throwaway PostgreSQL server for the audit store's tests, where the machine has Debian's postgresql.

`Server()` runs `initdb` and `pg_ctl start` in a fresh folder of the system's temporary folder (as the
`postgres` user when the tests run as root, since PostgreSQL refuses root; pytest's own folders are
private to root), listening on a Unix socket only; `url` is its SQLAlchemy URL, `stop()` removes it
all. `why_not()` says why no server can be started, for a clear skip.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def why_not() -> str | None:
    """None when a server can be started here, else the reason."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        return "PostgreSQL is not installed here (Debian: apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start the server as 'postgres'"
    return None


def _as_server(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class Server:
    def __init__(self) -> None:
        folder = self.folder = Path(tempfile.mkdtemp(prefix="pmo-check-pg-"))
        self.data = folder / "data"
        self.socket = folder / "socket"
        self.socket.mkdir()
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            for path in (folder, self.socket):
                os.chown(path, user.pw_uid, user.pw_gid)
            os.chmod(folder, 0o755)
        subprocess.run(_as_server([_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                                   "--no-sync", "-E", "UTF8"]), check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses='' -k {self.socket} -c fsync=off"
        subprocess.run(_as_server([_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-t", "60",
                                   "-l", str(folder / "server.log"), "start"]),
                       check=True, capture_output=True, timeout=90)
        subprocess.run(_as_server([_bin("createdb") or "createdb", "-h", str(self.socket), "-U", "postgres", "pmo"]),
                       check=True, capture_output=True, timeout=60)
        self.url = f"postgresql+psycopg://postgres@/pmo?host={self.socket}"

    def stop(self) -> None:
        subprocess.run(_as_server([_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)
