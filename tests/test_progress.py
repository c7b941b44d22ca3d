"""The progress line (issue 9): on stderr when it is a terminal and the run is long, never in a
pipe, and off with --quiet. Stderr is a pseudo-terminal here, as in an editor's shell."""

from __future__ import annotations

import os
import sys

import pytest
from conftest import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def _articles(folder, n=520):
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(
            f"Bupati Kabupaten Contoh {i} meresmikan Pasar Rakyat {i} di Kota Contoh, Senin (2/9/2024).\n", encoding="utf-8")
    return folder


def _stderr_on_a_terminal(*args) -> str:
    import pty

    leader, follower = pty.openpty()
    try:
        result = run_cli(*args, "--fail-on", "never", stderr=follower, timeout=120)
        assert result.returncode == 0
        os.set_blocking(leader, False)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except (BlockingIOError, OSError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(leader)
        os.close(follower)


def test_a_long_run_shows_progress_on_a_terminal_and_quiet_turns_it_off(tmp_path):
    folder = _articles(tmp_path / "in")
    assert "factcheck: 520/520 articles (100%)" in _stderr_on_a_terminal(folder, "--jobs", "1")
    assert "articles (" not in _stderr_on_a_terminal(folder, "--jobs", "1", "--quiet")
    assert "articles (" not in run_cli(folder, "--jobs", "1", "--fail-on", "never", timeout=120).stderr  # a pipe
