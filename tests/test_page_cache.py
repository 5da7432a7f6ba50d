"""Rendered entity pages are reused only while the dataset version stays the same."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore

BASE = "http://cache.test/"
LIB = ox.NamedNode(BASE + "id/library/test-library")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _write(store_dir: Path, label: str) -> None:
    store = EmbeddedStore(store_dir, base_iri=BASE)
    store.replace_graph(BASE + "graph/doc/t.txt", [
        ox.Triple(LIB, TYPE, ox.NamedNode("http://schema.org/Library")),
        ox.Triple(LIB, RDFS_LABEL, ox.Literal(label, language="en")),
    ])
    store.close()


def test_a_write_shows_on_the_next_page_view(tmp_path: Path) -> None:
    _write(tmp_path / "store", "Old Name Library")
    settings = Settings(store=tmp_path / "store", base_iri=BASE, search_index=tmp_path / "s.sqlite")
    with TestClient(create_app(settings)) as client:
        first = client.get("/page/library/test-library?lang=en")
        again = client.get("/page/library/test-library?lang=en")
        assert first.status_code == again.status_code == 200
        assert "Old Name Library" in first.text and again.text == first.text
        _write(tmp_path / "store", "New Name Library")
        after = client.get("/page/library/test-library?lang=en")
        assert "New Name Library" in after.text and "Old Name Library" not in after.text
        other_language = client.get("/page/library/test-library?lang=kk")
        assert other_language.headers["content-language"] == "kk"


def test_a_write_shows_on_the_next_description(tmp_path: Path) -> None:
    """``/data/…`` descriptions are kept per dataset version too: the same bytes while it
    stays, the new data (and a new ETag) once a write moved it, in every format."""
    from graph_api import answer_cache

    _write(tmp_path / "store", "Old Name Library")
    settings = Settings(store=tmp_path / "store", base_iri=BASE, search_index=tmp_path / "s.sqlite")
    answer_cache.DESCRIPTIONS._items.clear()
    with TestClient(create_app(settings)) as client:
        for ext in ("jsonld", "ttl"):
            first = client.get(f"/data/library/test-library.{ext}")
            again = client.get(f"/data/library/test-library.{ext}")
            assert first.status_code == again.status_code == 200 and "Old Name Library" in first.text
            assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        assert len(answer_cache.DESCRIPTIONS._items) == 2  # one per format, kept
        _write(tmp_path / "store", "New Name Library")
        for ext in ("jsonld", "ttl"):
            after = client.get(f"/data/library/test-library.{ext}")
            assert "New Name Library" in after.text and "Old Name Library" not in after.text
        assert client.get("/data/library/no-such-library.ttl").status_code == 404
        assert client.get("/data/library/no-such-library.ttl").status_code == 404  # a 404 is never kept
