"""Report formats: one module per format, each with `render(report) -> str`. A new format is
one module and one line here."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..models import Report

# format name -> module under factcheck.report (imported only when that format is asked for)
FORMATS = {"markdown": "markdown", "json": "json", "text": "text", "github": "github", "sarif": "sarif"}


def renderer(name: str) -> Callable[[Report], str]:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render  # type: ignore[no-any-return]
