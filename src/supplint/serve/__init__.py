"""`supplint serve`: a local web page to paste labels, panels or DSLD records into, and `POST /api/check` for CMS
hooks (docs/serve.md).

Built on the standard library's ``http.server`` (ThreadingHTTPServer): the server is local, bound to loopback by
default, has two pages and one JSON endpoint, and does nothing a framework would add value to (no sessions,
templates, routing tables or uploads). It costs no dependency, so `pip install supplint` stays what it was and
the server cannot drift from the library it calls. What a framework would give for free is done here and tested:
a body limit read from Content-Length before any byte of the body (and counted for chunked bodies), a timeout on
slow clients, 404/405/413/400 answers in JSON for the API, and escaping of everything shown.
"""

from __future__ import annotations

import errno
import sys

from ..errors import SupplintError
from .app import Server

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM end serve_forever as KeyboardInterrupt (a shell that starts the server in the background
    ignores SIGINT for it; a server's stop key must still work)."""
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)


class PortInUse(SupplintError, OSError):
    """The port is taken: the command says so and exits 2."""


def run(host: str = "127.0.0.1", port: int = 8000, out=sys.stdout, err=sys.stderr) -> None:
    """Serve until Ctrl-C (KeyboardInterrupt ends serve_forever; the caller exits 0)."""
    if host not in LOOPBACK:
        err.write(
            f"supplint serve: warning: listening on {host}, not only on this computer: anyone who can reach "
            "it can use the page (the default, 127.0.0.1, is reachable from this computer only)\n"
        )
        err.flush()
    try:
        server = Server((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(
                f"port {port} on {host} is in use; give another with --port (--port 0 picks a free one)"
            ) from None
        raise
    _stop_on_signals()
    bound_host, bound_port = server.server_address[:2]
    assert isinstance(bound_host, str)  # an AF_INET or AF_INET6 address
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    out.write(f"supplint serve: listening on http://{shown}:{bound_port}/ (Ctrl-C stops it)\n")
    out.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
