// briefgraph web pages: the reader's coding panel and the actor network's force layout.
// No third-party code; loaded from the app itself (no inline scripts).
"use strict";

function readerPage() {
  var text = document.getElementById("doc-text");
  if (!text) return;
  var empty = document.getElementById("coding-empty");
  function show(id) {
    var panels = document.querySelectorAll(".coding");
    for (var i = 0; i < panels.length; i++) panels[i].hidden = panels[i].dataset.id !== id;
    var segs = text.querySelectorAll(".seg");
    for (var j = 0; j < segs.length; j++) {
      segs[j].classList.toggle("selected", segs[j].dataset.ids.split(" ").indexOf(id) >= 0);
    }
    empty.hidden = !!document.getElementById("coding-" + id);
  }
  text.addEventListener("click", function (ev) {
    var seg = ev.target.closest(".seg");
    if (!seg) return;
    var ids = seg.dataset.ids.split(" ");
    // prefer an event, then a time, a quote, an actor (ids are narrowest first)
    var order = ["e", "t", "q", "a"];
    ids.sort(function (a, b) { return order.indexOf(a[0]) - order.indexOf(b[0]); });
    show(ids[0]);
  });
  function fromHash() {
    var target = decodeURIComponent(location.hash.slice(1));
    if (!target) return;
    var panel = document.querySelector('.coding[data-anchor="' + target.replace(/"/g, "") + '"]');
    if (!panel) return;
    show(panel.dataset.id);
    var seg = text.querySelector(".seg.selected");
    if (seg) seg.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
}

var SVG = "http://www.w3.org/2000/svg";
function el(name, attrs, parent) {
  var node = document.createElementNS(SVG, name);
  for (var k in attrs) node.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(node);
  return node;
}

function networkPage() {
  var svg = document.getElementById("network");
  if (!svg) return;
  var params = new URLSearchParams({ limit: "300" });
  ["actor", "start", "end"].forEach(function (k) { if (svg.dataset[k]) params.set(k, svg.dataset[k]); });
  fetch("/network?" + params.toString(), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
    .then(function (res) {
      if (!res.ok) throw new Error(res.body.error || "the network could not be loaded");
      draw(svg, res.body.items);
    })
    .catch(function (err) {
      var box = document.getElementById("network-error");
      box.textContent = err.message;
      box.hidden = false;
    });
}

function draw(svg, pairs) {
  var W = 900, H = 560, nodes = {}, list = [], edges = [];
  function node(id, name) {
    if (!nodes[id]) { nodes[id] = { id: id, name: name, degree: 0 }; list.push(nodes[id]); }
    return nodes[id];
  }
  pairs.forEach(function (p) {
    var s = node(p.source_id, p.source), t = node(p.target_id, p.target);
    s.degree += p.events; t.degree += p.events;
    edges.push({ s: s, t: t, events: p.events, goldstein: p.goldstein });
  });
  if (!list.length) {
    el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "band" }, svg).textContent = "No events between actors.";
    return;
  }
  // deterministic start on a circle, then a simple force simulation
  list.forEach(function (n, i) {
    var a = 2 * Math.PI * i / list.length;
    n.x = W / 2 + 200 * Math.cos(a); n.y = H / 2 + 180 * Math.sin(a); n.vx = 0; n.vy = 0;
  });
  function tick(alpha) {
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < list.length; i++) {
      for (j = i + 1; j < list.length; j++) {
        a = list[i]; b = list[j]; dx = b.x - a.x; dy = b.y - a.y; d2 = dx * dx + dy * dy || 0.01;
        f = 2600 * alpha / d2; d = Math.sqrt(d2);
        a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
      }
    }
    edges.forEach(function (e) {
      dx = e.t.x - e.s.x; dy = e.t.y - e.s.y; d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      f = (d - 90) * 0.04 * alpha * Math.min(3, e.events);
      e.s.vx += f * dx / d; e.s.vy += f * dy / d; e.t.vx -= f * dx / d; e.t.vy -= f * dy / d;
    });
    list.forEach(function (n) {
      if (n.fixed) { n.vx = n.vy = 0; return; }
      n.vx += (W / 2 - n.x) * 0.004 * alpha; n.vy += (H / 2 - n.y) * 0.004 * alpha;
      n.x = Math.max(30, Math.min(W - 30, n.x + n.vx)); n.y = Math.max(20, Math.min(H - 20, n.y + n.vy));
      n.vx *= 0.6; n.vy *= 0.6;
    });
  }
  for (var k = 0; k < 300; k++) tick(1 - k / 330);
  var edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
  edges.forEach(function (e) {
    var colour = e.goldstein > 0 ? "#1d8a5a" : e.goldstein < 0 ? "#c0392b" : "#8895a3";
    e.line = el("line", { class: "edge", stroke: colour, "stroke-width": Math.min(10, 1.5 + 1.5 * e.events) }, edgeLayer);
    el("title", {}, e.line).textContent = e.s.name + " → " + e.t.name + ": " + e.events + " events, Goldstein " + e.goldstein;
  });
  list.forEach(function (n) {
    n.g = el("g", { class: "node", tabindex: "0", "data-name": n.name }, nodeLayer);
    el("circle", { r: Math.min(16, 5 + 2 * Math.sqrt(n.degree)) }, n.g);
    el("text", { x: 12, y: 4 }, n.g).textContent = n.name;
    el("title", {}, n.g).textContent = n.name + " (" + n.degree + " events)";
  });
  function render() {
    edges.forEach(function (e) {
      e.line.setAttribute("x1", e.s.x); e.line.setAttribute("y1", e.s.y);
      e.line.setAttribute("x2", e.t.x); e.line.setAttribute("y2", e.t.y);
    });
    list.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
  }
  render();
  var dragging = null, moved = false;
  function point(ev) {
    var r = svg.getBoundingClientRect();
    return { x: (ev.clientX - r.left) * W / r.width, y: (ev.clientY - r.top) * H / r.height };
  }
  list.forEach(function (n) {
    n.g.addEventListener("pointerdown", function (ev) { dragging = n; moved = false; n.fixed = true; svg.setPointerCapture(ev.pointerId); });
    n.g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(n); });
  });
  function open(n) { location.href = "/ui/timeline?actor=" + encodeURIComponent(n.name); }
  svg.addEventListener("pointermove", function (ev) {
    if (!dragging) return;
    var p = point(ev); dragging.x = p.x; dragging.y = p.y; moved = true;
    for (var i = 0; i < 3; i++) tick(0.1);
    render();
  });
  svg.addEventListener("pointerup", function () {
    if (dragging && !moved) open(dragging);
    if (dragging) dragging.fixed = false;
    dragging = null;
  });
  svg.dataset.ready = String(list.length);
}

document.addEventListener("DOMContentLoaded", function () {
  readerPage();
  networkPage();
});
