"""This process's streams by name, and writes that take every byte or say why not."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ml_career import streams


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("/dev/stdin", 0),
        ("/dev/stdout", 1),
        ("/dev/stderr", 2),
        ("/dev/fd/7", 7),
        ("/proc/self/fd/12", 12),
        ("/proc/thread-self/fd/3", 3),
        (f"/proc/{os.getpid()}/fd/4", 4),
        ("/proc/1/fd/4", None),  # another process's stream is a file like any other
        ("plan.md", None),
        ("/dev/null", None),
        ("/dev/fd/", None),
    ],
)
def test_a_name_is_a_stream_of_this_process_or_not(name: str, expected: int | None) -> None:
    assert streams.descriptor_named(name) == expected


def test_a_link_to_a_stream_is_the_stream(tmp_path: Path) -> None:
    (tmp_path / "log").symlink_to("/dev/stderr")
    (tmp_path / "chain").symlink_to(tmp_path / "log")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert streams.descriptor_named(str(tmp_path / "chain")) == 2
    assert streams.descriptor_named(str(tmp_path / "loop")) is None


def test_every_byte_reaches_a_pipe_even_a_non_blocking_one() -> None:
    import threading

    reader, writer = os.pipe()
    os.set_blocking(writer, False)
    data = b"x" * (1 << 20)  # far more than a pipe holds: the writer must wait for the reader
    received = bytearray()

    def read_all() -> None:
        while chunk := os.read(reader, 65536):
            received.extend(chunk)

    thread = threading.Thread(target=read_all)
    thread.start()
    streams.write_all(writer, data)
    os.close(writer)
    thread.join(timeout=30)
    os.close(reader)
    assert bytes(received) == data


def test_a_write_that_takes_nothing_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streams.os, "write", lambda descriptor, data: 0)
    with pytest.raises(streams.ShortWrite, match="only part of the output could be written"):
        streams.write_all(1, b"text")


@pytest.mark.parametrize(
    ("number", "said"),
    [
        (errno.EFBIG, "the file has reached the size limit for this process (ulimit -f)"),
        (errno.ENOSPC, "no space left on the device"),
        (errno.EBADF, "it is not open for writing"),
        (errno.EIO, os.strerror(errno.EIO)),
    ],
)
def test_why_a_write_failed(number: int, said: str) -> None:
    assert streams.reason(OSError(number, os.strerror(number))) == said
