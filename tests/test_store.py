"""One behaviour suite for every store backend.

The embedded store runs in a temporary directory; the remote store runs against a real Oxigraph
server on loopback (``oxigraph serve``), once as Oxigraph itself (its ``union-default-graph``
parameter) and once the way any other SPARQL 1.1 server is driven (every graph listed as
``default-graph-uri``). Whatever passes here passes on all three.
"""
from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from graph_api.loading import LoadError, load_files
from graph_api.store import QuerySyntaxError, ReadOnlyError, Store, StoreError
from graph_api.store.embedded import EmbeddedStore
from oxigraph_server import OxigraphServer, oxigraph_binary, start_server

BASE = "http://example.org/shk/"
EX = "http://example.org/ex/"
G1, G2 = BASE + "graph/doc/one", BASE + "graph/doc/two"


def nn(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


def t(s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> ox.Triple:
    return ox.Triple(nn(s), nn(p), nn(o) if isinstance(o, str) else o)


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if oxigraph_binary() is None:
        pytest.skip("the `oxigraph` command is missing (pip install oxigraph): remote backend not tested")
    server = start_server(tmp_path_factory.mktemp("oxigraph") / "data")
    yield server
    server.stop()


def _remote(server: OxigraphServer, union_mode: str, read_only: bool = False) -> Store:
    from graph_api.store.remote import RemoteStore

    return RemoteStore(server.query_url, server.update_url, server.gsp_url, base_iri=BASE,
                       union_mode=union_mode, read_only=read_only)  # type: ignore[arg-type]


BACKENDS = [
    "embedded",
    pytest.param("remote", marks=pytest.mark.server),
    pytest.param("remote-generic", marks=pytest.mark.server),
]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if backend == "embedded":
        st: Store = EmbeddedStore(tmp_path / "store", base_iri=BASE)
    else:
        server = request.getfixturevalue("oxigraph")
        httpx.post(server.update_url, data={"update": "DROP ALL"}).raise_for_status()
        st = _remote(server, "auto" if backend == "remote" else "dataset")
    yield st
    st.close()


@pytest.fixture
def read_only_store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store holding G1, opened read-only."""
    if backend == "embedded":
        with EmbeddedStore(tmp_path / "store", base_iri=BASE) as w:
            w.replace_graph(G1, [t("a", "p", "b")])
        st: Store = EmbeddedStore(tmp_path / "store", base_iri=BASE, read_only=True)
    else:
        server = request.getfixturevalue("oxigraph")
        httpx.post(server.update_url, data={"update": "DROP ALL"}).raise_for_status()
        with _remote(server, "auto") as w:
            w.replace_graph(G1, [t("a", "p", "b")])
        st = _remote(server, "auto", read_only=True)
    yield st
    st.close()


def count(store: Store, sparql: str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **kw: object) -> int:
    return int(next(iter(store.query(sparql, **kw)))["n"].value)


def user_quads(store: Store) -> set[tuple[str, str, str, str]]:
    """Every quad outside the version bookkeeping graph, as strings."""
    out = set()
    for g in store.named_graphs():
        if g == BASE + "graph/meta":
            continue
        out |= {(str(q.subject), str(q.predicate), str(q.object), g) for q in store.graph_quads(g)}
    return out


# --- writing ----------------------------------------------------------------------------------
def test_replace_graph_replaces_the_whole_graph(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b"), t("a", "p", "c")])
    store.replace_graph(G1, [t("x", "p", "y")])
    assert user_quads(store) == {(f"<{EX}x>", f"<{EX}p>", f"<{EX}y>", G1)}


def test_failing_replace_leaves_the_old_content(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b")])
    before = store.version()

    def broken() -> Iterator[ox.Triple]:
        yield t("new", "p", "b")
        raise RuntimeError("extraction failed half-way")

    with pytest.raises(RuntimeError):
        store.replace_graph(G1, broken())
    assert user_quads(store) == {(f"<{EX}a>", f"<{EX}p>", f"<{EX}b>", G1)}
    assert store.version() == before


def test_replace_graphs_changes_several_graphs_in_one_write(store: Store) -> None:
    """A curation decision rewrites the graphs it corrects and records itself in one update: blank
    nodes of the graphs survive, a graph left empty is dropped, and the version moves once."""
    store.replace_graph(G1, [t("a", "p", "b")])
    store.replace_graph(G2, [t("c", "p", "d")])
    before = store.version()
    bnode = ox.BlankNode()
    store.replace_graphs({G1: [ox.Triple(nn("a"), nn("q"), bnode), ox.Triple(bnode, nn("r"), ox.Literal("x"))],
                          G2: []}, insert={BASE + "graph/curation": [t("d", "p", "e")]})
    quads = user_quads(store)
    assert {q[3] for q in quads} == {G1, BASE + "graph/curation"}
    assert len([q for q in quads if q[3] == G1]) == 2
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?q ?b . ?b ?r ?x } }") == 1  # one node still
    assert store.version() != before


def test_drop_graph_and_dropping_an_absent_graph(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b")])
    store.replace_graph(G2, [t("c", "p", "d")])
    store.drop_graph(G1)
    store.drop_graph(BASE + "graph/never-existed")
    assert {q[3] for q in user_quads(store)} == {G2}


def test_version_changes_after_every_write(store: Store, tmp_path: Path) -> None:
    seen = [store.version()]

    def changed() -> None:
        v = store.version()
        assert v not in seen
        seen.append(v)

    store.replace_graph(G1, [t("a", "p", "b")])
    changed()
    store.insert(G2, [t("c", "p", "d")])
    changed()
    store.update(f"INSERT DATA {{ GRAPH <{G2}> {{ <{EX}e> <{EX}p> <{EX}f> }} }}")
    changed()
    store.drop_graph(G1)
    changed()
    f = tmp_path / "x.nt"
    f.write_text(f"<{EX}g> <{EX}p> <{EX}h> .\n", encoding="utf-8")
    load_files(store, [f], graph=G1)
    changed()


def test_read_only_store_refuses_writes(read_only_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "x.nt"
    f.write_text(f"<{EX}g> <{EX}p> <{EX}h> .\n", encoding="utf-8")
    for write in (lambda s: s.replace_graph(G2, [t("a", "p", "b")]), lambda s: s.drop_graph(G1),
                  lambda s: s.update("CLEAR ALL"), lambda s: load_files(s, [f])):
        with pytest.raises(ReadOnlyError):
            write(read_only_store)
    assert count(read_only_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> ?o }}") == 1


# --- reading ----------------------------------------------------------------------------------
def test_default_graph_is_the_union_of_all_graphs(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b")])
    store.replace_graph(G2, [t("b", "p", "c")])
    rows = list(store.query(f"SELECT ?x WHERE {{ ?x <{EX}p> ?y . ?y <{EX}p> ?z }}"))
    assert [r["x"].value for r in rows] == [EX + "a"]
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{EX}p> ?o }} }}") == 2


def test_a_querys_own_from_is_its_dataset(store: Store) -> None:
    # not the union the store gives a query that names none (a review found FROM ignored)
    store.replace_graph(G1, [t("a", "p", "b")])
    store.replace_graph(G2, [t("b", "p", "c"), t("c", "p", "d")])
    assert count(store, f"SELECT (COUNT(*) AS ?n) FROM <{G2}> WHERE {{ ?s ?p ?o }}") == 2
    assert count(store, "SELECT (COUNT(*) AS ?n) FROM <http://nowhere.example/> WHERE { ?s ?p ?o }") == 0
    assert count(store, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{G1}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == 1
    assert count(store) >= 3  # and without FROM, still the union


def test_explicit_default_and_named_graphs(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b")])
    store.replace_graph(G2, [t("b", "p", "c")])
    assert count(store, default_graph=[G2]) == 1
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(store, q, default_graph=[G2], named_graphs=[G1]) == 1
    rows = store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", default_graph=[G1], named_graphs=[G1])
    assert [r["g"].value for r in rows] == [G1]


HOSTILE = [
    'x" } ; DROP ALL ; INSERT DATA { <http://evil/s> <http://evil/p> "1" } #',
    "x' } } DROP ALL #",
    'line\nbreak """ \\" \\\\ ?s $s <http://evil/> }',
    "} UNION { ?s ?p ?o }",
    "Шекарадағы кездесулер — «Встречи на границах»",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_substitutions_are_data_never_query_text(store: Store, text: str) -> None:
    store.replace_graph(G1, [t("a", "name", ox.Literal(text, language="kk")), t("b", "name", ox.Literal("other"))])
    q = f"SELECT ?s ?name WHERE {{ ?s <{EX}name> ?name }}"
    rows = list(store.query(q, substitutions={"name": ox.Literal(text, language="kk")}))
    assert [r["s"].value for r in rows] == [EX + "a"]
    assert rows[0]["name"] == ox.Literal(text, language="kk")
    # the text looked like an update and a UNION: nothing was dropped, nothing else matched
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}name> ?o }}") == 2
    assert not bool(store.query("ASK { ?s <http://evil/p> ?o }"))


