/*
 * The map page: draws the record's layers (GET /api/v1/layers/{kind}?asOf=) over the bundled country
 * outlines with Leaflet, and refetches them when the date slider moves. Everything it needs comes from
 * the data-* attributes of #map; texts arrive already in the reader's language. The page reads
 * without this script: the server lists every layer's features in tables.
 * After each drawing, #map carries data-count-<layer> (features drawn per layer) and data-drawn-as-of.
 */
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') return;
  var data = el.dataset;
  var groups = JSON.parse(data.layers);
  var texts = JSON.parse(data.texts);
  var bodies = JSON.parse(data.bodies);
  var control = JSON.parse(data.control);
  var lang = data.lang; /* the page's ICU locale, such as en-GB: dates and lists as the server writes them */
  var language = lang.split('-')[0];
  var DAY = 86400000;
  var first = Date.parse(data.first);
  var last = Date.parse(data.last);
  var dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  var tablesDate = data.asOf;
  var generation = 0;

  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  /* the server's ICU long dates first: the browser lacks some locales' date data */
  var dateLabels = data.dateLabels ? JSON.parse(data.dateLabels) : {};
  function longDate(isoDate) { return dateLabels[isoDate] || dateFormat.format(new Date(Date.parse(isoDate))); }
  function fill(pattern, args) {
    return pattern.replace(/\{(\w+)\}/g, function (whole, key) { return key in args ? args[key] : whole; });
  }
  function body(id) { return bodies[id] || id; }
  function list(items) {
    if (items.length === 1) return items[0];
    /* the server's ICU list patterns first: the browser lacks some locales' list data */
    var pattern = texts.lists && texts.lists[String(items.length)];
    if (pattern) return pattern.replace(/\{(\d+)\}/g, function (whole, i) { return items[Number(i)]; });
    try { return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items); } catch (e) { return items.join(', '); }
  }
  function safeClass(s) { return String(s).replace(/[^A-Za-z0-9_-]/g, '_'); }

  /* The names come from the server (properties.name: the display name in the page's language by the
     one rule of org.truce.figures.PlaceNames; properties.sideNames: each name shown, with who uses it).
     The script only words "used by". */
  function names(p) {
    var others = (p.sideNames || []).filter(function (n) { return n.usedBy.indexOf('common') < 0; }).map(function (n) {
      return fill(texts['map.names.usedBy'], { name: n.name, bodies: list(n.usedBy.map(body)) });
    });
    return { shown: p.name || p.feature, others: others };
  }

  function validity(p) {
    if (!p.validFrom && !p.validTo) return texts['map.valid.always'];
    if (!p.validTo) return fill(texts['map.valid.from'], { from: longDate(p.validFrom) });
    if (!p.validFrom) return fill(texts['map.valid.until'], { to: longDate(p.validTo) });
    return fill(texts['map.valid.between'], { from: longDate(p.validFrom), to: longDate(p.validTo) });
  }

  function line(parent, tag, text, cls) {
    var e = document.createElement(tag);
    e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }

  function popup(p) {
    var n = names(p);
    var box = document.createElement('div');
    box.className = 'map-popup';
    line(box, 'strong', n.shown);
    n.others.forEach(function (o) { line(box, 'div', o, 'other-name'); });
    line(box, 'div', texts.classes[p['class']] || p['class']);
    line(box, 'div', texts['map.col.valid'] + ': ' + validity(p));
    if (p.controlledBy) line(box, 'div', texts['map.col.control'] + ': ' + body(p.controlledBy));
    line(box, 'div', texts['map.col.source'] + ': ' + body(p.source));
    (p.status || []).forEach(function (s) {
      line(box, 'div', fill(texts['map.status.entry'], { status: texts.status[s.status] || s.status, source: body(s.source), date: longDate(s.from) }));
    });
    if (p.illustrative) line(box, 'p', texts['map.illustrative'], 'illustrative-label');
    return box;
  }

  function classes(p, key) {
    var c = ['f-' + safeClass(p.feature), 'cls-' + safeClass(p['class']), 'layer-' + key];
    if (p.controlledBy && control[p.controlledBy]) c.push(control[p.controlledBy]);
    if (p.illustrative) c.push('illustrative');
    return c.join(' ');
  }

  el.hidden = false;
  var map = L.map(el, { zoomSnap: 0.25 });
  map.fitBounds([[38.9, 45.3], [40.5, 47.4]]);
  var overlays = {};

  var countries = L.geoJSON(null, { interactive: false, attribution: 'Natural Earth', style: function () { return { className: 'countries' }; } });
  countries.addTo(map);
  overlays[texts['map.layers.countries']] = countries;
  fetch(data.countriesUrl).then(function (r) { return r.json(); }).then(function (g) {
    countries.addData(g);
    el.setAttribute('data-countries', String(countries.getLayers().length));
  });

  if (data.tileUrl) {
    var attribution = document.createElement('span');
    attribution.textContent = data.tileAttribution || '';
    var tiles = L.tileLayer(data.tileUrl, { attribution: attribution.innerHTML, maxZoom: 18 });
    tiles.addTo(map);
    tiles.bringToBack();
    overlays[texts['map.layers.tiles']] = tiles;
  }

  var drawn = groups.map(function (g) {
    var layer = L.geoJSON(null, {
      filter: function (f) {
        var c = f.properties['class'];
        return (!g.classes || g.classes.indexOf(c) >= 0) && (!g.except || g.except.indexOf(c) < 0);
      },
      pointToLayer: function (f, latlng) {
        return L.marker(latlng, { icon: new L.Icon.Default({ className: classes(f.properties, g.key) }), title: names(f.properties).shown });
      },
      onEachFeature: function (f, l) {
        if (!(l instanceof L.Marker)) l.options.className = classes(f.properties, g.key);
        l.bindPopup(popup(f.properties));
        /* settlements carry a permanent label: every side's name, as the server gives it */
        if (f.properties['class'] === 'settlement') {
          l.bindTooltip(names(f.properties).shown, { permanent: true, direction: 'right', offset: [8, -20],
            className: 'map-label label-' + safeClass(f.properties.feature) });
        }
      }
    });
    layer.addTo(map);
    overlays[g.title] = layer;
    return { group: g, layer: layer };
  });
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);

  var stale = document.createElement('p');
  stale.className = 'stale-note';
  stale.id = 'map-tables-stale';
  stale.textContent = texts['map.tables.stale'];
  stale.hidden = true;
  var tables = document.getElementById('map-tables');
  if (tables) tables.insertBefore(stale, tables.firstChild);

  var fitted = false;
  function draw(day) {
    var mine = ++generation;
    el.setAttribute('data-loading', day);
    var byUrl = {};
    drawn.forEach(function (d) {
      if (!byUrl[d.group.url]) {
        byUrl[d.group.url] = fetch(d.group.url + '?asOf=' + encodeURIComponent(day) + '&lang=' + encodeURIComponent(language)).then(function (r) {
          if (!r.ok) throw new Error(d.group.url + ' answered ' + r.status);
          return r.json();
        });
      }
    });
    return Promise.all(drawn.map(function (d) { return byUrl[d.group.url]; })).then(function (collections) {
      if (mine !== generation) return;
      drawn.forEach(function (d, i) {
        d.layer.clearLayers();
        d.layer.addData(collections[i]);
        el.setAttribute('data-count-' + d.group.key, String(d.layer.getLayers().length));
      });
      if (!fitted) {
        var bounds = drawn[0].layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds.pad(0.15));
        fitted = true;
      }
      el.removeAttribute('data-loading');
      el.setAttribute('data-drawn-as-of', day);
      if (stale) stale.hidden = day === tablesDate;
    }).catch(function (e) {
      el.setAttribute('data-error', String(e));
    });
  }

  var slider = document.getElementById('map-date');
  var output = document.getElementById('map-date-value');
  var input = document.getElementById('asOf');
  var box = document.getElementById('map-slider');
  if (slider && !isNaN(first) && !isNaN(last)) {
    var days = Math.round((last - first) / DAY);
    var at = Math.min(days, Math.max(0, Math.round((Date.parse(data.asOf) - first) / DAY)));
    slider.max = String(days);
    slider.value = String(isNaN(at) ? days : at);
    box.hidden = false;
    var shown = function () {
      var day = iso(first + Number(slider.value) * DAY);
      output.textContent = fill(texts['map.slider.value'], { date: longDate(day) });
      return day;
    };
    slider.addEventListener('input', shown);
    slider.addEventListener('change', function () {
      var day = shown();
      if (input) input.value = day;
      if (window.history && history.replaceState) history.replaceState(null, '', '?asOf=' + day);
      draw(day);
    });
    shown();
  }
  draw(data.asOf);
})();
