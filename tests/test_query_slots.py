"""Worker processes with several query slots (``SHEKARA_QUERY_THREADS``), on real processes.

A worker process runs one query per slot at once over one shared read-only view. Ending an
overrunning query ends its process, so the queries running on the other slots of that process
are run again on the fresh one: the callers get their answers, not an error.
"""
from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from conftest import build_store
from graph_api.query_exec import QueryExecutor, QueryTimeout
from graph_api.store.base import StoreError
from graph_api.settings import Settings

FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"
# ~350 triples squared, times 80: some ten million rows to count, a second or two of work that
# does finish (the overrunning query below, a five-way product, never would).
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f VALUES ?x { "
        + " ".join(str(i) for i in range(80)) + " } }")
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture()
def executor(tmp_path):  # type: ignore[no-untyped-def]
    store = build_store(tmp_path / "store", BASE, FIXTURE)
    ex = QueryExecutor(Settings(store=store, base_iri=BASE, query_workers=1, query_threads=2))
    yield ex
    ex.close()


def _in_background(ex: QueryExecutor, query: str, out: dict, timeout: float = 120) -> threading.Thread:  # type: ignore[type-arg]
    def go() -> None:
        try:
            out["result"] = ex.run(query, "json", timeout=timeout)
        except Exception as e:  # reported to the test
            out["error"] = e

    t = threading.Thread(target=go)
    t.start()
    deadline = time.monotonic() + 60
    while len(ex._pool) != ex.slots - 1 and time.monotonic() < deadline:  # it has taken its slot
        time.sleep(0.005)
    return t


def _pids(ex: QueryExecutor) -> set[int]:
    return {e.proc.pid for e in ex._all}


def test_one_worker_process_answers_on_its_second_slot_while_the_first_is_busy(executor) -> None:  # type: ignore[no-untyped-def]
    executor.run("ASK {}", "json")  # start the worker
    assert executor.slots == 2 and len(_pids(executor)) == 1
    out: dict = {}  # type: ignore[type-arg]
    slow = _in_background(executor, SLOW, out)
    quick = executor.run("ASK { ?s ?p ?o }", "json")
    assert b"true" in quick.body
    assert slow.is_alive(), "the quick query should have been answered while the slow one ran"
    slow.join(120)
    assert "error" not in out and b'"n"' in out["result"].body
    assert len(_pids(executor)) == 1  # both on the one process


def test_an_overrun_ends_the_process_and_its_sibling_query_is_run_again(executor) -> None:  # type: ignore[no-untyped-def]
    executor.run("ASK {}", "json")
    before = _pids(executor)
    reruns: list[bool] = []
    real_rerun = executor._rerun

    def recording_rerun(w, deadline, timeout):  # type: ignore[no-untyped-def]
        again = real_rerun(w, deadline, timeout)
        reruns.append(again)
        return again

    executor._rerun = recording_rerun  # type: ignore[method-assign]
    out: dict = {}  # type: ignore[type-arg]
    sibling = _in_background(executor, SLOW, out)
    with pytest.raises(QueryTimeout, match="longer than"):
        executor.run(ENDLESS, "json", timeout=0.3)
    sibling.join(120)
    assert "error" not in out, out.get("error")
    assert reruns == [True], "the sibling's query should have been cut off by the kill and run again"
    after = _pids(executor)
    assert after and not (after & before), "the overrunning process should have been replaced"
    assert out["result"].body == executor.run(SLOW, "json", timeout=120).body  # the full, right count
    assert len(executor._pool) == executor.slots  # every slot of the new process is back, none of the old


def test_slots_of_an_ended_process_are_never_handed_out(executor) -> None:  # type: ignore[no-untyped-def]
    executor.run("ASK {}", "json")
    old = next(iter(executor._all))
    w = executor._pool.get_nowait()
    assert w is not None and w.engine is old
    executor._retire(w, "broken")
    assert all(s.engine is not old for s in executor._pool._idle)
    assert old.ended == "broken" and not old.proc.is_alive()
    assert b"true" in executor.run("ASK { ?s ?p ?o }", "json").body


def test_a_sibling_with_too_little_time_left_is_not_run_again(executor) -> None:  # type: ignore[no-untyped-def]
    """Run again with almost no time left, the cut-off query would overrun in turn and end the
    fresh process too: it gets a timeout instead, and the fresh process is left alone."""
    executor.run("ASK {}", "json")
    out: dict = {}  # type: ignore[type-arg]
    sibling = _in_background(executor, SLOW, out, timeout=1.2)  # less than RERUN_MIN_LEFT after the kill
    with pytest.raises(QueryTimeout):
        executor.run(ENDLESS, "json", timeout=0.3)
    sibling.join(60)
    assert isinstance(out.get("error"), QueryTimeout) and "too little" in str(out["error"]), out
    fresh = _pids(executor)
    assert b"true" in executor.run("ASK { ?s ?p ?o }", "json").body
    assert _pids(executor) == fresh, "the fresh process should not have been ended"


