"""The one text a query is checked as and run as: comments gone, strings re-written.

rdflib (which checks a query) and Oxigraph (which runs it) are two parsers; wherever they
read the same characters differently -- a carriage return ending a ``#`` comment for one
and not the other, an escape, a keyword glued to a name -- a check on one reading says
nothing about the other.  So the check never looks at the client's text.  ``canonical``
reads it with a small lexer of its own (SPARQL 1.1 section 19, strictly: anything it does
not recognise is refused) and writes a new text in which

- codepoint escapes (``\\u0041``) are expanded and none is left;
- comments are gone and every run of white space is one space (tokens that touched
  still touch, so ``-1`` or ``"x"@en`` keep their meaning); no line ends remain;
- every string literal is re-written as ``"..."`` with only the escapes ``\\"``,
  ``\\\\``, ``\\n``, ``\\r``, ``\\t``, ``\\b``, ``\\f`` (a string whose text would put a
  ``\\u`` in the output, or another control character, is refused);
- prefixed names with ``\\`` escapes are refused; IRIs are kept as they are (an IRI cannot
  hold white space, ``{`` or ``}``, so no graph pattern can hide in one).

Both parsers then get that text, which leaves them nothing to disagree on about where a
comment, a string or an IRI ends.  The lexer also refuses, on its own, any word that Oxigraph
could read as the keyword ``SERVICE`` (its keywords need no boundary, so
``?s ?p trueSERVICE<x>{...}`` would be ``true`` followed by a SERVICE) -- a check that does
not depend on rdflib at all -- and nesting deeper than ``MAX_DEPTH``, with its line and
column.
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "ServiceInText", "Unreadable", "canonical"]

#: Deepest nesting of ``{`` ``(`` ``[`` accepted (Oxigraph itself stops at 50 or so).
MAX_DEPTH = 50

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_WS = " \t\r\n"
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_IRI = re.compile(r'<([^<>"{}|^`\\\x00-\x20]*)>')
_VAR = re.compile(r"[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+")
_BNODE = re.compile(r"_:[\w\u00b7\u0300-\u036f\u203f-\u2040.\-]*")
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_NUMBER = re.compile(r"(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)")
# A prefixed name (prefix optional) or a bare word; a backslash is caught afterwards.
_NAME = re.compile(
    r"(?:[^\W\d_][\w.\-\u00b7]*)?:[\w.\-:%\u00b7\u0300-\u036f\u203f-\u2040\\]*"
    r"|[^\W\d][\w]*"
)
_PUNCT = ("^^", "&&", "||", "!=", "<=", ">=", *"{}()[];,.*/+-!=<>|^?")
_SERVICE = re.compile("service", re.IGNORECASE)


class Unreadable(ValueError):
    """The lexer does not accept this text (the message says where)."""


class ServiceInText(ValueError):
    """A word Oxigraph could read as the keyword SERVICE."""


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


def _expand(text: str) -> str:
    def one(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise Unreadable(f"invalid codepoint escape {match.group(0)}")
        return chr(code)

    return _CODEPOINT.sub(one, text)


def _read_string(text: str, pos: int) -> tuple[str, int]:
    """The decoded content of the string literal starting at ``pos``, and where it ends."""
    quote = text[pos]
    long = text.startswith(quote * 3, pos)
    i = pos + (3 if long else 1)
    out: list[str] = []
    while True:
        if i >= len(text):
            raise Unreadable(f"unterminated string ({_where(text, pos)})")
        char = text[i]
        if long and text.startswith(quote * 3, i):
            return "".join(out), i + 3
        if not long and char == quote:
            return "".join(out), i + 1
        if char == "\\":
            escaped = text[i + 1 : i + 2]
            if escaped not in _ECHAR:
                raise Unreadable(f"invalid escape in a string ({_where(text, i)})")
            out.append(_ECHAR[escaped])
            i += 2
            continue
        if not long and char in "\r\n":
            raise Unreadable(f"line end inside a string ({_where(text, i)})")
        out.append(char)
        i += 1


def _write_string(value: str, text: str, pos: int) -> str:
    out = []
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char in "\n\r\t\b\f":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            raise Unreadable(
                f"control character U+{ord(char):04X} in a string ({_where(text, pos)})"
            )
        else:
            out.append(char)
    written = "".join(out)
    if re.search(r"\\\\[uU]", written):
        raise Unreadable(
            f"a string holding a backslash followed by 'u' is not accepted ({_where(text, pos)})"
        )
    return f'"{written}"'


def _service_in_name(token: str) -> str | None:
    """Could Oxigraph read the keyword SERVICE inside this word or prefixed name?

    Its parser is a PEG: a name, once read, is never split again, but its keywords need no
    boundary.  So a bare word holding "service" may be a keyword glued to SERVICE
    (``trueSERVICE<x>{}``): ``"always"``.  A prefix holding it may be SERVICE glued to its
    IRI (``trueSERVICE:x{}``), which needs a ``{`` next: ``"before-brace"``.  In the local
    part only a dot could end the name early (``ex:a.SERVICE<x>{}``): ``"always"``.
    """
    if ":" not in token:
        return "always" if _SERVICE.search(token) else None
    prefix, local = token.split(":", 1)
    if any(m.start() > 0 and local[m.start() - 1] == "." for m in _SERVICE.finditer(local)):
        return "always"
    return "before-brace" if _SERVICE.search(prefix) else None


def _simple_token(source: str, pos: int) -> re.Match | None:
    """An IRI, a variable, a blank node label, a language tag or a number at ``pos``."""
    char = source[pos]
    if char == "<":
        return _IRI.match(source, pos)
    if char in "?$":
        return _VAR.match(source, pos)
    if char == "_":
        return _BNODE.match(source, pos)
    if char == "@":
        return _LANGTAG.match(source, pos)
    if char.isdigit() or (char == "." and source[pos + 1 : pos + 2].isdigit()):
        return _NUMBER.match(source, pos)
    return None


def canonical(text: str) -> str:
    r'''The text both parsers get; ``Unreadable`` or ``ServiceInText`` say where it is not.

    >>> canonical("SELECT * # a comment\r\nWHERE { ?s ?p 'it''s' }")
    'SELECT * WHERE { ?s ?p "it" "s" }'
    >>> print(canonical('ASK { ?s ?p """two\nlines"""@en }'))
    ASK { ?s ?p "two\nlines"@en }
    >>> canonical("SELECT * WHERE { # x\r SERVICE <http://h/> { ?s ?p ?o } \n }")
    Traceback (most recent call last):
    ...
    skillgraph.sparql.canonical.ServiceInText: SERVICE is not allowed: this endpoint never ...
    '''
    source = _expand(text)
    out: list[str] = []
    pos, n = 0, len(source)
    gap = False  # white space or a comment since the last token
    depth = 0
    pending_service: int | None = None  # where a name that may hide SERVICE started
    while pos < n:
        char = source[pos]
        if char in _WS:
            gap, pos = True, pos + 1
            continue
        if char == "#":
            # A comment ends at a line feed or a carriage return (EOL in the grammar).
            end = min((i for i in (source.find("\n", pos), source.find("\r", pos)) if i >= 0),
                      default=n)  # fmt: skip
            gap, pos = True, end
            continue
        start = pos
        after_name: int | None = None
        if char in "\"'":
            value, pos = _read_string(source, pos)
            token = _write_string(value, source, start)
        elif match := _simple_token(source, pos):
            token, pos = match.group(0), match.end()
        elif match := _NAME.match(source, pos):
            token, pos = match.group(0), match.end()
            if "\\" in token:
                raise Unreadable(
                    f"escapes in prefixed names are not accepted ({_where(source, start)}): "
                    "write the IRI in full"
                )
            risk = _service_in_name(token)
            if risk == "before-brace":
                after_name = start
            elif risk == "always":
                hint = ""
                if ":" in token:
                    hint = "; write a prefixed name that holds 'service' as a full IRI"
                raise ServiceInText(
                    "SERVICE is not allowed: this endpoint never sends queries to other "
                    f"endpoints ({_where(source, start)}{hint})"
                )
        else:
            found = next((p for p in _PUNCT if source.startswith(p, pos)), None)
            if found == "{" and pending_service is not None:
                raise ServiceInText(
                    "SERVICE is not allowed: this endpoint never sends queries to other "
                    f"endpoints ({_where(source, pending_service)}; write a prefixed name "
                    "that holds 'service' as a full IRI)"
                )
            if found is None:
                raise Unreadable(f"unexpected character {char!r} ({_where(source, pos)})")
            token = found
            pos += len(token)
            if token in "{([":
                depth += 1
                if depth > MAX_DEPTH:
                    raise Unreadable(
                        f"nesting deeper than {MAX_DEPTH} levels ({_where(source, start)})"
                    )
            elif token in "})]":
                depth = max(depth - 1, 0)
        pending_service = after_name
        if out and (gap or (out[-1].endswith('"') and token.startswith('"'))):
            # Two strings that touched stay two strings, not the start of a long one.
            out.append(" ")
        out.append(token)
        gap = False
    return "".join(out)
