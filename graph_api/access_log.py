"""The access log, written off the request path, in batches.

uvicorn formats and writes its access line (one ``print`` to a stream, flushed) in the request's
own thread; measured here that is 0.3–0.4 ms of a ~1 ms answer — a third of a point lookup.

A queue with a listener thread (``logging.handlers.QueueListener``) moved the writing away but
woke the listener on every request: under py-spy at one client, the request thread then spent
~0.28 ms a request in ``QueueHandler.enqueue`` waiting to get the GIL back from the woken
thread (formatting the line itself takes ~11 µs). Here the request thread only appends the
record uvicorn made to a deque, which wakes nobody, and a writer thread drains it every
:data:`FLUSH_INTERVAL` seconds with uvicorn's own handlers and formatter, so the log reads
exactly as before and in the same order, at most that late.

The rest is written when uvicorn has shut down (:func:`run_server`), *before* uvicorn raises a
caught SIGTERM again to end the process the default way: a ``finally`` after ``Server.run``
never runs then, and the last lines were lost.
"""
from __future__ import annotations

import collections
import logging
import threading
from typing import Any

import uvicorn

ACCESS_LOGGER = "uvicorn.access"
FLUSH_INTERVAL = 0.2  # seconds a line may wait before it is written


def _deliver(record: logging.LogRecord, handlers: list[logging.Handler]) -> None:
    """Hand ``record`` to the real handlers, their levels respected. A handler that raises (a
    filter or a stream of the user's logging configuration) reports it the logging way and the
    others still get the line: an exception in the writing thread would end it, and the kept
    lines would then grow without end, unwritten."""
    for h in handlers:
        if record.levelno >= h.level:
            try:
                h.handle(record)
            except Exception:
                h.handleError(record)


class _DequeHandler(logging.Handler):
    """Keeps records for :class:`BatchedAccessLog`. Once the log has stopped, a record still handed
    here (by a thread that read the logger's handlers before they were swapped back) goes straight
    to the real handlers instead of a batch nobody writes any more."""

    def __init__(self, records: collections.deque[logging.LogRecord]):
        super().__init__()
        self.records = records
        self.direct: list[logging.Handler] | None = None
        self.gate = threading.Lock()  # uncontended but at stop: ~50 ns a record

    def handle(self, record: logging.LogRecord) -> bool:
        with self.gate:
            if self.direct is None:
                self.records.append(record)
                return True
        _deliver(record, self.direct)
        return True

    def emit(self, record: logging.LogRecord) -> None:
        self.handle(record)


class BatchedAccessLog:
    """Writes the kept records every :data:`FLUSH_INTERVAL` seconds; ``stop`` writes the rest."""

    def __init__(self, logger: logging.Logger, interval: float = FLUSH_INTERVAL):
        self.logger = logger
        self.handlers = list(logger.handlers)
        self.interval = interval
        self.records: collections.deque[logging.LogRecord] = collections.deque()
        self._front = _DequeHandler(self.records)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="shekara-access-log", daemon=True)

    def start(self) -> None:
        if self._stop.is_set():
            raise RuntimeError("this access log was stopped; make a new one")
        for h in self.handlers:
            self.logger.removeHandler(h)
        self.logger.addHandler(self._front)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.flush()
        self.flush()

    def flush(self) -> None:
        """Write what is kept (uvicorn's record, with uvicorn's handlers)."""
        records = self.records
        while records:
            _deliver(records.popleft(), self.handlers)

    def stop(self) -> None:
        """Write every kept line and give the logger its handlers back (once; later calls do nothing).

        Also before ``start``: the handlers are back in place either way."""
        if self._stop.is_set():
            return
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        # One assignment swaps the handlers back: a line logged meanwhile goes to the batch (written
        # just below) or to the real handlers, never to both or to neither.
        self.logger.handlers = [h for h in self.logger.handlers if h is not self._front] + [
            h for h in self.handlers if h not in self.logger.handlers]
        with self._front.gate:
            self._front.direct = self.handlers
        self.flush()  # lines kept between the thread's last flush and the swap back


def defer_access_log() -> BatchedAccessLog | None:
    """Move the handlers of uvicorn's access logger behind a batch; returns it started (stop it
    to flush), or None when the logger has no handlers (access log off)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        return None
    batch = BatchedAccessLog(logger)
    batch.start()
    return batch


class _Server(uvicorn.Server):
    """uvicorn's server, writing the access log's last lines once every connection is closed."""

    def __init__(self, config: uvicorn.Config, log: BatchedAccessLog | None):
        super().__init__(config)
        self.access_log = log

    async def shutdown(self, sockets: Any = None) -> None:
        try:
            await super().shutdown(sockets)
        finally:
            if self.access_log is not None:
                self.access_log.stop()


def run_server(config: uvicorn.Config, access_log: bool) -> None:
    """Run uvicorn with its access log (when on) batched off the request path."""
    log = defer_access_log() if access_log else None
    try:
        _Server(config, log).run()
    finally:  # a start that failed, or an exit without a signal
        if log is not None:
            log.stop()
