"""pymorphy3's analyser of Russian (natasha's dictionaries), loaded once per process.

Every reader that asks the dictionary (a word's cases in extraction, a town's name in
:mod:`ingest.geonames`) shares it: each analyser holds the whole dictionary in memory.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analyser() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
