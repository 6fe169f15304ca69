"""The HTTP side of `supplint serve`: routes, body limits and answers. What a paste means is inputs.py's."""

from __future__ import annotations

import json
import socket
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from ..errors import SupplintError
from ..report.visible import visible

#: Request bodies larger than this are refused with 413 before they are read.
MAX_BODY = 2 * 1024 * 1024
#: Seconds a client may take between bytes before its connection is dropped (a slow or stalled client).
TIMEOUT = 15
#: After a 413, at most this much of the refused body is taken and dropped, a second at a time.
LINGER_BYTES, LINGER_SECONDS = 16 * 1024 * 1024, 1.0
ROUTES = {"/": ("GET", "POST"), "/api/check": ("POST",)}


class BodyError(SupplintError):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


class Server(ThreadingHTTPServer):
    daemon_threads = True  # Ctrl-C does not wait for a stalled client
    allow_reuse_address = False  # a port another server holds is "in use", not shared

    def __init__(self, address: tuple[str, int]):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    def handle_error(self, request, client_address) -> None:
        """A client that went away or stalled costs its own connection, and one line: never a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            reason = "it stopped sending" if isinstance(exc, TimeoutError) else "it closed the connection"
            sys.stderr.write(f"supplint serve: {client_address[0]}: request dropped: {reason}\n")
            return
        sys.stderr.write(
            f"supplint serve: {client_address[0]}: internal error ({type(exc).__name__}); please "
            "report it (SUPPLINT_DEBUG=1 shows the traceback)\n"
        )
        from ..engine import debug

        if debug():
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    server_version = "supplint"
    sys_version = ""
    timeout = TIMEOUT
    protocol_version = "HTTP/1.1"

    # -- methods ---------------------------------------------------------------------------------------------------

    def do_GET(self) -> None:
        if self._route("GET"):
            from .form import form_page

            self._send(HTTPStatus.OK, form_page(), "text/html; charset=utf-8")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        if not self._route("POST"):
            return
        api = self.path_only == "/api/check"
        try:
            body = self._body()
        except BodyError as exc:
            self.close_connection = True  # the rest of an unread body must not be taken for the next request
            self._error(exc.status, str(exc), api)
            if exc.status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
                self._linger()
            return
        try:
            if api:
                self._api(body)
            else:
                self._form(body)
        except Exception as exc:  # one request failing must not stop the server
            from ..engine import debug

            if debug():
                raise
            self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                f"supplint failed on this request ({type(exc).__name__}); please report it",
                api,
            )

    def do_PUT(self) -> None:
        self._route(self.command)

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT

    # -- routing ---------------------------------------------------------------------------------------------------

    @property
    def path_only(self) -> str:
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def _route(self, method: str) -> bool:
        allowed = ROUTES.get(self.path_only)
        if allowed is None:
            self._error(
                HTTPStatus.NOT_FOUND,
                f"no page at {self.path_only}; the page is / and the API /api/check",
                self.path_only.startswith("/api/"),
            )
            return False
        if method not in allowed and not (method == "HEAD" and "GET" in allowed):
            self._error(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{self.path_only} takes {' or '.join(allowed)}",
                self.path_only.startswith("/api/"),
                {"Allow": ", ".join(allowed)},
            )
            return False
        return True

    # -- the body --------------------------------------------------------------------------------------------------

    def _body(self) -> bytes:
        """The request body, refused (413) before reading when its declared length is over MAX_BODY, and as soon as
        a chunked body passes it."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            raise BodyError(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length (or chunked)")
        if not length.strip().isdigit():
            raise BodyError(HTTPStatus.BAD_REQUEST, "Content-Length is not a number")
        size = int(length)
        if size > MAX_BODY:
            raise BodyError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is {size:,} bytes; at most {MAX_BODY:,} are accepted"
            )
        try:
            body = self.rfile.read(size)
        except TimeoutError:
            raise BodyError(HTTPStatus.REQUEST_TIMEOUT, f"the body did not arrive within {TIMEOUT} s") from None
        if len(body) < size:
            raise BodyError(HTTPStatus.BAD_REQUEST, "the body ended before its Content-Length")
        return body

    def _linger(self) -> None:
        """After a 413, take (and drop) what the client is still sending for a moment, so that it reads the answer
        rather than a reset connection; never more than LINGER_BYTES, never longer than LINGER_SECONDS a read."""
        try:
            self.connection.settimeout(LINGER_SECONDS)
            taken = 0
            while taken < LINGER_BYTES:
                chunk = self.connection.recv(65536)
                if not chunk:
                    break
                taken += len(chunk)
        except OSError:
            pass

    def _chunked(self) -> bytes:
        body = bytearray()
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                raise BodyError(HTTPStatus.BAD_REQUEST, "a chunk of the body has no valid size") from None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return bytes(body)
            if len(body) + size > MAX_BODY:
                raise BodyError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is over {MAX_BODY:,} bytes")
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                raise BodyError(HTTPStatus.BAD_REQUEST, "the body ended inside a chunk")
            body += chunk
            self.rfile.readline(8)  # the CRLF after the chunk

    # -- answers ---------------------------------------------------------------------------------------------------

    def _api(self, body: bytes) -> None:
        from .inputs import InputError, check

        try:
            request = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"the body is not JSON in UTF-8 ({_reason(exc)})", True)
            return
        try:
            texts, population, select = _request(request)
            outcome = check(texts, population, select)
        except InputError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc), True)
            return
        self._send(HTTPStatus.OK, outcome.to_json() + "\n", "application/json; charset=utf-8")

    def _form(self, body: bytes) -> None:
        from ..reference.presets import preset
        from .form import form_page, report_page
        from .inputs import InputError, check

        try:
            fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, f"the form has more than {MAX_FIELDS} fields", False)
            return
        texts = [t for t in fields.get("text", []) if t.strip()]
        population = next(iter(fields.get("population") or ()), None) or None
        view = (fields.get("view") or ["shopper"])[0]
        try:
            outcome = check(texts, population, preset("shopper").codes if view != "editor" else None)
        except InputError as exc:
            self._send(
                HTTPStatus.BAD_REQUEST, form_page(texts, population, view, error=str(exc)), "text/html; charset=utf-8"
            )
            return
        self._send(HTTPStatus.OK, report_page(outcome, texts, population, view), "text/html; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str, as_json: bool, headers: dict | None = None) -> None:
        if as_json:
            body = json.dumps({"error": message, "status": status.value}, ensure_ascii=False) + "\n"
            self._send(status, body, "application/json; charset=utf-8", headers)
        else:
            from .form import error_page

            self._send(status, error_page(status.value, message), "text/html; charset=utf-8", headers)

    def _send(self, status: HTTPStatus, body: str, content_type: str, headers: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        # The page has no script and loads nothing: say so to the browser as well.
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # `format`: the base class names it so
        sys.stderr.write(visible(f"supplint serve: {self.address_string()} {format % args}") + "\n")


#: Form fields beyond this many are refused by the parser (a form has a handful).
MAX_FIELDS = 100


def _request(request) -> tuple[list[str], str | None, tuple | None]:
    from ..reference.presets import preset
    from .inputs import InputError

    if not isinstance(request, dict):
        raise InputError('send a JSON object: {"text": "..."} or {"texts": ["...", "..."]}')
    unknown = sorted(set(request) - {"text", "texts", "population", "preset"})
    if unknown:
        raise InputError(
            f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; the keys are text, texts, "
            "population and preset"
        )
    if ("text" in request) == ("texts" in request):
        raise InputError('give "text" (one product) or "texts" (a list of products), not both or neither')
    texts = [request["text"]] if "text" in request else request["texts"]
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise InputError('"text" is a string and "texts" a list of strings')
    population = request.get("population")
    if population is not None and not isinstance(population, str):
        raise InputError('"population" is a string such as "adults" or "pregnant"')
    chosen = request.get("preset")
    if chosen is not None:
        from ..shipped.files import DataError

        try:
            return texts, population, preset(str(chosen)).codes
        except DataError as exc:
            raise InputError(str(exc)) from None
    return texts, population, None


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    return "it is not UTF-8" if isinstance(exc, UnicodeDecodeError) else "it does not parse"
