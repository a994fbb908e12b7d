"""A bounded, thread-safe cache that forgets the least recently used entry first."""
import threading
from collections import OrderedDict


class LRUCache:
    """At most `size` entries; get() and put() are safe across the threads of a worker."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """The value kept under `key` (now the most recently used), or None."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def get_or_make(self, key, make):
        """The value under `key`, made (outside the lock) and kept when there is none."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def drop(self, unwanted):
        """Forget every entry whose key `unwanted(key)` is true."""
        with self._lock:
            for key in [key for key in self._entries if unwanted(key)]:
                del self._entries[key]

    def clear(self):
        with self._lock:
            self._entries.clear()

    def __len__(self):
        return len(self._entries)
