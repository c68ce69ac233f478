"""Length-prefixed frames over a pipe: how the pool and its worker processes talk.

A frame is a 4-byte big-endian length and that many bytes. The pool sends pickled tasks (trusted:
it pickled them itself); a worker answers in JSON, so nothing a document influenced is unpickled.
"""
from __future__ import annotations

import struct
from typing import BinaryIO

_HEADER = struct.Struct(">I")


def write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame's payload, or None at the end of the stream (the other side closed it)."""
    header = _read_exact(stream, _HEADER.size)
    if header is None:
        return None
    return _read_exact(stream, _HEADER.unpack(header)[0])


def _read_exact(stream: BinaryIO, n: int) -> bytes | None:
    chunks, remaining = [], n
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
