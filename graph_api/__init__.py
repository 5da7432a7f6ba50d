"""Shekara graph_api: the store, the command line and the HTTP service over it."""

from ingest import __version__

__all__ = ["__version__"]
