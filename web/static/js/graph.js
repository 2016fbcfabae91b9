/* Draws a skillgraph graph with vis-network (served from /static, never a CDN).
 *
 * The data comes from <script type="application/json" id="graph-data"> (see network.py).
 * Titles are plain strings, which vis-network shows with innerText; the details panel is
 * built with textContent.  Nothing from the data is ever parsed as HTML.
 *
 * Exposes window.skillgraph = {render, network, nodes, edges, select} and, for tests,
 * window.skillgraphNodes / window.skillgraphEdges (the vis DataSets) and
 * window.skillgraphStable (true once the layout has settled).
 */
(function () {
  "use strict";

  var state = { network: null, nodes: null, edges: null, original: {}, originalEdges: {} };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function safeUrl(url) {
    // Our own pages only: a URL from the data must not become a javascript: link.
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : null;
  }

  function showDetails(nodeId) {
    var panel = document.getElementById("node-details");
    if (!panel) { return; }
    panel.textContent = "";
    if (nodeId === null || nodeId === undefined) {
      panel.appendChild(el("p", { "class": "muted" }, "Click a node to see its details."));
      return;
    }
    var node = state.nodes.get(nodeId);
    if (!node) { return; }
    panel.appendChild(el("span", { "class": "badge kind-" + (node.kind || "concept") }, node.kind || "concept"));
    panel.appendChild(el("h3", { "class": "details-title" }, node.fullLabel || node.label));
    var info = node.info || [];
    if (info.length) {
      var dl = el("dl");
      info.forEach(function (pair) {
        dl.appendChild(el("dt", null, pair[0]));
        dl.appendChild(el("dd", null, pair[1]));
      });
      panel.appendChild(dl);
    }
    var url = safeUrl(node.url);
    if (url) {
      var p = el("p");
      p.appendChild(el("a", { href: url, "class": "details-link" }, "Open the page of " + (node.fullLabel || node.label)));
      panel.appendChild(p);
    }
    var neighbours = state.network.getConnectedNodes(nodeId);
    if (neighbours.length) {
      panel.appendChild(el("h4", null, "Connected (" + neighbours.length + ")"));
      var ul = el("ul", { "class": "neighbours" });
      neighbours.slice(0, 40).forEach(function (id) {
        var n = state.nodes.get(id);
        if (!n) { return; }
        var li = el("li");
        var b = el("button", { type: "button", "class": "linklike" }, n.fullLabel || n.label);
        b.addEventListener("click", function () { select(id); });
        li.appendChild(b);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "muted small" }, n.kind || ""));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  function highlight(nodeId) {
    var keep = {};
    if (nodeId !== null && nodeId !== undefined) {
      keep[nodeId] = true;
      state.network.getConnectedNodes(nodeId).forEach(function (id) { keep[id] = true; });
    }
    var dim = nodeId !== null && nodeId !== undefined;
    var nodeUpdates = state.nodes.getIds().map(function (id) {
      return { id: id, opacity: !dim || keep[id] ? 1 : 0.18 };
    });
    state.nodes.update(nodeUpdates);
    var edgeUpdates = state.edges.get().map(function (e) {
      var base = state.originalEdges[e.id] || {};
      var on = !dim || e.from === nodeId || e.to === nodeId;
      var color = Object.assign({}, base);
      color.opacity = on ? (base.opacity === undefined ? 1 : base.opacity) : 0.08;
      return { id: e.id, color: color };
    });
    state.edges.update(edgeUpdates);
  }

  function select(nodeId) {
    if (!state.network) { return; }
    if (nodeId !== null && nodeId !== undefined) {
      state.network.selectNodes([nodeId]);
      state.network.focus(nodeId, { scale: Math.max(state.network.getScale(), 0.8), animation: { duration: 300 } });
    } else {
      state.network.unselectAll();
    }
    highlight(nodeId);
    showDetails(nodeId);
  }

  // A path keeps its labels legible at any length: never drawn smaller than MIN_SCALE
  // (a long path scrolls by dragging, starting at its beginning), and the canvas is as
  // tall as the drawing at that scale, without empty bands.
  var MIN_SCALE = 0.62;
  // A path wider than the canvas at the smallest legible scale wraps into rows, snaking
  // (left to right, then right to left) so that each step's edge stays short; a phone
  // (room for fewer than two roles a row) keeps one row and is dragged instead.
  function wrapPath(data, width, minScale) {
    var dx = data.meta.dx || 320, nodes = data.nodes || [];
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var span = Math.max.apply(null, xs) - Math.min.apply(null, xs) + 260;
    if (span * minScale <= width) { return; }
    // Room for a gap column on either side: rows run left to right and back.
    var perRow = Math.floor((width / minScale - 580) / dx) + 1;
    if (perRow < 2) { return; }
    var rowHeight = Math.max.apply(null, ys) - Math.min.apply(null, ys) + 150;
    var updates = nodes.map(function (n) {
      var place = Math.floor((n.x - 1) / dx) + 1;  // 0: the start; i: step i's role and gaps
      var row = Math.floor(place / perRow), col = place % perRow;
      var offset = n.x - place * dx;  // 0 for a role, -dx/2 for its gap column
      n.x = row % 2 === 0 ? col * dx + offset : (perRow - 1 - col) * dx - offset;
      n.y = n.y + row * rowHeight;
      return { id: n.id, x: n.x, y: n.y };
    });
    state.nodes.update(updates);
  }

  function legible(container, data, minScale, minHeight, maxHeight) {
    if (data.meta && data.meta.layout === "path") {
      wrapPath(data, container.clientWidth || 800, minScale);
    }
    var xs = [], ys = [];
    (data.nodes || []).forEach(function (n) {
      if (typeof n.x === "number") { xs.push(n.x); ys.push(n.y); }
    });
    if (!xs.length) { return; }
    var minX = Math.min.apply(null, xs) - 150, maxX = Math.max.apply(null, xs) + 150;
    var minY = Math.min.apply(null, ys) - 60, maxY = Math.max.apply(null, ys) + 40;
    var width = container.clientWidth || 800;
    var scale = Math.min(1, Math.max(minScale, width / (maxX - minX)));
    var height = Math.min(maxHeight, Math.max(minHeight, Math.round((maxY - minY) * scale)));
    container.style.height = height + "px";
    state.network.setSize(width + "px", height + "px");
    var visibleWidth = width / scale;
    var centreX = (maxX - minX) * scale <= width ? (minX + maxX) / 2 : minX + visibleWidth / 2;
    state.network.moveTo({ position: { x: centreX, y: (minY + maxY) / 2 }, scale: scale });
    var hint = document.getElementById("graph-scroll-hint");
    if (hint) { hint.hidden = (maxX - minX) * scale <= width + 1; }
  }

  function render(data) {
    var container = document.getElementById("graph");
    if (!container || !window.vis) { return null; }
    if (state.network) { state.network.destroy(); }
    window.skillgraphStable = false;
    state.nodes = new vis.DataSet(data.nodes || []);
    state.edges = new vis.DataSet((data.edges || []).map(function (e, i) {
      e.id = e.id || "e" + i;
      return e;
    }));
    state.originalEdges = {};
    state.edges.forEach(function (e) { state.originalEdges[e.id] = e.color || {}; });
    state.network = new vis.Network(container, { nodes: state.nodes, edges: state.edges }, data.options || {});
    var physics = data.options && data.options.physics && data.options.physics.enabled;
    if (physics) {
      // Settle once, then stop: no endless jiggling; dragging a node moves only that node.
      state.network.once("stabilizationIterationsDone", function () {
        state.network.setOptions({ physics: { enabled: false } });
        window.skillgraphStable = true;
      });
    } else {
      state.network.once("afterDrawing", function () { window.skillgraphStable = true; });
      state.network.fit();
      if (data.meta && data.meta.layout === "path") { legible(container, data, MIN_SCALE, 260, 2400); }
      if (data.meta && data.meta.layout === "blocks") { legible(container, data, 0.55, 320, 1000); }
      if (data.meta && data.meta.layout === "fan") { legible(container, data, 0.5, 300, 1600); }
    }
    state.network.on("click", function (params) {
      select(params.nodes.length ? params.nodes[0] : null);
    });
    window.skillgraph.network = state.network;
    window.skillgraph.nodes = state.nodes;
    window.skillgraph.edges = state.edges;
    window.skillgraphNodes = state.nodes;
    window.skillgraphEdges = state.edges;
    showDetails(null);
    return state.network;
  }

  window.skillgraph = { render: render, select: select };

  document.addEventListener("DOMContentLoaded", function () {
    // The path finder carries one graph per alternative and marks the one shown first.
    var script = document.getElementById("graph-data") ||
      document.querySelector("script[data-graph-current]");
    if (script) { render(JSON.parse(script.textContent)); }
  });
})();
