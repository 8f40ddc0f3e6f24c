"""The reference server as a child process: the product's launcher, used by tests too."""

from backend_client.server.process import ServerProcess, ServerStartError

__all__ = ["ServerProcess", "ServerStartError"]
