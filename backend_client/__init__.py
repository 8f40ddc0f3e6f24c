"""Client of the hall's central services (no Qt): schemas, HTTP API, event stream, local cache,
outbox, audit log, sync engine; and, in ``backend_client.server``, the reference server."""