def test_substitution_of_variables_not_projected(store: Store) -> None:
    """Ingest binds graph and predicate variables it does not select."""
    store.replace_graph(G1, [t("a", "p", "b"), t("a", "q", "c")])
    store.replace_graph(G2, [t("a", "p", "z")])
    q = "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o OPTIONAL { ?o ?p ?never } } } ORDER BY ?o"
    rows = store.query(q, substitutions={"g": ox.NamedNode(G1), "s": nn("a"), "p": nn("p")})
    assert [r["o"].value for r in rows] == [EX + "b"]
    assert bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }", substitutions={"g": ox.NamedNode(G2), "o": nn("z")}))
    assert not bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }", substitutions={"g": ox.NamedNode(G1), "o": nn("z")}))


def test_substitution_rejects_bad_variable_names(store: Store) -> None:
    with pytest.raises((StoreError, ValueError)):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", substitutions={"s ?p": nn("a")})


def test_bad_query_is_a_syntax_error_with_the_parser_message(store: Store) -> None:
    with pytest.raises(QuerySyntaxError) as e:
        store.query("SELECT ?s WHERE { ?s ?p ")
    assert str(e.value)


@pytest.mark.parametrize("fmt", [ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML,
                                 ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV])
def test_query_serialized_select(store: Store, fmt: ox.QueryResultsFormat) -> None:
    store.replace_graph(G1, [t("a", "p", ox.Literal("Омск", language="ru")), t("b", "p", "c")])
    data = store.query_serialized(f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s", fmt)
    if fmt == ox.QueryResultsFormat.CSV:
        lines = data.decode().strip().splitlines()
        assert lines[0].strip() == "s,o" and len(lines) == 3 and "Омск" in lines[1]
    else:
        rows = list(ox.parse_query_results(data, format=fmt))
        assert [r["s"].value for r in rows] == [EX + "a", EX + "b"]
        assert rows[0]["o"] == ox.Literal("Омск", language="ru")


@pytest.mark.parametrize("fmt", [ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML])
def test_query_serialized_construct(store: Store, fmt: ox.RdfFormat) -> None:
    store.replace_graph(G1, [t("a", "p", "b"), t("a", "p", ox.Literal("Астана", language="kk"))])
    data = store.query_serialized(f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}p> ?o }}", fmt)
    got = {(q.subject, q.predicate, q.object) for q in ox.parse(data, format=fmt)}
    assert got == {(nn("a"), nn("q"), nn("b")), (nn("a"), nn("q"), ox.Literal("Астана", language="kk"))}
    with pytest.raises(StoreError):
        store.query_serialized(f"CONSTRUCT WHERE {{ ?s <{EX}p> ?o }}", ox.QueryResultsFormat.JSON)


