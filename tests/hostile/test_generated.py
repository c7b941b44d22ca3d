"""A thousand hostile inputs of the reproduced kinds and random mixes of them, written as files
and run through the installed command in batches: no traceback, an exit code of 0, 1 or 2,
every input accounted for in the report, and a run time within a budget proportional to the
bytes read."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from tests.conftest import run_cli

PIECES = [
    "Kamis (12/9/2024)", "Senin (30/2)", "30 Februari", "hari  ini", "hari\u00a0ini", "kemarin", "Selasa lalu",
    "diserahkan kepada", "kategori Kota", "Menko PMK Muhadjir Effendy", "Pj Bupati Tangerang Andi Ony. P MSI",
    "86.000", "Rp 1,2 triliun", "Baca juga:", "ADVERTISEMENT", "\u200b", "“", "”", "(", ")", "[", "]", "{", "}",
    "Wapres", "Sekda", "Plt", "menerima penghargaan", "dilantik oleh", "\t", "\n", "\n\n", "- ", "1. ", "berikut daftar:",
    "ujar Tito, Rabu (24/4/2024)", "Keppres tertanggal 9 Agustus", "Rencananya", "Bersediakah", "Sept", "10:30",
]
FRONT_MATTER = ["published: 0001-01-01", "published: 2024-02-30", "published: '9'", "published: Monday",
                "title: [unclosed", "a: &a [x, x]\nb: *a", "published: 2024-09-12"]


def _article(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.randrange(8)
    text = " ".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 120)))
    if kind == 0:
        return ".md", f"---\n{rng.choice(FRONT_MATTER)}\n---\n{text}\n".encode()
    if kind == 1:
        return ".json", json.dumps(rng.choice([{"headline": text}, [{"articleBody": text}] * 3, {"x": [[[1]]]}])).encode()
    if kind == 2:
        return ".json", ("[" * rng.randrange(60, 3000) + "]" * rng.randrange(0, 3000)).encode()
    if kind == 3:
        return ".html", f"<html><body>{'<div>' * rng.randrange(0, 800)}<article><p>{text}</p></article></body></html>".encode()
    if kind == 4:
        return ".txt", b"\xff\xfe" + text.encode("utf-8", "replace")[: rng.randrange(1, 400)]
    if kind == 5:
        return ".txt", text.encode("cp1252", "replace")
    if kind == 6:
        return ".txt", (rng.choice(PIECES) + " ") .encode() * rng.randrange(100, 3000)
    return ".txt", text.encode()


def test_a_thousand_generated_hostile_inputs(tmp_path):
    rng = random.Random(20261201)
    for batch in range(4):
        folder = tmp_path / f"batch{batch}"
        folder.mkdir()
        written = 0
        for n in range(250):
            suffix, data = _article(rng)
            (folder / f"{n:03d}{suffix}").write_bytes(data)
            written += len(data)
        start = time.monotonic()
        result = run_cli(folder, "--format", "json", "--fail-on", "never", timeout=600)
        seconds = time.monotonic() - start
        assert "Traceback" not in result.stderr, result.stderr[-2000:]
        assert result.returncode in (0, 2), result.stderr[-500:]
        report = json.loads(result.stdout)
        seen = {Path(a["path"].split("#")[0]).name for a in report["articles"]} | {
            Path(s["path"]).name for s in report["skipped"]}
        assert seen == {p.name for p in folder.iterdir()}
        # A hang guard, not a speed figure: far above the linear cost, far below a hang.
        assert seconds < 30 + written / 20_000, f"{seconds:.1f}s for {written} bytes"
