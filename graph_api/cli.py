"""The ``shekara`` command line: thin wiring of ingest, the store and the service.

A user mistake (bad query, missing file, unreadable store) is one line on stderr and a non-zero
exit, never a traceback.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph_api.formats import DATASET_FORMATS, RDF_FORMATS, RESULT_FORMATS
from graph_api.settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Shekara: a linked-data graph of the "
                  "cultural-historical links between Russia and Kazakhstan.")

StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Store directory (env SHEKARA_STORE, default data/store).")]


class UserError(Exception):
    """A mistake of the user's: reported as one line, exit code 2."""


def _settings(store: Path | None, **extra: object) -> Settings:
    s = get_settings()
    updates: dict[str, object] = {k: v for k, v in extra.items() if v is not None}
    if store is not None:
        updates["store"] = store
    return s.model_copy(update=updates) if updates else s


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"shekara: error: {message}", err=True)
    raise typer.Exit(code)


def _is_absolute_iri(text: str) -> bool:
    """A scheme, a colon and no character an IRI may not hold (RFC 3987): what a graph name must be."""
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", text) is not None


def _open(settings: Settings, read_only: bool = False):
    from graph_api.store import StoreError, open_store

    try:
        return open_store(settings, read_only=read_only)
    except StoreError as e:
        _fail(str(e))


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default data/corpus).")] = None,
    store: StoreOpt = None,
    prune: Annotated[bool, typer.Option("--prune", help="Drop the graphs of documents that are not among the given files and folders (the corpus is what you name).")] = False,
) -> None:
    """Ingest documents into the store: one named graph per document."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph_api.ingest_runner import ingest_paths

    settings = _settings(store)
    targets = paths or [settings.corpus]
    err = Console(stderr=True)
    out = Console(highlight=False, soft_wrap=True)
    st = _open(settings)
    try:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err,
                      transient=True) as progress:
            task = progress.add_task("ingest", total=None, rate="")

            def started(n: int) -> None:
                progress.update(task, total=n)

            def done(o) -> None:  # type: ignore[no-untyped-def]
                progress.advance(task)
                elapsed = progress.tasks[0].elapsed or 0.0
                completed = progress.tasks[0].completed
                progress.update(task, rate=f"{completed / elapsed:.1f} docs/s" if elapsed else "")
                line = f"{o.status:9} {o.path.name}"
                if o.status == "stored":
                    line += f"  [{o.language}] {o.mentions} mentions, {o.entities} entities"
                elif o.reason:
                    line += f"  {o.reason}"
                out.print(line, markup=False)

            report = ingest_paths(st, settings, targets, prune=prune, on_document=done, on_start=started)
        _refresh_search_index(st, settings)
    finally:
        st.close()
    stored = sum(1 for o in report.outcomes if o.status == "stored")
    same = sum(1 for o in report.outcomes if o.status == "unchanged")
    err.print(f"{stored} stored, {same} unchanged, {len(report.failed)} failed in {report.seconds:.1f}s", markup=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve SPARQL, Linked Data, the JSON API and the HTML pages."""
    import uvicorn

    from graph_api.access_log import run_server
    from graph_api.app import create_app

    settings = _settings(store)
    config = uvicorn.Config(create_app(settings), host=host, port=port, log_level="info",
                            access_log=settings.access_log)  # configures uvicorn's loggers
    run_server(config, settings.access_log)


