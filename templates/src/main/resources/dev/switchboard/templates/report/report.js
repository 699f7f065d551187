/* The report's behaviour: panels by the URL's fragment, the table's filter and sorting, a service's
   part, and the dependency graph (drawn when its panel is first shown, from positions computed when
   the report was written). Values from the registry only ever reach the page as text (textContent,
   Cytoscape labels), never as markup. window.switchboardReport tells tests and people what was drawn
   and how long it took. */
(function () {
  'use strict';
  var report = (window.switchboardReport = { ready: false, services: 0, graph: null });

  var table = document.getElementById('service-table');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var keys = rows.map(function (r) { return r.getAttribute('data-search'); });
  var rowByAnchor = {};
  rows.forEach(function (r) { rowByAnchor[r.getAttribute('data-anchor')] = r; });
  report.services = rows.length;

  /* Panels and the fragment: #services, #graph, #changes or #service-NAME. */
  var panels = {};
  Array.prototype.forEach.call(document.querySelectorAll('[data-panel]'), function (p) {
    panels[p.getAttribute('data-panel')] = p;
  });
  var tabs = document.querySelectorAll('[data-tab]');
  var details = document.getElementById('details');
  var currentService = null;

  function showPanel(name) {
    Object.keys(panels).forEach(function (k) { panels[k].classList.toggle('current', k === name); });
    Array.prototype.forEach.call(tabs, function (t) {
      t.classList.toggle('current', t.getAttribute('data-tab') === name);
    });
    if (name === 'graph') { drawGraph(); }
  }

  /* A service's part, kept as escaped HTML text in an inert script element, goes into the page. */
  var part = document.getElementById('part');
  function showService(anchor) {
    var source = document.getElementById('part-' + anchor);
    if (!source) { return false; }
    if (currentService) {
      var old = rowByAnchor[currentService];
      if (old) { old.classList.remove('current'); }
    }
    part.innerHTML = source.textContent;
    details.classList.add('picked');
    details.scrollTop = 0;
    currentService = anchor;
    var row = rowByAnchor[anchor];
    if (row) {
      row.classList.add('current');
      if (!row.hidden) { row.scrollIntoView({ block: 'nearest' }); }
    }
    return true;
  }

  function route() {
    var id = location.hash.slice(1);
    if (panels[id]) { showPanel(id); return; }
    if (id && showService(id)) { showPanel('services'); return; }
    showPanel('services');
  }
  window.addEventListener('hashchange', route);

  table.tBodies[0].addEventListener('click', function (e) {
    var row = e.target.closest('tr');
    if (row && !e.target.closest('a')) { location.hash = '#' + row.getAttribute('data-anchor'); }
  });

  /* The filter: every word typed must occur in a row's words. */
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    for (var i = 0; i < rows.length; i++) {
      var match = true;
      for (var w = 0; w < words.length && match; w++) { match = keys[i].indexOf(words[w]) >= 0; }
      if (rows[i].hidden === match) { rows[i].hidden = !match; }
      if (match) { count++; }
    }
    shown.textContent = count + ' of ' + rows.length;
  }
  filter.addEventListener('input', applyFilter);

  /* Sorting: a header's button sorts by its column, again the other way; ties keep name order. */
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var byName = rows.slice();
  headers.forEach(function (th, column) {
    th.querySelector('button').addEventListener('click', function () {
      var descending = th.getAttribute('aria-sort') === 'ascending';
      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var numeric = th.getAttribute('data-type') === 'number';
      var values = new Map();
      byName.forEach(function (r, i) {
        var cell = r.cells[column];
        var v = cell.getAttribute('data-value') || cell.textContent.trim();
        values.set(r, { v: numeric ? Number(v) : v.toLowerCase(), i: i });
      });
      var sorted = byName.slice().sort(function (a, b) {
        var x = values.get(a), y = values.get(b);
        var c = x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
        if (descending) { c = -c; }
        return c || x.i - y.i;
      });
      var body = table.tBodies[0];
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (r) { fragment.appendChild(r); });
      body.appendChild(fragment);
    });
  });

  /* The graph. */
  var cy = null;
  var saved = {};
  var focused = null;
  var hideHubs = document.getElementById('hide-hubs');
  var hideLonely = document.getElementById('hide-lonely');
  var threshold = document.getElementById('hub-threshold');
  var focusBox = document.getElementById('focus');
  var info = document.getElementById('graph-info');

  function drawGraph() {
    if (cy) { return; }
    var started = performance.now();
    var data = JSON.parse(document.getElementById('graph-data').textContent);
    var elements = [];
    data.nodes.forEach(function (n) {
      saved[n.id] = { x: n.x, y: n.y };
      elements.push({
        group: 'nodes',
        data: { id: n.id, kind: n.kind, dependents: n.dependents, size: 10 + 5 * Math.log2(1 + n.dependents) },
        position: { x: n.x, y: n.y },
        classes: (n.cycle ? 'cycle ' : '') + (n.unknown ? 'unknown' : '')
      });
    });
    data.edges.forEach(function (e, i) {
      elements.push({
        group: 'edges',
        data: { id: 'e' + i, source: e.source, target: e.target, via: e.via },
        classes: e.cycle ? 'cycle' : ''
      });
    });
    var big = data.nodes.length > 400;
    cy = cytoscape({
      container: document.getElementById('cy'),
      elements: elements,
      layout: { name: 'preset', fit: false },
      minZoom: 0.02,
      maxZoom: 5,
      boxSelectionEnabled: false,
      hideEdgesOnViewport: big,
      style: [
        { selector: 'node', style: {
          'width': 'data(size)', 'height': 'data(size)', 'background-color': '#9aa5b1',
          'label': 'data(id)', 'font-size': 10, 'min-zoomed-font-size': 7, 'color': '#1f2933',
          'text-valign': 'bottom', 'text-margin-y': 2, 'text-outline-color': '#fff', 'text-outline-width': 1.5 } },
        { selector: 'node[kind = "grpc"]', style: { 'background-color': '#2f6fd6' } },
        { selector: 'node[kind = "aws"]', style: { 'background-color': '#d97706' } },
        { selector: 'node[kind = "http"]', style: { 'background-color': '#16936b' } },
        { selector: 'node.unknown', style: {
          'background-color': '#fff', 'border-width': 1, 'border-style': 'dashed', 'border-color': '#9aa5b1' } },
        { selector: 'node.hub', style: { 'shape': 'diamond', 'background-color': '#6b46c1', 'font-weight': 'bold' } },
        { selector: 'node.cycle', style: { 'border-width': 2, 'border-color': '#c81e1e' } },
        { selector: 'edge', style: {
          'width': 1, 'line-color': '#b8c2cc', 'target-arrow-color': '#b8c2cc', 'target-arrow-shape': 'triangle',
          'arrow-scale': 0.7, 'curve-style': 'bezier', 'opacity': 0.8 } },
        { selector: 'edge.cycle', style: { 'width': 2, 'line-color': '#c81e1e', 'target-arrow-color': '#c81e1e', 'opacity': 1 } },
        { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#111', 'font-size': 13, 'font-weight': 'bold' } },
        { selector: '.gone', style: { 'display': 'none' } }
      ]
    });
    cy.on('tap', 'node', function (e) { focusOn(e.target.id()); });
    hideHubs.addEventListener('change', applyVisibility);
    hideLonely.addEventListener('change', applyVisibility);
    threshold.addEventListener('input', applyVisibility);
    document.getElementById('focus-go').addEventListener('click', function () { focusOn(focusBox.value.trim()); });
    focusBox.addEventListener('keydown', function (e) { if (e.key === 'Enter') { focusOn(focusBox.value.trim()); } });
    document.getElementById('whole').addEventListener('click', wholeGraph);
    // At googleapis' size most services have no dependency at all; they would fill the first view.
    hideLonely.checked = data.nodes.length > 300;
    applyVisibility();
    var container = document.getElementById('cy');
    container.setAttribute('data-nodes', String(cy.nodes().length));
    container.setAttribute('data-edges', String(cy.edges().length));
    report.graph = { nodes: cy.nodes().length, edges: cy.edges().length, drawMs: performance.now() - started };
    // Cytoscape paints on the next animation frame; the second one starts after that paint.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { report.graph.paintedMs = performance.now() - started; });
    });
  }

  /* Hubs, services without edges and, when focused, everything beyond the neighbours leave the drawing. */
  function applyVisibility() {
    var limit = Number(threshold.value) || Infinity;
    cy.batch(function () {
      cy.nodes().forEach(function (n) { n.toggleClass('hub', n.data('dependents') >= limit); });
      cy.nodes().removeClass('gone');
      if (focused) { cy.nodes().not(focused.closedNeighborhood().nodes()).addClass('gone'); }
      if (hideHubs.checked) { cy.nodes('.hub').not(focused || cy.collection()).addClass('gone'); }
      if (hideLonely.checked) {
        // One pass over the edges: a service stays when an edge joins it to another shown service.
        var joined = {};
        cy.edges().forEach(function (e) {
          var s = e.source(), t = e.target();
          if (s !== t && !s.hasClass('gone') && !t.hasClass('gone')) { joined[s.id()] = joined[t.id()] = true; }
        });
        cy.nodes().forEach(function (n) {
          if (!joined[n.id()] && !(focused && n.same(focused))) { n.addClass('gone'); }
        });
      }
    });
    var visible = cy.nodes().not('.gone');
    info.textContent = (focused ? focused.id() + ' and its neighbours: ' : '') + visible.length + ' of '
      + cy.nodes().length + ' services shown';
    if (focused) { relayoutFocus(); } else { fit(visible); }
  }

  /* Fits what is shown, but no closer than a readable zoom: six services should not fill a wall. */
  function fit(elements) {
    cy.resize();
    cy.fit(elements, 24);
    if (cy.zoom() > 2) {
      cy.zoom(2);
      cy.center(elements);
    }
  }

  function focusOn(name) {
    drawGraph();
    var node = name ? cy.getElementById(name) : null;
    if (!node || node.empty()) { info.textContent = 'no service named "' + name + '"'; return; }
    if (focused) { focused.removeClass('focus'); }
    focused = node;
    focused.addClass('focus');
    focusBox.value = name;
    applyVisibility();
  }

  function relayoutFocus() {
    // Nodes only: an edge between two hidden services still has a bounding box, which fit would count.
    var visible = cy.nodes().not('.gone');
    visible.layout({
      name: 'concentric', fit: false, animate: false, minNodeSpacing: 70,
      concentric: function (n) { return n.same(focused) ? 2 : 1; },
      levelWidth: function () { return 1; },
      // Two or three neighbours evenly round a circle would line up with the focus, hiding edges.
      sweep: visible.length <= 4 ? Math.PI * 2 / 3 : undefined
    }).run();
    fit(visible);
  }

  function wholeGraph() {
    if (focused) { focused.removeClass('focus'); }
    focused = null;
    focusBox.value = '';
    cy.batch(function () { cy.nodes().forEach(function (n) { n.position(saved[n.id()]); }); });
    applyVisibility();
  }

  /* "Show in the graph" in a service's part. */
  part.addEventListener('click', function (e) {
    var link = e.target.closest('[data-focus]');
    if (!link) { return; }
    e.preventDefault();
    history.pushState(null, '', '#graph');
    showPanel('graph');
    focusOn(link.getAttribute('data-focus'));
  });

  route();
  report.ready = true;
  report.readyMs = performance.now();
})();
