/* The SPARQL query page: a CodeMirror editor, one-click examples, results as a table.
   Every value from the results is written with textContent, never as HTML. */
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("sparql-config").textContent);
  const form = document.getElementById("sparql-form");
  const textarea = document.getElementById("sparql-query");
  const statusLine = document.getElementById("sparql-status");
  const errorBox = document.getElementById("sparql-error");
  const results = document.getElementById("sparql-results");
  const PREFIXES = [
    ["sg:", "https://w3id.org/skillgraph/ontology#"],
    ["skos:", "http://www.w3.org/2004/02/skos/core#"],
    ["rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"],
    ["rdfs:", "http://www.w3.org/2000/01/rdf-schema#"],
    ["xsd:", "http://www.w3.org/2001/XMLSchema#"],
    ["esco:", "http://data.europa.eu/esco/"],
  ];
  const NUMERIC = /#(integer|decimal|double|float|int|long|nonNegativeInteger)$/;

  const editor = window.CodeMirror
    ? CodeMirror.fromTextArea(textarea, {
        mode: "application/sparql-query",
        lineNumbers: true,
        matchBrackets: true,
        indentUnit: 2,
        extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run },
      })
    : null;
  // The editor's own input field is what a screen reader reaches: name it.
  if (editor) { editor.getInputField().setAttribute("aria-label", "SPARQL query"); }
  const getQuery = () => (editor ? editor.getValue() : textarea.value);
  const setQuery = (text) => (editor ? editor.setValue(text) : (textarea.value = text));

  function conceptUrl(uri) {
    if (uri.startsWith(config.dataNamespace)) {
      return "/id/" + uri.slice(config.dataNamespace.length).split("/").map(encodeURIComponent).join("/");
    }
    return "/concept?uri=" + encodeURIComponent(uri);
  }

  function compact(uri) {
    if (uri.startsWith(config.dataNamespace)) return uri.slice(config.dataNamespace.length);
    for (const [prefix, ns] of PREFIXES) {
      if (uri.startsWith(ns)) return prefix + uri.slice(ns.length);
    }
    return uri;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = conceptUrl(term.value);
      a.title = term.value;
      a.textContent = compact(term.value);
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else if (term.type === "triple") {
      td.textContent = "<< " + ["subject", "predicate", "object"].map((k) => term.value[k].value).join(" ") + " >>";
    } else {
      td.textContent = term.value;
      if (term.datatype && NUMERIC.test(term.datatype)) td.className = "num";
      if (term["xml:lang"]) {
        const lang = document.createElement("span");
        lang.className = "lang";
        lang.textContent = "@" + term["xml:lang"];
        td.appendChild(lang);
      }
    }
    return td;
  }

  function showTable(doc) {
    results.replaceChildren();
    if ("boolean" in doc) {
      const p = document.createElement("p");
      p.className = "boolean";
      p.textContent = doc.boolean ? "true" : "false";
      results.appendChild(p);
      return 1;
    }
    const vars = doc.head.vars;
    const table = document.createElement("table");
    table.id = "sparql-table";
    const head = table.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of doc.results.bindings) {
      const tr = body.insertRow();
      for (const v of vars) tr.appendChild(cell(binding[v]));
    }
    results.appendChild(table);
    return doc.results.bindings.length;
  }

  function showText(text) {
    const pre = document.createElement("pre");
    pre.textContent = text;
    results.replaceChildren(pre);
  }

  async function run() {
    errorBox.hidden = true;
    statusLine.textContent = "Running…";
    const started = performance.now();
    let response;
    try {
      response = await fetch(config.endpoint, {
        method: "POST",
        headers: { Accept: "application/sparql-results+json, text/turtle;q=0.9" },
        body: new URLSearchParams({ query: getQuery() }),
      });
    } catch (err) {
      statusLine.textContent = "";
      errorBox.textContent = "The request failed: " + err;
      errorBox.hidden = false;
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const text = await response.text();
    if (!response.ok) {
      statusLine.textContent = `Error ${response.status} after ${seconds} s`;
      errorBox.textContent = text;
      errorBox.hidden = false;
      results.replaceChildren();
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    let rows;
    if (type.startsWith("application/sparql-results+json")) {
      rows = showTable(JSON.parse(text));
    } else {
      showText(text);
      rows = Number(response.headers.get("X-SPARQL-Rows") || 0);
    }
    const truncated = response.headers.get("X-SPARQL-Truncated") === "true";
    statusLine.textContent =
      `${rows.toLocaleString()} ${rows === 1 ? "row" : "rows"} in ${seconds} s` +
      (truncated ? ` — cut at the limit of ${response.headers.get("X-SPARQL-Row-Limit")} rows` : "");
  }

  document.getElementById("sparql-run").addEventListener("click", run);
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => {
      if (editor) editor.save();
      document.getElementById("sparql-format").value = button.dataset.download;
      form.submit();
    });
  }
  for (const button of document.querySelectorAll(".sparql-example")) {
    button.addEventListener("click", () => {
      const example = config.examples.find((e) => e.slug === button.dataset.slug);
      if (!example) return;
      for (const li of document.querySelectorAll("#sparql-example-list li")) li.classList.remove("active");
      button.closest("li").classList.add("active");
      setQuery(example.query);
      run();
    });
  }
})();
