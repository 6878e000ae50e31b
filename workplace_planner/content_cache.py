"""A small cache for things fully determined by their inputs (chart SVGs, engine results),
keyed by a hash of those inputs.

It lives in each process: several workers each keep their own copy, and since an entry only
ever depends on its key, none of them can serve a stale value. A change to the data changes
the key; old entries age out (least recently used first).
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import TypeVar

T = TypeVar("T")


def inputs_hash(name: str, inputs) -> str:
    """A stable hash of a name and the data a value is made from."""
    payload = json.dumps([name, inputs], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


class ContentCache:
    def __init__(self, size: int):
        self._size = size
        self._entries: OrderedDict[str, object] = OrderedDict()
        self._lock = Lock()

    def get_or_make(self, key: str, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = make()  # outside the lock: two threads may both make it, with the same result
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
