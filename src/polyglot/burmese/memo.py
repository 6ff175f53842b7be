"""Memos of functions of a text, bounded in memory as well as in entries.

Words, phrases and short runs repeat all through an archive, so the pipeline remembers
what it decided for each (``functools.lru_cache``). A memo bounded by its number of
entries is bounded in memory only while its texts are short: a run or a space-free
"word" of a very long line (``batch.pieces``) can be tens of thousands of characters,
is practically never seen again, and a memo would keep every one of them alive, so that
memory would grow with the line. Texts longer than ``MEMO_CHARS`` are therefore worked
out each time and never remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _CacheInfo, lru_cache, wraps
from typing import Generic, TypeVar

MEMO_CHARS = 1 << 10
"""The longest text a memo keeps: far longer than any word or phrase, and a memo of the
largest size in the pipeline (``1 << 16`` entries) then holds at most about 128 MiB."""

R = TypeVar("R")


class Memo(Generic[R]):
    """A function of a text with an ``lru_cache`` memo of its short texts."""

    def __init__(self, function: Callable[[str], R], maxsize: int) -> None:
        self.__wrapped__ = function
        self._remembered = lru_cache(maxsize=maxsize)(function)
        wraps(function)(self)

    def __call__(self, text: str) -> R:
        return self._remembered(text) if len(text) <= MEMO_CHARS else self.__wrapped__(text)

    def cache_clear(self) -> None:
        self._remembered.cache_clear()

    def cache_info(self) -> _CacheInfo:
        return self._remembered.cache_info()


def short_texts(maxsize: int) -> Callable[[Callable[[str], R]], Memo[R]]:
    """``lru_cache(maxsize)`` for texts of at most ``MEMO_CHARS`` characters only.

    The memo keeps ``cache_clear``, ``cache_info`` and ``__wrapped__`` (the function
    itself), as ``lru_cache`` gives them.
    """

    def decorate(function: Callable[[str], R]) -> Memo[R]:
        return Memo(function, maxsize)

    return decorate
