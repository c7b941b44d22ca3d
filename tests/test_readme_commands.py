"""Every factcheck command the README shows in its code blocks runs as written (issue 9), in a
folder laid out as the README supposes: articles/, published/ and a new article new.md."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from conftest import ROOT, run_cli

SEEDS = ROOT / "seeds"


def _readme_commands() -> list[str]:
    commands, inside = [], False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            continue
        found = re.search(r"(?:^|[\s:])factcheck\s+(.*)$", line)
        if found and not line.lstrip().startswith("#"):
            words = found.group(1).split("#", 1)[0].split(">>", 1)[0].strip()
            commands.append(words)
    return list(dict.fromkeys(commands))


COMMANDS = _readme_commands()


def test_the_readme_shows_the_commands_a_user_needs():
    assert any(c.startswith("index ") for c in COMMANDS) and any(c.startswith("check ") for c in COMMANDS)
    assert any("--format sarif" in c for c in COMMANDS) and any("--format github" in c for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_in_the_readme_runs_as_written(tmp_path, command):
    for folder in ("articles", "path/to/articles"):
        shutil.copytree(SEEDS, tmp_path / folder)
    (tmp_path / "published").mkdir()
    shutil.copy(SEEDS / "000_86caa9665f90601d.txt", tmp_path / "published")
    (tmp_path / "new.md").write_text((SEEDS / "001_54aaad936bbab106.txt").read_text(encoding="utf-8"), encoding="utf-8")
    if ".factcheck/index.sqlite" in command and not command.startswith("articles/"):
        assert run_cli("index", "published/", cwd=tmp_path).returncode == 0
    args = [a.replace("$files", "new.md") for a in shlex.split(command)]
    result = run_cli(*args, cwd=tmp_path, timeout=120)
    assert result.returncode in (0, 1), result.stderr  # 1: findings at the --fail-on level; 2 would be a usage error
    assert "Traceback" not in result.stderr and "usage:" not in result.stderr
    if "-o" in args:
        assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0
