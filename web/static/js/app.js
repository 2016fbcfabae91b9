/* Autocomplete, skill chips, alternative tabs and the lazy taxonomy tree.
 * Every text from the server is put in the page with textContent, never innerHTML. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function safeUrl(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : null;
  }

  /* ------------------------------------------------------------ autocomplete */

  var acCount = 0;

  function setupAutocomplete(box) {
    var input = box.querySelector(".ac-input");
    var hidden = box.querySelector(".ac-value");
    var list = box.querySelector(".ac-list");
    var multi = box.classList.contains("ac-multi");
    var kinds = box.getAttribute("data-kinds") || "";
    var navigate = box.hasAttribute("data-navigate");
    var results = [];
    var active = -1;
    var seq = 0;
    var stale = false;
    var timer = null;
    var listId = "ac-list-" + (++acCount);
    list.id = listId;
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.classList.toggle("active", i === active);
        li.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      // Screen readers follow the highlighted option while focus stays in the input.
      if (active >= 0 && list.children[active]) {
        input.setAttribute("aria-activedescendant", list.children[active].id);
        list.children[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function addChip(item) {
      var chips = box.querySelector(".chips");
      if (chips.querySelector('.chip[data-uri="' + CSS.escape(item.uri) + '"]')) { return; }
      var chip = el("span", { "class": "chip", "data-uri": item.uri });
      chip.appendChild(el("span", { "class": "chip-label" }, item.label));
      var x = el("button", { type: "button", "class": "chip-x", "aria-label": "remove" }, "\u00d7");
      chip.appendChild(x);
      var h = el("input", { type: "hidden", name: box.getAttribute("data-name") });
      h.value = item.uri;
      chip.appendChild(h);
      chips.appendChild(chip);
    }

    function choose(i) {
      var item = results[i];
      if (!item) { return; }
      close();
      if (navigate && safeUrl(item.url)) {
        window.location.href = safeUrl(item.url);
        return;
      }
      if (multi) {
        addChip(item);
        input.value = "";
      } else {
        input.value = item.label;
        if (hidden) { hidden.value = item.uri; }
      }
      box.dispatchEvent(new CustomEvent("ac-chosen", { detail: item, bubbles: true }));
    }

    function show(found, q) {
      results = found;
      stale = false;
      list.setAttribute("data-query", q);
      list.textContent = "";
      active = -1;
      if (!found.length) {
        list.appendChild(el("li", { "class": "ac-empty", role: "option", "aria-disabled": "true" }, "No match"));
      }
      found.forEach(function (item, i) {
        var li = el("li", { role: "option", id: listId + "-" + i, "data-index": String(i), "aria-selected": "false" });
        li.appendChild(el("span", { "class": "ac-label" }, item.label));
        li.appendChild(el("span", { "class": "badge kind-" + item.kind }, item.kind));
        if (item.matched && item.matched !== item.label) {
          li.appendChild(el("span", { "class": "ac-matched" }, "also: " + item.matched));
        }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function lookup() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var mine = ++seq;
      var url = "/api/search?limit=8&q=" + encodeURIComponent(q) + (kinds ? "&kind=" + encodeURIComponent(kinds) : "");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (mine === seq) { show(data.results || [], q); } })
        .catch(function () { /* offline or server gone: no suggestions */ });
    }

    input.addEventListener("input", function () {
      // The suggestions on screen answer what was typed before: until the new ones arrive,
      // Enter must not pick one of them.
      stale = true;
      if (hidden) { hidden.value = input.value; }
      clearTimeout(timer);
      timer = setTimeout(lookup, 80);
    });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) { return; }
      if (stale && (ev.key === "ArrowDown" || ev.key === "ArrowUp" || ev.key === "Enter")) {
        ev.preventDefault();
        return;
      }
      if (ev.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); mark(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); mark(); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0) { choose(active); ev.preventDefault(); }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    box.addEventListener("click", function (ev) {
      if (ev.target.classList.contains("chip-x")) {
        ev.target.parentNode.remove();
      }
    });
  }

  /* ------------------------------------------------------------ alternatives */

  function setupAlternatives(tabs) {
    tabs.addEventListener("click", function (ev) {
      var a = ev.target.closest("a[data-alt]");
      if (!a) { return; }
      ev.preventDefault();
      var alt = a.getAttribute("data-alt");
      tabs.querySelectorAll("a[data-alt]").forEach(function (t) {
        t.classList.toggle("current", t === a);
        t.setAttribute("aria-current", t === a ? "true" : "false");
      });
      document.querySelectorAll(".alternative").forEach(function (sec) {
        sec.hidden = sec.getAttribute("data-alt") !== alt;
      });
      var data = document.getElementById("graph-data-" + alt);
      if (data && window.skillgraph) { window.skillgraph.render(JSON.parse(data.textContent)); }
      var url = new URL(window.location.href);
      url.searchParams.set("alt", alt);
      window.history.replaceState(null, "", url.pathname + url.search);
    });
  }

  /* ------------------------------------------------------------ taxonomy tree */

  // A tree row: the concept's link, its kind, and (when it has children) a disclosure
  // beside it -- never a link inside the <summary> (nested interactive controls).
  function treeItem(item) {
    var li = el("li", { "class": "tree-item" });
    var url = safeUrl(item.url);
    li.appendChild(url ? el("a", { href: url, "class": "concept kind-" + item.kind }, item.label)
                       : el("span", null, item.label));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", { "class": "badge kind-" + item.kind }, item.kind));
    if (item.children > 0) {
      li.appendChild(document.createTextNode(" "));
      var d = el("details", { "data-uri": item.uri });
      var s = el("summary");
      s.appendChild(el("span", { "class": "muted small" }, item.children + " inside"));
      d.appendChild(s);
      d.appendChild(el("ul", { "class": "tree" }));
      d.addEventListener("toggle", function () { if (d.open) { expand(d); } });
      li.appendChild(d);
    }
    return li;
  }

  function expand(details) {
    if (details.getAttribute("data-loaded")) { return; }
    details.setAttribute("data-loaded", "1");
    var ul = details.querySelector("ul.tree");
    ul.appendChild(el("li", { "class": "muted" }, "loading\u2026"));
    fetch("/api/browse/children?id=" + encodeURIComponent(details.getAttribute("data-uri")),
          { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        ul.textContent = "";
        (data.items || []).forEach(function (item) { ul.appendChild(treeItem(item)); });
        if (data.total > data.shown) {
          ul.appendChild(el("li", { "class": "muted small" }, "showing " + data.shown + " of " + data.total));
        }
      })
      .catch(function () { ul.textContent = ""; ul.appendChild(el("li", { "class": "muted" }, "could not load")); });
  }

  // On paper every folded part of a plan (more skills, cost breakdowns) is shown.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".ac").forEach(setupAutocomplete);
    document.querySelectorAll(".alt-tabs").forEach(setupAlternatives);
    var printButton = document.getElementById("print-path");
    if (printButton) { printButton.addEventListener("click", function () { window.print(); }); }
    document.querySelectorAll("details[data-uri]").forEach(function (d) {
      d.addEventListener("toggle", function () { if (d.open) { expand(d); } });
    });
  });
})();
