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

Fuzzing lives beside it: tests/test_fuzz_importers.py, test_fuzz_paths.py,
test_fuzz_openapi.py (``SKILLGRAPH_FUZZ_EXAMPLES=N`` for a deeper run).
"""
