"""factcheck: cross-checks the facts that news articles state about the same events."""

__version__ = "0.1.0"
