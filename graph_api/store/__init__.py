"""The one module that owns the quad store. Nothing else imports pyoxigraph's ``Store``."""
from __future__ import annotations

from graph_api.settings import Settings

from .base import QuerySyntaxError, ReadOnlyError, Statistics, Store, StoreError

__all__ = ["open_store", "Store", "StoreError", "QuerySyntaxError", "ReadOnlyError", "Statistics"]


def open_store(settings: Settings, *, read_only: bool = False) -> Store:
    """Open the configured backend."""
    if settings.backend == "sparql":
        from .remote import RemoteStore

        return RemoteStore.from_settings(settings, read_only=read_only)
    from .embedded import EmbeddedStore

    return EmbeddedStore(settings.store, base_iri=settings.base_iri, read_only=read_only)
