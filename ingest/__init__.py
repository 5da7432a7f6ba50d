"""Shekara ingest: documents in, RDF quads out. Knows nothing about storage or HTTP."""

__version__ = "0.1.0"