def test_query_results_are_pyoxigraph_objects(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b")])
    assert isinstance(store.query("SELECT * WHERE { ?s ?p ?o }"), ox.QuerySolutions)
    assert isinstance(store.query("ASK { ?s ?p ?o }"), ox.QueryBoolean)
    triples = store.query(f"CONSTRUCT WHERE {{ ?s <{EX}p> ?o }}")
    assert isinstance(triples, ox.QueryTriples)
    assert list(triples) == [t("a", "p", "b")]


def test_export_nquads_parses_with_rdflib(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", ox.Literal('quote " and\nnewline', language="en"))])
    store.replace_graph(G2, [t("b", "p", "c"), t("b", "p", ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))])
    out = io.BytesIO()
    store.export(out)
    ds = rdflib.Dataset()
    ds.parse(data=out.getvalue(), format="nquads")
    graphs = {str(c.identifier): len(c) for c in ds.graphs() if len(c)}
    assert graphs[G1] == 1 and graphs[G2] == 2
    assert sum(graphs.values()) == store.statistics().triples


def test_statistics(store: Store) -> None:
    store.replace_graph(G1, [t("a", "p", "b"), t("a", "p", "c")])
    store.replace_graph(G2, [t("a", "p", "b")])
    stats = store.statistics()
    assert stats.per_graph[G1] == 2 and stats.per_graph[G2] == 1
    assert stats.graphs == len(stats.per_graph) and stats.triples == sum(stats.per_graph.values())
    assert stats.version == store.version() != "0"
    assert store.named_graphs() == sorted(stats.per_graph)


# --- bulk load --------------------------------------------------------------------------------
NQ = (f"<{EX}s1> <{EX}p> \"один\"@ru <{EX}g1> .\n"
      f"<{EX}s2> <{EX}p> <{EX}o> <{EX}g2> .\n"
      f"<{EX}s3> <{EX}p> <{EX}o> .\n")
TTL = f"@prefix ex: <{EX}> .\nex:s1 ex:p \"бір\"@kk ; ex:q <id/place/omsk> .\n"


def test_load_nquads_keeps_graphs(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "data.nq"
    f.write_text(NQ, encoding="utf-8")
    ticks: list[tuple[int, int]] = []
    [res] = load_files(store, [f], progress=lambda done, total: ticks.append((done, total)))
    assert res.quads == 3
    assert ticks[-1] == (f.stat().st_size, f.stat().st_size)
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}") == 1
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> ?o }}") >= 2


