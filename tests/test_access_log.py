"""The batched access log (graph_api/access_log.py): every line, in order, with uvicorn's own
handlers and levels, written within the flush interval and all of it on stop."""
from __future__ import annotations

import io
import logging
import threading
import time

import pytest

from graph_api.access_log import BatchedAccessLog


@pytest.fixture
def logger():  # type: ignore[no-untyped-def]
    log = logging.getLogger("shekara.test.access")
    log.propagate = False
    log.setLevel(logging.DEBUG)
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.setLevel(logging.INFO)
    log.addHandler(handler)
    yield log, handler, out
    for h in list(log.handlers):
        log.removeHandler(h)


def test_lines_are_written_in_order_within_the_interval(logger) -> None:  # type: ignore[no-untyped-def]
    log, handler, out = logger
    batch = BatchedAccessLog(log, interval=0.05)
    batch.start()
    try:
        assert batch._front in log.handlers and handler not in log.handlers  # the request thread only appends
        threads = [threading.Thread(target=lambda k=k: [log.info("t%d line %d", k, i) for i in range(200)])
                   for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        deadline = time.monotonic() + 5
        while out.getvalue().count("\n") < 800 and time.monotonic() < deadline:
            time.sleep(0.01)
        lines = out.getvalue().splitlines()
        assert len(lines) == 800  # written while running, not only on stop
        for k in range(4):  # each thread's lines in the order it logged them
            assert [ln for ln in lines if ln.startswith(f"INFO t{k} ")] == [f"INFO t{k} line {i}" for i in range(200)]
    finally:
        batch.stop()


def test_stop_writes_the_rest_and_gives_the_handlers_back(logger) -> None:  # type: ignore[no-untyped-def]
    log, handler, out = logger
    batch = BatchedAccessLog(log, interval=60)  # never flushes by itself within the test
    batch.start()
    log.info("kept")
    log.debug("below the handler's level")
    assert out.getvalue() == ""
    batch.stop()
    assert out.getvalue() == "INFO kept\n"
    assert handler in log.handlers and batch._front not in log.handlers
    log.info("after")
    assert out.getvalue().endswith("INFO after\n")


def test_a_stop_before_start_leaves_the_handlers_in_place(logger) -> None:  # type: ignore[no-untyped-def]
    log, handler, out = logger
    batch = BatchedAccessLog(log)
    batch.stop()
    assert handler in log.handlers and batch._front not in log.handlers
    with pytest.raises(RuntimeError):
        batch.start()  # a stopped log does not come back half-working
    log.info("still written")
    assert out.getvalue() == "INFO still written\n"


def test_a_failing_handler_neither_ends_the_writing_nor_loses_the_other_lines(logger, capsys) -> None:  # type: ignore[no-untyped-def]
    log, handler, out = logger

    class Broken(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            if "boom" in record.getMessage():
                raise ValueError("a broken filter")
            return True

    handler.addFilter(Broken())
    batch = BatchedAccessLog(log, interval=0.02)
    batch.start()
    try:
        log.info("before")
        log.info("boom")
        log.info("after")
        deadline = time.monotonic() + 5
        while "after" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert out.getvalue() == "INFO before\nINFO after\n"
        assert batch._thread.is_alive() and not batch.records
        log.info("later")
        deadline = time.monotonic() + 5
        while "later" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert out.getvalue().endswith("INFO later\n")
    finally:
        batch.stop()
    assert "a broken filter" in capsys.readouterr().err  # reported the logging way


def test_a_line_handed_to_the_batch_after_stop_is_written_once(logger) -> None:  # type: ignore[no-untyped-def]
    """A thread that read the logger's handlers just before stop swapped them back hands its line
    to the batch afterwards: it is written, once."""
    log, handler, out = logger
    batch = BatchedAccessLog(log, interval=60)
    batch.start()
    front = batch._front
    log.info("kept")
    batch.stop()
    front.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, "late", (), None))
    log.info("after")
    assert out.getvalue() == "INFO kept\nINFO late\nINFO after\n"