def _resolve_query(text: str, settings: Settings) -> str:
    if text.startswith("@"):
        p = Path(text[1:])
        if not p.is_file():
            raise UserError(f"query file not found: {p}")
        return p.read_text(encoding="utf-8")
    name = text[:-3] if text.endswith(".rq") else text
    candidate = settings.queries / f"{name}.rq"
    if "/" not in name and " " not in name and "{" not in name and candidate.is_file():
        return candidate.read_text(encoding="utf-8")
    if "{" not in text and not any(k in text.upper() for k in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise UserError(f"not a query, a @file or a name in {settings.queries}: {text!r}")
    return text


@app.command()
def query(
    query_text: Annotated[str, typer.Argument(metavar="QUERY", help="SPARQL text, @file.rq, or a name in queries/.")],
    store: StoreOpt = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="json|xml|csv|tsv (SELECT/ASK); ttl|nt|jsonld|rdfxml (CONSTRUCT/DESCRIBE).")] = None,
) -> None:
    """Run a SPARQL query against the union of all graphs and print the result."""
    import pyoxigraph as ox

    from graph_api.store import QuerySyntaxError, StoreError

    settings = _settings(store)
    try:
        text = _resolve_query(query_text, settings)
    except UserError as e:
        _fail(str(e))
    if fmt is not None and fmt not in RESULT_FORMATS and fmt not in RDF_FORMATS:
        _fail(f"unknown format {fmt!r}; use one of {', '.join([*RESULT_FORMATS, *RDF_FORMATS])}")
    st = _open(settings, read_only=True)
    try:
        result = st.query(text)
        if isinstance(result, ox.QueryTriples):
            f = RDF_FORMATS.get(fmt or "ttl")
            if f is None:
                _fail(f"{fmt} is a SELECT/ASK format; CONSTRUCT/DESCRIBE give ttl, nt, jsonld or rdfxml")
            data = result.serialize(format=f.rdf)
        else:
            f = RESULT_FORMATS.get(fmt or "json")
            if f is None:
                _fail(f"{fmt} is an RDF format; SELECT/ASK give json, xml, csv or tsv")
            data = result.serialize(format=f.results)
        sys.stdout.buffer.write(data)
        if not data.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
    except QuerySyntaxError as e:
        _fail(f"bad query: {e}")
    except StoreError as e:
        _fail(str(e))
    finally:
        st.close()


@app.command()
def export(
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="nq or trig.")] = "nq",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File (default stdout).")] = None,
) -> None:
    """Write the whole dataset, every named graph, as N-Quads or TriG."""
    f = DATASET_FORMATS.get(fmt)
    if f is None:
        _fail(f"unknown format {fmt!r}; use nq or trig")
    settings = _settings(store)
    if output is not None and not output.parent.is_dir():
        _fail(f"cannot write {output}: no such directory {output.parent}")
    st = _open(settings, read_only=True)
    try:
        if output is None:
            st.export(sys.stdout.buffer, f.rdf)
        else:
            try:
                fh = open(output, "wb")
            except OSError as e:  # a directory given as the file, no permission
                _fail(f"cannot write {output}: {e.strerror}", code=1)
            with fh:
                st.export(fh, f.rdf)
    finally:
        st.close()


