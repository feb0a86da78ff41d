"""Typed records from Vietnamese government and Party documents and news.

The records are the CLI's: the same kinds, fields, names and values, as
plain dicts built from the same serialization (``start``/``end`` index the
text in code points). ``Extractor.extract_many_json`` gives each text's
records as the CLI's JSON instead, for pipelines that store JSON.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence

from ._vnextract import SCHEMA
from ._vnextract import Extractor as _Native

__all__ = ["Extractor", "extract", "SCHEMA"]


class Extractor:
    """An extractor built once from the embedded data plus the user's.

    ``data_dir``: a folder (or folders) of TSV lists named like the
    embedded ``data/*.tsv``; ``rules``: a JSON Lines file (or files) of
    pattern rules. Bad data raises ``ValueError`` naming its ``file:line``.
    """

    def __init__(self, data_dir: Any = None, rules: Any = None) -> None:
        self._native = _Native(_paths(data_dir), _paths(rules))

    def extract(
        self,
        text: str,
        kinds: Optional[Sequence[str]] = None,
        ref_date: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """The records of ``text``."""
        _check_text(text)
        return self._native.extract(text, _kinds(kinds), ref_date)

    def extract_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        kinds: Optional[Sequence[str]] = None,
        ref_date: Optional[str] = None,
    ) -> List[List[Dict[str, Any]]]:
        """The records of each text, in order, extracted on ``threads`` Rust
        threads (default: all cores) while the GIL is released."""
        texts = _checked(texts, threads)
        return self._native.extract_many(texts, threads, _kinds(kinds), ref_date)


    def extract_many_json(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        kinds: Optional[Sequence[str]] = None,
        ref_date: Optional[str] = None,
    ) -> List[str]:
        """Like :meth:`extract_many`, each text's records as a JSON array."""
        texts = _checked(texts, threads)
        return self._native.extract_many_json(texts, threads, _kinds(kinds), ref_date)


_DEFAULT: Optional[Extractor] = None


def extract(
    text: str,
    kinds: Optional[Sequence[str]] = None,
    ref_date: Optional[str] = None,
) -> List[Dict[str, Any]]:
    """The records of ``text`` with the embedded data."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, kinds=kinds, ref_date=ref_date)


def _paths(p: Any) -> Optional[List[str]]:
    if p is None:
        return None
    if isinstance(p, (str, bytes)) or hasattr(p, "__fspath__"):
        return [str(p)]
    return [str(x) for x in p]


def _kinds(kinds: Optional[Sequence[str]]) -> Optional[List[str]]:
    if kinds is None:
        return None
    if isinstance(kinds, str):
        return [k for k in kinds.split(",") if k]
    return list(kinds)


def _checked(texts: Iterable[str], threads: Optional[int]) -> List[str]:
    texts = list(texts)
    for t in texts:
        _check_text(t)
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1")
    return texts


def _check_text(text: Any) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
