"""Writing to a terminal or a file with rich: colour by the usual conventions, lines wrapped by
display cells at the breaks English and Chinese allow (checker/report/linebreak.py), nothing wrapped
when the output is not a terminal (one line per item, for grep and CI logs)."""
from __future__ import annotations

from typing import Iterable, TextIO

from rich.console import Console
from rich.text import Text

from checker.report.linebreak import line_spans


def console_for(stream: TextIO, color: bool | None) -> Console:
    """A rich console on `stream`: `color` True/False forces colour on or off (`--color`); None follows
    the terminal and the `NO_COLOR` / `FORCE_COLOR` conventions (rich reads them)."""
    return Console(file=stream, force_terminal=color, no_color=None if color is None else not color,
                   highlight=False, emoji=False, markup=False, soft_wrap=True)


class Writer:
    """Lines to the console, wrapped to `width` display cells when there is one (a terminal).

    Lines are collected and handed to rich a batch at a time (`flush`, at the latest when the writer
    is closed): one print per line costs rich's whole rendering pipeline each time, a report of
    tens of thousands of lines took seconds that way.
    """

    BATCH = 2000  # lines

    def __init__(self, console: Console) -> None:
        self.console = console
        self.width: int | None = console.width if console.is_terminal else None
        self._lines: list[Text] = []

    def emit(self, text: Text) -> None:
        """One finished line, as it is."""
        self._lines.append(text)
        if len(self._lines) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._lines:
            return
        if self.console.is_terminal:
            self.console.print(Text("\n").join(self._lines))
        else:  # no styles to render: the plain text, as rich would write it, without its pipeline
            self.console.file.write("".join(line.plain + "\n" for line in self._lines))
        self._lines = []

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def line(self, text: Text, hanging: int = 0) -> None:
        """`text`, continued `hanging` cells in on wrapped lines."""
        if self.width is None or text.cell_len <= self.width:
            self.emit(text)
            return
        (start, end), *rest = line_spans(text.plain, self.width)
        self.emit(text[start:end])
        if rest:  # the rest, refilled at the narrower width
            for piece in _wrapped(text[end:], max(20, self.width - hanging)):
                self.emit(Text.assemble(" " * hanging, piece))

    def pair(self, head: Text, tail: Text) -> None:
        """`head  tail` on one line when it fits, else `tail` on the next line, indented."""
        joined = Text.assemble(head, "  ", tail)
        if self.width is None or joined.cell_len <= self.width:
            self.emit(joined)
        else:
            self.line(head, hanging=4)
            self.line(Text.assemble("    ", tail), hanging=4)

    def block(self, left: Text, lines: Iterable[Text]) -> None:
        """`left` (the severity and rule columns), then `lines` beside it, each wrapped within the
        room to the right of it."""
        pad = left.cell_len
        room = None if self.width is None else max(20, self.width - pad)
        first = True
        for line in lines:
            for piece in ([line] if room is None or line.cell_len <= room else _wrapped(line, room)):
                self.emit(Text.assemble(left if first else " " * pad, piece))
                first = False

    def blank(self) -> None:
        self.emit(Text(""))


def _wrapped(text: Text, width: int) -> list[Text]:
    """`text` cut into lines of at most `width` display cells, at the breaks Chinese and English allow."""
    if text.spans:
        return [text[start:end] for start, end in line_spans(text.plain, width)]
    plain = text.plain  # one style for the whole text: slicing the string is enough (and much cheaper)
    return [Text(plain[start:end], style=text.style) for start, end in line_spans(plain, width)]
