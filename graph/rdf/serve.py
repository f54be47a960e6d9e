"""Serve OUT/store as a SPARQL 1.1 HTTP endpoint with the `oxigraph` server binary."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import MissingDependencyError
from .store import store_path


def oxigraph_binary() -> str:
    """Return the path of the `oxigraph` command (from the oxigraph PyPI package)."""
    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise MissingDependencyError("the `oxigraph` server is not installed; run `pip install oxigraph`")
    return found


def server_command(out_dir: str | Path, host: str = "127.0.0.1", port: int = 7878,
                   allow_update: bool = False) -> list[str]:
    """Return the command line that serves OUT/store: read-only unless `allow_update`."""
    mode = "serve" if allow_update else "serve-read-only"
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"  # IPv6 hosts need brackets
    return [oxigraph_binary(), mode, "--location", str(store_path(out_dir)), "--bind", bind]


def serve(out_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False) -> int:
    """Run the server in the foreground until it stops; return its exit code.

    On POSIX the server replaces this process, so stopping `bangfu serve` stops the server itself.
    """
    command = server_command(out_dir, host, port, allow_update)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execv(command[0], command)
    return subprocess.call(command)
