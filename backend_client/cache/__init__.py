"""The local cache of the server's objects (``cache.sqlite``): rebuildable, one writer."""

from backend_client.cache.store import CacheBatch, LocalCache

__all__ = ["CacheBatch", "LocalCache"]
