"""Bad input never stops a run: each bad file is reported with its reason, the good ones are stored,
and the store never holds half a document.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_api.ingest_runner import Report, ingest_paths
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore
from ingest.reading import ReadError, read_bytes
from ingest.vocab import Graphs

BASE = "http://127.0.0.1:8000/"
G = Graphs(BASE)
GOOD = "Readers of the Omsk Regional Scientific Library met colleagues from Kostanai.\n"
GOOD_KK = "Кеше біз Омбы облыстық ғылыми кітапханасында болдық.\n"


def outcomes(report: Report) -> dict[str, tuple[str, str]]:
    return {o.path.name: (o.status, o.reason) for o in report.outcomes}


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = Settings(store=tmp_path / "store", base_iri=BASE)
    st = EmbeddedStore(settings.store, base_iri=BASE)
    yield settings, st
    st.close()


def test_each_bad_file_fails_with_its_reason_and_the_good_ones_are_stored(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    settings, st = store
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.en.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.kk.txt").write_text(GOOD_KK, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04\xff" * 200)
    with (folder / "huge.txt").open("wb") as f:  # sparse: created at once, never read
        f.truncate(50 * 1024 * 1024 + 1)
    # invalid UTF-8 that is not plausible cp1251 / koi8-r text either
    (folder / "garbled.txt").write_bytes(b"Report \xff\xfe\x80\x81 of \x98\x98 the \xc0\xc1\xf5 year. " * 8)
    missing = tmp_path / "not-there.txt"

    report = ingest_paths(st, settings, [folder, missing])
    got = outcomes(report)
    assert got["good.en.txt"][0] == "stored" and got["good.kk.txt"][0] == "stored"
    expected = {"empty.txt": "empty", "binary.txt": "binary", "huge.txt": "too large",
                "garbled.txt": "cannot decode", "not-there.txt": "no such file"}
    for name, reason in expected.items():
        status, why = got[name]
        assert status == "failed" and reason in why, (name, why)
    docs = {g for g in st.named_graphs() if g.startswith(G.doc_prefix)}
    assert docs == {G.document("good.en.txt").value, G.document("good.kk.txt").value}
    assert len(report.failed) == 5


def test_size_limit_comes_from_the_settings(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    settings, st = store
    small = settings.model_copy(update={"max_document_bytes": 64})
    f = tmp_path / "long.en.txt"
    f.write_text(GOOD * 2, encoding="utf-8")
    (status, reason), = outcomes(ingest_paths(st, small, [f])).values()
    assert status == "failed" and "too large" in reason


def _crash_on(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    from ingest import pipeline

    original = pipeline.CandidateFinder.__call__

    def crashing(self, doc):  # type: ignore[no-untyped-def]
        if marker in doc.text:
            raise RuntimeError("candidate finder exploded")
        return original(self, doc)

    monkeypatch.setattr(pipeline.CandidateFinder, "__call__", crashing)


def test_a_document_that_crashes_a_component_fails_alone(tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    settings, st = store
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.en.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.en.txt").write_text("The Troitsk City Library XPLODE opened its doors.\n", encoding="utf-8")
    (folder / "c.kk.txt").write_text(GOOD_KK, encoding="utf-8")
    _crash_on(monkeypatch, "XPLODE")
    got = outcomes(ingest_paths(st, settings, [folder]))
    assert got["a.en.txt"][0] == "stored" and got["c.kk.txt"][0] == "stored"
    assert got["b.en.txt"][0] == "failed" and "candidate finder exploded" in got["b.en.txt"][1]
    assert G.document("b.en.txt").value not in st.named_graphs()
    work = G.work("b.en.txt").value
    assert not st.query(f"ASK {{ {{ <{work}> ?p ?o }} UNION {{ ?s ?p <{work}> }} }}")


def test_a_changed_document_that_crashes_keeps_its_old_graph_whole(tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    settings, st = store
    f = tmp_path / "doc.en.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert outcomes(ingest_paths(st, settings, [f]))["doc.en.txt"][0] == "stored"
    old = sorted(str(q) for q in st.graph_quads(G.document("doc.en.txt").value) if "_:" not in str(q))

    f.write_text(GOOD + "The Troitsk City Library XPLODE opened.\n", encoding="utf-8")
    _crash_on(monkeypatch, "XPLODE")
    assert outcomes(ingest_paths(st, settings, [f]))["doc.en.txt"][0] == "failed"
    now = sorted(str(q) for q in st.graph_quads(G.document("doc.en.txt").value) if "_:" not in str(q))
    assert now == old


def test_reader_refuses_empty_and_whitespace() -> None:
    for data in (b"", b"  \n\t \n"):
        with pytest.raises(ReadError, match="empty"):
            read_bytes(data, "blank.txt")


KK = "Қостанай облыстық кітапханасында әріптестер кездесті. Ғылыми жиын Оралда өтті, Ұлы Дала үні.\n"


@pytest.mark.parametrize("repeat", [1, 3])
def test_kazakh_in_the_kz1048_code_page_is_decoded_not_garbled(repeat: int) -> None:
    """KZ-1048 read as cp1251 gave Ќостанай / јріптестер: plausible Cyrillic, silently ingested."""
    doc = read_bytes((KK * repeat).encode("kz1048"), "legacy.kk.txt")
    assert doc.text.startswith("Қостанай облыстық") and "әріптестер" in doc.text and "Ұлы Дала үні" in doc.text
    assert doc.encoding == "kz1048"


def test_russian_in_cp1251_stays_cp1251_beside_kz1048() -> None:
    """The two code pages agree outside the Kazakh letters: Russian text keeps the common name."""
    text = "Встреча библиотекарей Омска и Павлодара прошла в областной библиотеке имени Пушкина.\n" * 2
    doc = read_bytes(text.encode("cp1251"), "legacy.ru.txt")
    assert doc.text == text and doc.encoding == "cp1251"