def test_load_counts_the_quads_the_store_gained(store: Store, tmp_path: Path) -> None:
    """A first load into an empty store reports its quads on every backend. The embedded bulk
    loader reports none itself, so the count is what the store gained: the empty store is
    recognised without counting it, and a later load counts only quads it did not hold."""
    first, second = tmp_path / "first.nq", tmp_path / "second.nq"
    first.write_text("".join(NQ.splitlines(keepends=True)[:2]), encoding="utf-8")
    second.write_text(NQ + f"<{EX}s4> <{EX}p> <{EX}o> <{EX}g2> .\n", encoding="utf-8")
    [a] = load_files(store, [first])
    assert a.quads == 2
    if isinstance(store, EmbeddedStore):
        [b] = load_files(store, [second])
        [c] = load_files(store, [second])
        assert (b.quads, c.quads) == (2, 0)


def test_load_nquads_into_a_named_graph(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "data.nq"
    f.write_text(NQ, encoding="utf-8")
    load_files(store, [f], graph=G1)
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}") == 3


def test_load_gzipped_turtle_into_a_named_graph_resolves_relative_iris(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "authority.ttl.gz"
    f.write_bytes(gzip.compress(TTL.encode("utf-8")))
    [res] = load_files(store, [f], graph=G2, base_iri=BASE)
    assert res.quads == 2
    rows = list(store.query(f"SELECT ?o WHERE {{ GRAPH <{G2}> {{ <{EX}s1> <{EX}q> ?o }} }}"))
    assert [r["o"].value for r in rows] == [BASE + "id/place/omsk"]


def test_load_syntax_error_names_the_file_and_line(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "broken.nt"
    f.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n<{EX}a> <{EX}p> \"unterminated .\n", encoding="utf-8")
    with pytest.raises(LoadError) as e:
        load_files(store, [f], graph=G1)
    assert "broken.nt" in str(e.value) and "2" in str(e.value)


def test_load_refuses_unknown_formats(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "data.csv"
    f.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(LoadError):
        load_files(store, [f])


# --- optimising -------------------------------------------------------------------------------
def test_optimize_keeps_the_data_and_the_version(store: Store, backend: str) -> None:
    """A full compaction changes the files, never the data: the version (and with it every
    cache and the search index keyed on it) stays. A remote engine keeps its own files, so
    there it is a clear error naming the engine's own tool, and nothing is touched."""
    store.replace_graph(G1, [t("a", "p", "b"), t("a", "q", ox.Literal("x"))])
    store.replace_graph(G2, [t("c", "p", "d")])
    before, version = user_quads(store), store.version()
    if backend == "embedded":
        store.optimize()
    else:
        with pytest.raises(StoreError, match="oxigraph optimize"):
            store.optimize()
    assert user_quads(store) == before and store.version() == version
    store.replace_graph(G2, [t("c", "p", "e")])  # and it still takes writes
    assert store.version() != version and count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> <{EX}e> }}") == 1


