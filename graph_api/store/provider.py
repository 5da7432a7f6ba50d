"""Hands the service a read-only view of the store that follows committed writes.

The service never writes through this view. A writer (``shekara ingest`` in another process)
bumps the dataset version after each committed document; ``get()`` compares the version marker
on disk and, when it moved, opens a fresh read-only view. Requests already running keep the
view they started with, so every answer comes from one committed state.
"""
from __future__ import annotations

import threading
from pathlib import Path

from graph_api.settings import Settings

from . import Store, open_store

MARKER = "shekara-version"


def version_marker(store_dir: Path) -> Path:
    return store_dir / MARKER


def touch_version(store_dir: Path, version: str) -> None:
    """Publish a committed version for readers in other processes (atomic rename)."""
    tmp = store_dir / (MARKER + ".tmp")
    tmp.write_text(version, encoding="utf-8")
    tmp.replace(version_marker(store_dir))


class StoreProvider:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._seen: float | None = None

    def _marker_mtime(self) -> float | None:
        if self.settings.backend != "embedded":
            return None
        try:
            return version_marker(self.settings.store).stat().st_mtime_ns
        except OSError:
            return None

    def current(self) -> Store | None:
        """The open view if it is still the latest committed state, else None — never opens one
        (for callers on the event loop, where opening a view would stall every request)."""
        store = self._store
        return store if store is not None and self._marker_mtime() == self._seen else None

    def get(self) -> Store:
        mtime = self._marker_mtime()
        with self._lock:
            if self._store is None or mtime != self._seen:
                self._store = open_store(self.settings, read_only=True)
                self._seen = mtime
            return self._store