def test_a_cancelled_query_leaves_its_siblings_running(executor) -> None:  # type: ignore[no-untyped-def]
    """A caller that goes away mid-query no longer ends the process: its slot is drained in the
    background and comes back, and the query on the sibling slot is not started again."""
    executor.run("ASK {}", "json")
    before = _pids(executor)
    reruns: list[bool] = []
    real_rerun = executor._rerun
    executor._rerun = lambda *a: reruns.append(True) or real_rerun(*a)  # type: ignore[method-assign]
    out: dict = {}  # type: ignore[type-arg]
    sibling = _in_background(executor, SLOW, out)

    async def cancel_one() -> None:
        task = asyncio.ensure_future(executor.run_async(SLOW, "json", timeout=120))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_one())
    sibling.join(120)
    assert "error" not in out and reruns == [], (out, reruns)
    deadline = time.monotonic() + 60
    while len(executor._pool) != executor.slots and time.monotonic() < deadline:  # the drained slot returns
        time.sleep(0.01)
    assert len(executor._pool) == executor.slots
    assert _pids(executor) == before, "cancelling should not have ended the process"


def test_closing_tells_waiting_and_running_callers_at_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = build_store(tmp_path / "store", BASE, FIXTURE)
    ex = QueryExecutor(Settings(store=store, base_iri=BASE, query_workers=1, query_threads=1))
    ex.run("ASK {}", "json")
    running: dict = {}  # type: ignore[type-arg]
    waiting: dict = {}  # type: ignore[type-arg]
    first = _in_background(ex, SLOW, running, timeout=60)
    second = threading.Thread(target=lambda: waiting.update(error=pytest.raises(StoreError, ex.run, SLOW, "json",
                                                                                    timeout=60)))
    second.start()
    time.sleep(0.2)  # the second caller is now waiting for the only slot
    started = time.monotonic()
    ex.close()
    first.join(30)
    second.join(30)
    assert time.monotonic() - started < 10, "callers should not wait out their 60 s"
    assert "closed" in str(running.get("error")), running
    assert "closed" in str(waiting["error"].value)
    with pytest.raises(StoreError, match="closed"):
        ex.run("ASK {}", "json")


def test_a_job_bigger_than_the_socket_buffer_reaches_the_worker_both_ways(executor) -> None:  # type: ignore[no-untyped-def]
    """A long query (a portal's VALUES list) is more than a socket buffer: it is written from a
    thread on the async path, so the event loop never waits for the worker to read it."""
    values = " ".join(f"<http://example.org/v{i}>" for i in range(12_000))
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?v {{ {values} }} }}"
    assert len(query) > 300_000
    executor.settings.max_query_length = len(query)
    assert b'"12000"' in executor.run(query, "json").body

    async def go() -> bytes:
        ticks = 0

        async def ticking() -> None:  # the loop keeps running while the job is written
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0)

        ticker = asyncio.ensure_future(ticking())
        body = (await executor.run_async(query, "json")).body
        ticker.cancel()
        assert ticks > 0
        return body

    assert b'"12000"' in asyncio.run(go())


def test_writing_a_job_gives_up_at_the_deadline_when_nobody_reads() -> None:
    import socket

    from graph_api.query_exec import _send_msg

    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    try:
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            _send_msg(ours.fileno(), b"x" * (4 << 20), time.monotonic() + 0.3)
        assert time.monotonic() - started < 5
    finally:
        ours.close()
        theirs.close()


