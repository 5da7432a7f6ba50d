"""The query executor's worker pool (``query_exec._Pool``): who gets a worker, and that none is lost.

The pool hands idle workers out last in, first out, and a worker coming back goes straight to
the longest-waiting caller — a thread or a coroutine on its own loop. Plain objects stand in
for workers here: the pool never looks inside them. ``test_sparql_endpoint`` and
``test_concurrency`` run the real worker processes through it.
"""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from graph_api.query_exec import _Pool


class W:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


def test_idle_workers_come_back_last_in_first_out() -> None:
    pool = _Pool()
    a, b = W("a"), W("b")
    pool.put(a)
    pool.put(b)
    assert pool.get_nowait() is b
    pool.put(b)
    assert pool.get_nowait() is b and pool.get_nowait() is a and pool.get_nowait() is None


def test_a_returned_worker_goes_to_the_longest_waiting_thread() -> None:
    pool = _Pool()
    got: dict[str, object] = {}

    def wait(name: str) -> None:
        got[name] = pool.get(5.0)

    first = threading.Thread(target=wait, args=("first",))
    first.start()
    time.sleep(0.05)
    second = threading.Thread(target=wait, args=("second",))
    second.start()
    time.sleep(0.05)
    w1, w2 = W("w1"), W("w2")
    pool.put(w1)
    first.join(5)
    assert got == {"first": w1}
    pool.put(w2)
    second.join(5)
    assert got == {"first": w1, "second": w2} and len(pool) == 0


def test_a_thread_that_stopped_waiting_is_skipped_and_the_worker_kept() -> None:
    pool = _Pool()
    assert pool.get(0.05) is None  # timed out: must leave the line
    w = W("w")
    pool.put(w)
    assert len(pool) == 1 and pool.get_nowait() is w


def test_a_coroutine_waits_on_its_loop_and_gets_a_worker_put_back_by_a_thread() -> None:
    async def main() -> object:
        pool = _Pool()
        w = W("w")
        threading.Timer(0.05, pool.put, args=(w,)).start()
        got = await pool.get_async(5.0)
        assert len(pool) == 0
        return got

    got = asyncio.run(main())
    assert isinstance(got, W) and got.name == "w"


def test_coroutines_are_served_in_arrival_order_and_a_timed_out_one_leaves_the_line() -> None:
    async def main() -> list[object]:
        pool = _Pool()
        late = await pool.get_async(0.02)  # nobody puts anything back in time
        assert late is None
        order: list[object] = []

        async def take(name: str) -> None:
            w = await pool.get_async(5.0)
            order.append((name, w))
            pool.put(w)  # type: ignore[arg-type]

        tasks = [asyncio.create_task(take(n)) for n in ("one", "two", "three")]
        await asyncio.sleep(0.02)
        w = W("w")
        pool.put(w)
        await asyncio.gather(*tasks)
        assert pool.get_nowait() is w and pool.get_nowait() is None
        return order

    order = asyncio.run(main())
    assert [name for name, _ in order] == ["one", "two", "three"]


def test_a_cancelled_coroutine_gives_back_a_worker_handed_to_it() -> None:
    """Cancelled just after a worker was handed over (before it woke): the worker returns to the pool."""
    async def main() -> None:
        pool = _Pool()
        task = asyncio.create_task(pool.get_async(5.0))
        await asyncio.sleep(0.01)
        w = W("w")
        pool.put(w)   # handed to the waiting task; its wake-up is scheduled, not yet run
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert pool.get_nowait() is w

    asyncio.run(main())


def test_a_waiter_whose_loop_is_gone_is_passed_over() -> None:
    """A coroutine left waiting on a loop that was stopped or closed never takes its worker:
    the worker goes to the next caller, or back to the pool (found in review: it was lost)."""
    pool = _Pool()
    loop = asyncio.new_event_loop()
    task = loop.create_task(pool.get_async(30.0))
    loop.run_until_complete(asyncio.sleep(0.01))  # the task waits; the loop stops
    got: dict[str, object] = {}
    t = threading.Thread(target=lambda: got.setdefault("thread", pool.get(5.0)))
    t.start()
    time.sleep(0.05)
    w = W("w")
    pool.put(w)      # the stopped loop's waiter is first in line, the thread second
    t.join(5)
    assert got == {"thread": w}
    task.cancel()    # the loop runs again: its caller finds it was passed over and gets nothing
    loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
    loop.close()
    pool.put(w)
    assert pool.get_nowait() is w and pool.get_nowait() is None


def test_an_interrupted_thread_leaves_the_line() -> None:
    """KeyboardInterrupt (or a signal handler's exception) during the wait: the next worker
    is not handed to the caller that has gone."""
    pool = _Pool()
    real_wait = threading.Event.wait

    def interrupted(self, timeout=None):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    threading.Event.wait = interrupted  # type: ignore[method-assign]
    try:
        with pytest.raises(KeyboardInterrupt):
            pool.get(5.0)
    finally:
        threading.Event.wait = real_wait  # type: ignore[method-assign]
    w = W("w")
    pool.put(w)
    assert pool.get_nowait() is w


def test_a_worker_handed_over_as_the_wait_ran_out_goes_back() -> None:
    """The caller has no time left to use it; the worker must stay in the pool, not be used
    (and then killed as an overrun) by a caller whose deadline has passed."""
    pool = _Pool()
    w = W("w")
    real_wait = threading.Event.wait

    def late(self, timeout=None):  # type: ignore[no-untyped-def]
        pool.put(w)                   # handed over ...
        time.sleep(timeout + 0.01)    # ... but the caller only looks after its time ran out
        return True

    threading.Event.wait = late  # type: ignore[method-assign]
    try:
        assert pool.get(0.02) is None
    finally:
        threading.Event.wait = real_wait  # type: ignore[method-assign]
    assert pool.get_nowait() is w


def test_closing_wakes_every_waiter_and_later_callers_do_not_wait() -> None:
    pool = _Pool()
    idle = W("idle")
    pool.put(idle)
    assert pool.get_nowait() is idle
    got: dict[str, object] = {}
    thread = threading.Thread(target=lambda: got.update(thread=pool.get(30.0)))
    thread.start()

    async def coroutine() -> None:
        got["coroutine"] = await pool.get_async(30.0)

    async def both() -> None:
        task = asyncio.ensure_future(coroutine())
        await asyncio.sleep(0.05)
        pool.put(W("spare"))  # goes to the thread, the longest waiting
        assert pool.close() == []
        await asyncio.wait_for(task, 5)

    started = time.monotonic()
    time.sleep(0.05)
    asyncio.run(both())
    thread.join(5)
    assert repr(got["thread"]) == "spare" and got["coroutine"] is None
    assert pool.get(30.0) is None and time.monotonic() - started < 5
    pool.put(W("late"))  # a worker coming back after the close is simply kept; nobody waits
    assert pool.close() and pool.close() == []
