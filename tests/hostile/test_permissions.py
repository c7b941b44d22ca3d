"""Folders and files that cannot be opened. CI runs as root, which ignores permissions, so these
run the installed command as an unprivileged user (setpriv); they skip, saying why, where that
cannot be done."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, factcheck_command

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def as_nobody(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([*NOBODY, *factcheck_command(), *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def shared_folder():
    """A folder an unprivileged user may enter, holding the seeds."""
    if os.geteuid() != 0:
        yield None  # already unprivileged: permissions hold as they are
        return
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop the privilege that bypasses permissions")
    probe = subprocess.run([*NOBODY, *factcheck_command(), "--version"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"an unprivileged user cannot run this environment's factcheck: {probe.stderr.strip()[:200]}")
    folder = Path(tempfile.mkdtemp())
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            path.chmod(stat.S_IRWXU)
        shutil.rmtree(folder)


def _run(shared: Path | None, tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess:
    if shared is None:
        return subprocess.run([*factcheck_command(), *map(str, args)], capture_output=True, text=True, timeout=60)
    return as_nobody(*args)


def _articles(shared: Path | None, tmp_path: Path) -> Path:
    folder = (shared or tmp_path) / "in"
    shutil.copytree(ROOT / "seeds", folder)
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("Bupati menerima penghargaan di Jakarta.", encoding="utf-8")
    locked.chmod(0)
    return folder


def test_17_files_under_a_folder_that_cannot_be_entered_are_reported(shared_folder, tmp_path):
    folder = _articles(shared_folder, tmp_path)
    result = _run(shared_folder, tmp_path, folder, "--format", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    locked = [a for a in report["articles"] if "locked" in a["path"]]
    assert locked and "Permission denied" in locked[0]["errors"][0]
    assert sorted(f["attribute"] for f in report["findings"]) == ["category", "date", "presenter"]


def test_10_a_file_named_inside_a_folder_that_cannot_be_entered(shared_folder, tmp_path):
    folder = _articles(shared_folder, tmp_path)
    result = _run(shared_folder, tmp_path, folder / "locked" / "inside.txt", folder / "000_86caa9665f90601d.txt", "--format", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    errors = {Path(a["path"]).name: a["errors"] for a in json.loads(result.stdout)["articles"]}
    assert errors["inside.txt"] and errors["000_86caa9665f90601d.txt"] == []
