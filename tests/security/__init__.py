"""The security suite: every rule of DESIGN.md section 9, and the abuse cases of issue 7.

Rule -> tests (most through ``skillgraph serve`` on a free loopback port, or the real CLI):

- SPARQL read-only, no SERVICE, no FROM loading URLs/files, time limit, row cap, readable
  400 -> test_sparql_rules.py (HTTP and ``skillgraph sparql``); names that look like URIs
  cannot inject into the queries the library builds -> test_injection.py
- Imported text is data, never markup (pages, tooltips, JSON in <script>, autocomplete,
  API JSON, exports, the SPARQL results table) -> test_markup.py, test_browser_sparql.py
- XML input: no external entities, no entity bombs -> test_rdf_input.py (files),
  test_remote_xml.py (answers of a remote SPARQL server)
- JSON-LD never fetches a remote @context -> test_rdf_input.py
- Limits on upload size, query length, result rows, request time; oversized bodies,
  very long request lines -> test_limits.py (rows: test_sparql_rules.py)
- Path traversal (static, export, /id, export file names, ``export -o``) -> test_traversal.py
- Unknown Accept types -> test_accept.py
- Security headers (CSP, nosniff, frame-ancestors / X-Frame-Options, Allow on 405)
  -> test_headers.py
- Two imports at once; an import killed with SIGKILL -> test_import_races.py

Issue 12 (round two):

- SERVICE cannot be smuggled past the check (the check and Oxigraph read one canonical
  text; a differential fuzz test against a loopback listener; the carriage-return case by
  GET, both POSTs and ``skillgraph sparql``) and the query processes cannot open network
  sockets (seccomp) -> test_service_bypass.py
- Slow queries do not starve pages and the API (20 runaway queries: ``/`` and
  ``/api/path`` < 1 s, extra queries 503 + Retry-After at once); slow-header clients
  (50 held 60 s) do not block a normal request -> test_capacity.py
- After an import into a served store every endpoint reports the new content id within
  5 s; no cache is written into a removed generation -> test_generations.py
- One line ``error: ...`` and exit 1 (130 for Ctrl-C on ``serve``): a file as the store,
  /proc, a full disk, /dev/full, a bad port, a truncated SST or MANIFEST; ``skillgraph
  check`` finds a flipped bit -> test_cli_errors.py
- Deep nesting (400 with line and column), a forged Host (not reflected), ESCO with CRLF
  line ends, field exports cached and export builds bounded -> test_smaller.py

Fuzzing lives beside it: tests/test_fuzz_importers.py, test_fuzz_paths.py,
test_fuzz_openapi.py (``SKILLGRAPH_FUZZ_EXAMPLES=N`` for a deeper run).
"""
