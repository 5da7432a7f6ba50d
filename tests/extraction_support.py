"""What the extraction tests share: one extractor over the authority file, one document at a time."""
from __future__ import annotations

from pathlib import Path

from ingest.extract import Extractor, Result
from ingest.reading import read_bytes

ROOT = Path(__file__).resolve().parents[1]
AUTHORITY = ROOT / "data" / "authority"
BASE = "http://127.0.0.1:8000/"


def make_extractor() -> Extractor:
    return Extractor(AUTHORITY, BASE, natasha=False)


def extract(ex: Extractor, name: str, text: str) -> Result:
    ((_, result),) = list(ex.process([read_bytes(text.encode("utf-8"), name)]))
    assert not isinstance(result, Exception), result
    return result