def test_optimize_refuses_a_read_only_store(read_only_store: Store) -> None:
    with pytest.raises(StoreError):
        read_only_store.optimize()
    assert count(read_only_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> ?o }}") == 1


def test_optimize_republishes_the_marker_so_readers_reopen(tmp_path: Path) -> None:
    """Readers in other processes follow the marker file, not the version: after a compaction
    they must move to the new files rather than hold the replaced ones open. And it does compact:
    the small files of separate write sessions become fewer."""
    from graph_api.store.provider import version_marker

    # separate write sessions: each leaves table files of its own on close (three: at four, RocksDB's
    # own background compaction of level 0 may start first and leave nothing to compact, a race
    # that failed this test once under load)
    for i in range(3):
        with EmbeddedStore(tmp_path / "store", base_iri=BASE) as w:
            w.replace_graph(f"{G1}{i}", [t(f"a{i}", "p", "b")])
    marker = version_marker(tmp_path / "store")
    text, ident = marker.read_text(), marker.stat().st_ino
    tables = len(list((tmp_path / "store").glob("*.sst")))
    with EmbeddedStore(tmp_path / "store", base_iri=BASE) as w:
        w.optimize()
    assert marker.read_text() == text and marker.stat().st_ino != ident
    assert len(list((tmp_path / "store").glob("*.sst"))) < tables


def test_a_view_opened_while_a_compaction_swaps_files_is_tried_again(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Opening a read-only view can meet a table file a writer's compaction has just removed
    (RocksDB: "IO error: No such file or directory"): the open is tried again; other errors are not."""
    import pyoxigraph as ox

    from graph_api.store import embedded

    path = tmp_path / "store"
    ox.Store(str(path)).flush()
    real = ox.Store.read_only
    calls: list[int] = []

    def flaky(p: str) -> ox.Store:
        calls.append(1)
        if len(calls) < 3:
            raise RuntimeError(f"Corruption: IO error: No such file or directory: While open a file for random "
                               f"read: {p}/000009.sst: No such file or directory")
        return real(p)

    monkeypatch.setattr(embedded.ox.Store, "read_only", staticmethod(flaky))
    assert len(embedded.open_read_only(path)) == 0 and len(calls) == 3

    def broken(p: str) -> ox.Store:
        calls.append(1)
        raise RuntimeError("Corruption: bad block")

    calls.clear()
    monkeypatch.setattr(embedded.ox.Store, "read_only", staticmethod(broken))
    with pytest.raises(RuntimeError, match="bad block"):
        embedded.open_read_only(path)
    assert len(calls) == 1