@app.command()
def validate(
    store: StoreOpt = None,
    data: Annotated[Optional[list[Path]], typer.Option("--data", help="Validate these RDF files instead of the store.")] = None,
) -> None:
    """SHACL-validate the store (or files) against ontology/shapes.ttl; exit 1 on violations."""
    from graph_api.validation import validate_files, validate_store

    settings = _settings(store)
    if data:
        missing = [p for p in data if not p.is_file()]
        if missing:
            _fail(f"file not found: {missing[0]}")
        try:
            report = validate_files(data, settings)
        except ValueError as e:  # unreadable RDF: not "violations" (exit 1), a usage error (exit 2)
            _fail(str(e))
    else:
        st = _open(settings, read_only=True)
        try:
            report = validate_store(st, settings)
        finally:
            st.close()
    typer.echo(report.text())
    raise typer.Exit(0 if report.conforms else 1)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files: nq, trig, ttl, nt, jsonld, rdf/xml; .gz too.")],
    store: StoreOpt = None,
    graph: Annotated[Optional[str], typer.Option("--graph", help="Load everything into this named graph.")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Override the format guessed from the suffix.")] = None,
    optimize_after: Annotated[bool, typer.Option("--optimize", help="Compact the store after loading (as `shekara optimize`): the load takes longer, queries run faster.")] = False,
) -> None:
    """Bulk-load RDF files into the store, streaming (memory bounded), with a progress bar."""
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    from graph_api.loading import LoadError, load_files, resolve_format
    from graph_api.store import ReadOnlyError, StoreError

    settings = _settings(store)
    if graph is not None and not _is_absolute_iri(graph):
        _fail(f"--graph must be an absolute IRI (e.g. {settings.base_iri}graph/authority-dump), not {graph!r}")
    if optimize_after and settings.backend != "embedded":
        _fail("--optimize is for the embedded store: a remote engine compacts its own files "
              "(e.g. `oxigraph optimize --location DIR`)")
    for f in files:
        if not f.is_file():
            _fail(f"file not found: {f}")
        try:
            resolve_format(f, fmt)
        except LoadError as e:
            _fail(str(e))
    st = _open(settings)
    err = Console(stderr=True)
    try:
        with Progress(TextColumn("[bold]load"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("load", total=None)
            results = load_files(st, files, graph=graph, fmt=fmt, base_iri=settings.base_iri,
                                 progress=lambda done, total: progress.update(task, completed=done, total=total))
    except (LoadError, ReadOnlyError) as e:
        st.close()
        _fail(str(e), code=1)
    for r in results:
        err.print(f"loaded {r.quads} quads from {r.path.name}", markup=False)
    err.print(f"{sum(r.quads for r in results)} quads loaded", markup=False)
    optimise_failed = False
    try:
        if optimize_after:  # the data is committed: a failed compaction loses nothing, and is said
            try:
                _optimize_with_status(st, err)
            except StoreError as e:
                optimise_failed = True
                typer.echo(f"shekara: error: the data is loaded, but the store was not optimised: {e} "
                           "(run `shekara optimize` again later)", err=True)
    finally:
        st.close()
    # The index is read from a read-only view, with the writer already closed (as `oxigraph load`
    # closes it): while a read-write store stays open, RocksDB starts compacting the freshly
    # loaded files in the background, which took the CPU from the index build and left a layout
    # that scans ~8 % slower than the loader's own. The next write session does that work instead
    # (or `--optimize`, which compacts it all at once, in the foreground).
    # The data is committed by now, so an index that cannot be brought in step is only a warning
    # (the service rebuilds it on its first search), as for every other write.
    from graph_api.store import open_store

    try:
        view = open_store(settings, read_only=True)
    except StoreError as e:
        typer.echo(f"shekara: warning: search index not updated: {e}", err=True)
        raise typer.Exit(1 if optimise_failed else 0)
    try:
        _refresh_search_index(view, settings)
    finally:
        view.close()
    if optimise_failed:
        raise typer.Exit(1)


@app.command()
def optimize(store: StoreOpt = None) -> None:
    """Compact the embedded store for reading (after a bulk load or many ingests); the data is unchanged."""
    from rich.console import Console

    from graph_api.store import StoreError

    settings = _settings(store)
    if settings.backend == "embedded" and not (settings.store / "CURRENT").exists():
        _fail(f"no store at {settings.store}")
    st = _open(settings)
    try:
        _optimize_with_status(st, Console(stderr=True))
    except StoreError as e:
        _fail(str(e), code=1)
    finally:
        st.close()


def _optimize_with_status(st, err) -> None:  # type: ignore[no-untyped-def]
    """Run a full compaction with a spinner (it reports no progress of its own) and its time."""
    import time

    t = time.perf_counter()
    with err.status("optimize: compacting the store"):
        st.optimize()
    err.print(f"store optimised in {time.perf_counter() - t:.1f} s", markup=False)


def _refresh_search_index(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    """Keep the label search index in step with the store after every write."""
    from graph_api.search_index import SearchIndex

    try:
        SearchIndex.ensure(store, settings.search_index_path, settings.base_iri)
    except Exception as e:  # noqa: BLE001 — the service rebuilds it on first search anyway
        typer.echo(f"shekara: warning: search index not updated: {e}", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
