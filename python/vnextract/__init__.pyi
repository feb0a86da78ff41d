from os import PathLike
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

_Path = Union[str, "PathLike[str]"]

SCHEMA: str

class Extractor:
    def __init__(
        self,
        data_dir: Optional[Union[_Path, Sequence[_Path]]] = ...,
        rules: Optional[Union[_Path, Sequence[_Path]]] = ...,
    ) -> None: ...
    def extract(
        self,
        text: str,
        kinds: Optional[Sequence[str]] = ...,
        ref_date: Optional[str] = ...,
    ) -> List[Dict[str, Any]]: ...
    def extract_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = ...,
        kinds: Optional[Sequence[str]] = ...,
        ref_date: Optional[str] = ...,
    ) -> List[List[Dict[str, Any]]]: ...
    def extract_many_json(
        self,
        texts: Iterable[str],
        threads: Optional[int] = ...,
        kinds: Optional[Sequence[str]] = ...,
        ref_date: Optional[str] = ...,
    ) -> List[str]: ...

def extract(
    text: str,
    kinds: Optional[Sequence[str]] = ...,
    ref_date: Optional[str] = ...,
) -> List[Dict[str, Any]]: ...
