"""A real terminal for tests: a tmux pane of a given size running one command, read as a person sees it.

tmux is a terminal emulator: what `screen()` returns is what the pane shows, wide (Chinese) characters
two cells wide, and `history(joined=True)` joins the lines the terminal itself wrapped, so comparing it
with `history()` tells whether anything ran past the right edge. Each `Terminal` has its own tmux server
(its own socket), which it kills when closed: other tmux sessions on the machine are never touched.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Callable

from tests.support.cli import ROOT

TMUX = shutil.which("tmux")
EXIT_MARK = "PMO-CHECK-EXIT="


class Terminal:
    """`argv` (`python -m checker.cli …` with this checkout's code) in a `width`×`height` tmux pane."""

    def __init__(self, argv: list[str], workdir: Path, width: int = 80, height: int = 40,
                 env: dict[str, str] | None = None) -> None:
        assert TMUX, "tmux is not installed"
        self.socket = f"pmo-check-test-{uuid.uuid4().hex[:12]}"
        self.tag = uuid.uuid4().hex  # in the environment of the command and of every process it starts
        conf = workdir / f"{self.socket}.conf"
        conf.write_text("set -g history-limit 200000\nset -g status off\n", encoding="utf-8")
        variables = {"PYTHONPATH": str(ROOT), "PMO_CHECK_TEST_TAG": self.tag, **(env or {})}
        command = ("env -u COLUMNS -u LINES -u NO_COLOR -u FORCE_COLOR "
                   + " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items()) + " "
                   + " ".join(shlex.quote(a) for a in argv)
                   + f"; echo {EXIT_MARK}$?; sleep 3600")
        self._tmux("-f", str(conf), "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t",
                   "-c", str(ROOT), command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def screen(self) -> str:
        """What the pane shows now."""
        return self._tmux("capture-pane", "-p", "-t", "t")

    def history(self, joined: bool = False) -> list[str]:
        """Every line the pane has shown (scrollback and screen), trailing spaces dropped; `joined`:
        lines the terminal wrapped are joined back."""
        text = self._tmux("capture-pane", "-p", "-t", "t", "-S", "-", "-E", "-", *(["-J"] if joined else []))
        return [line.rstrip() for line in text.rstrip("\n").split("\n")]

    def cursor_visible(self) -> bool:
        return self._tmux("display-message", "-p", "-t", "t", "#{cursor_flag}").strip() == "1"

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "t", *keys)

    def watch(self, seen: Callable[[str], bool], timeout: float = 180) -> tuple[int, list[str]]:
        """Poll the screen until the command exits; (its exit status, every screen that `seen` liked)."""
        liked: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if seen(screen):
                liked.append(screen)
            if EXIT_MARK in screen or any(EXIT_MARK in line for line in self.history()[-3:]):
                status = next(line for line in self.history() if line.startswith(EXIT_MARK))
                return int(status[len(EXIT_MARK):]), liked
            time.sleep(0.05)
        raise AssertionError(f"the command did not finish in {timeout} s:\n{self.screen()}")

    def processes(self) -> list[int]:
        """Processes still alive that the command started (they carry its tag in their environment)."""
        alive = []
        needle = f"PMO_CHECK_TEST_TAG={self.tag}".encode()
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                environ = Path(f"/proc/{pid}/environ").read_bytes()
            except OSError:
                continue
            if needle in environ.split(b"\0"):
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                if b"sleep" not in cmdline.split(b"\0")[0]:  # the pane's own `sleep` after the command
                    alive.append(int(pid))
        return alive

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=30)
