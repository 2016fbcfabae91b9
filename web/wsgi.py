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


_cap_request_line(REQUEST_LINE_CAP)
app = create_app()
