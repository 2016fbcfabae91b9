"""WSGI entry point for gunicorn: ``gunicorn skillgraph_web.wsgi:app``."""

from . import create_app

#: gunicorn's request-line limit is either at most 8190 bytes or none at all; ``skillgraph
#: serve`` lifts it (``--limit-request-line 0``) for long SPARQL GET queries.  With none,
#: gunicorn's Python parser buffers a line of any length and copies the whole buffer for
#: every chunk it reads: a 16 MB request line held a worker for ~45 s.  Cap it at 1 MiB,
#: as gunicorn's C parser does (a 50,000-character query is < 600 KB URL-encoded).
REQUEST_LINE_CAP = 1024 * 1024


def _cap_request_line(cap: int) -> None:
    try:
        from gunicorn.http.message import Request
    except ImportError:  # served by something else
        return
    original = Request.read_line
    if getattr(original, "skillgraph_cap", None):
        return

    def read_line(self, unreader, buf, limit=0):
        return original(self, unreader, buf, limit if limit > 0 else cap)

    read_line.skillgraph_cap = cap
    Request.read_line = read_line


class PublicURL:
    """WSGI middleware: the scheme, host and path prefix of every request are those of
    ``SKILLGRAPH_PUBLIC_URL`` (``skillgraph serve`` sets ``http://HOST:PORT`` unless it is
    set), whatever ``Host`` the client sent, so redirects (``/static//x``), the SPARQL
    service description and any external URL never reflect a forged host (issue 12)."""

    def __init__(self, wsgi_app, public_url: str):
        from urllib.parse import urlsplit

        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"SKILLGRAPH_PUBLIC_URL must be http(s)://host[:port][/prefix], "
                             f"not {public_url!r}")  # fmt: skip
        self.wsgi_app = wsgi_app
        self.scheme = parts.scheme
        self.netloc = parts.netloc
        self.prefix = parts.path.rstrip("/")

    def __call__(self, environ, start_response):
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.netloc
        environ.pop("HTTP_X_FORWARDED_HOST", None)
        if self.prefix:
            environ["SCRIPT_NAME"] = self.prefix
        return self.wsgi_app(environ, start_response)


_cap_request_line(REQUEST_LINE_CAP)
app = create_app()
if app.config.get("PUBLIC_URL"):
    app.wsgi_app = PublicURL(app.wsgi_app, str(app.config["PUBLIC_URL"]))