@pytest.mark.parametrize("size", [0, 10, 70_000, 3 << 20])
def test_a_message_arrives_whole_whatever_its_size(size: int) -> None:
    """Header and payload go out in one ``writev``; a payload bigger than the socket buffer is
    finished by the partial-write path while the reader drains it."""
    import socket

    from graph_api.query_exec import _MessageReader, _send_msg

    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    payload = bytes(range(256)) * (size // 256) + b"z" * (size % 256)
    got: list[bytes] = []

    def read() -> None:
        reader = _MessageReader()
        while True:
            msg = reader.feed(theirs.fileno())
            if msg is not None:
                got.append(msg)
                return

    t = threading.Thread(target=read)
    t.start()
    try:
        _send_msg(ours.fileno(), payload, time.monotonic() + 10)
        t.join(10)
        assert got == [payload]
    finally:
        ours.close()
        theirs.close()


def test_a_message_that_fits_the_buffer_goes_out_in_one_write(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One system call, so the reader's wake-up finds the whole answer: written apart, a 70 kB
    answer woke the service once for its 8-byte header alone, an extra loop turn and context
    switch per heavy query."""
    import os
    import socket

    from graph_api.query_exec import _MessageReader, _send_msg

    calls: list[int] = []
    real_write, real_writev = os.write, os.writev
    monkeypatch.setattr(os, "write", lambda fd, b: calls.append(len(b)) or real_write(fd, b))
    monkeypatch.setattr(os, "writev", lambda fd, bs: calls.append(sum(len(b) for b in bs)) or real_writev(fd, bs))
    ours, theirs = socket.socketpair()
    theirs.setblocking(False)
    try:
        _send_msg(ours.fileno(), b"a" * 70_000)
        assert calls == [70_008]
        assert _MessageReader().feed(theirs.fileno()) == b"a" * 70_000
    finally:
        ours.close()
        theirs.close()


def test_a_long_job_cancelled_before_it_went_out_gives_its_slot_back(executor) -> None:  # type: ignore[no-untyped-def]
    """A job of 64 KiB or more waits for a thread to write it; a caller cancelled before that
    leaves nothing running, so its slot comes straight back (it once waited out the whole
    timeout and then ended the process)."""
    executor.run("ASK {}", "json")
    before = _pids(executor)
    values = " ".join(f"<http://example.org/v{i}>" for i in range(4000))
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?v {{ {values} }} }}"
    assert len(query) > 65536
    executor.settings.max_query_length = len(query)

    async def cancel_soon(ticks: int) -> None:
        task = asyncio.ensure_future(executor.run_async(query, "json", timeout=60))
        for _ in range(ticks):
            await asyncio.sleep(0)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

    for ticks in (0, 1, 2, 5):
        asyncio.run(cancel_soon(ticks))
    deadline = time.monotonic() + 10
    while len(executor._pool) != executor.slots and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(executor._pool) == executor.slots, "a cancelled long job held its slot"
    assert _pids(executor) == before, "cancelling should not have ended the process"
    assert b'"4000"' in executor.run(query, "json").body


def _deleted_tables_held(pid: int) -> list[str]:
    """Table files the process still holds open although they were deleted."""
    held = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.endswith(".sst (deleted)"):
            held.append(target)
    return held


def test_workers_move_to_the_compacted_files_after_optimize(executor) -> None:  # type: ignore[no-untyped-def]
    """``shekara optimize`` replaces every table file while the service reads. The workers
    answer the same, and reopen onto the new files instead of holding the old ones (and their
    disk space) open."""
    from graph_api.store.embedded import EmbeddedStore

    store = executor.settings.store
    with EmbeddedStore(store, base_iri=BASE) as w:  # a few small commits: level-0 files to compact
        for i in range(3):
            w.update(f"INSERT DATA {{ GRAPH <{BASE}graph/extra> {{ <{BASE}x{i}> <{BASE}p> {i} }} }}")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = executor.run(count, "json").body
    (pid,) = _pids(executor)
    with EmbeddedStore(store, base_iri=BASE) as w:
        w.optimize()
    assert _deleted_tables_held(pid), "the test needs a view opened on the files the compaction replaced"
    assert executor.run(count, "json").body == before
    assert _pids(executor) == {pid} and _deleted_tables_held(pid) == []


def test_a_long_job_that_finds_no_thread_in_time_times_out_and_leaves_the_worker(executor) -> None:  # type: ignore[no-untyped-def]
    """The wait for a thread to write a long job counts against the query's deadline. Nothing
    reached the worker, so its process stays and the slot comes back (it was a leftover noted
    last stop: the wait did not count at all)."""
    import anyio.to_thread

    executor.run("ASK {}", "json")
    before = _pids(executor)
    values = " ".join(f"<http://example.org/v{i}>" for i in range(4000))
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?v {{ {values} }} }}"
    executor.settings.max_query_length = len(query)
    release = threading.Event()

    async def go() -> float:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = 1
        blocker = asyncio.ensure_future(anyio.to_thread.run_sync(release.wait))
        threading.Timer(4, release.set).start()  # frees the thread in any case, so no version hangs
        await asyncio.sleep(0.05)  # the one thread is taken
        started = time.monotonic()
        try:
            with pytest.raises(QueryTimeout, match="ran longer than the limit"):
                await executor.run_async(query, "json", timeout=0.5)
            return time.monotonic() - started
        finally:
            release.set()
            await blocker

    took = asyncio.run(go())
    assert took < 3, took
    assert _pids(executor) == before, "a job that never went out should not end the process"
    assert len(executor._pool) == executor.slots
    assert b'"4000"' in executor.run(query, "json").body
