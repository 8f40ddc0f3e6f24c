"""Writing an export file (a BOLO sheet, a shift report, its CSV) whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes, what: str) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``: a
    failed export never leaves half a file (nor a stray temporary file). ``what`` names the
    export in the ``OSError`` raised when the file cannot be written."""
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                        suffix=".tmp")
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write the {what} to {path}: "
                                 f"{exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise OSError(exc.errno, f"cannot write the {what} to {path}: "
                                 f"{exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
