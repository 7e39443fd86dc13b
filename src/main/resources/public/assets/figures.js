/*
 * The figures page: one uPlot chart per metric from the data-chart JSON the server put beside each
 * table (the same data). One line per reporting body; a point only on the dates the body reported;
 * spanGaps false, so a date without a report is a gap, never bridged. Dates and numbers in the
 * reader's locale. Each chart's box gets data-series (the number of bodies drawn) once drawn.
 */
(function () {
  'use strict';
  if (typeof uPlot === 'undefined') return;
  var COLOURS = ['#1f77b4', '#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e', '#a6761d', '#555555'];
  var DAY = 86400;

  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var chart = JSON.parse(el.dataset.chart);
    var lang = el.dataset.lang;
    function withMonthNames(lang, options, numeric) {
      // some browsers lack month names for some locales (Chromium writes "2021 M01 5" for az): fall back to numeric dates
      var f = new Intl.DateTimeFormat(lang, options);
      return /M\d\d/.test(f.format(new Date(Date.UTC(2021, 0, 5)))) ? new Intl.DateTimeFormat(lang, numeric) : f;
    }
    var numbers = new Intl.NumberFormat(lang);
    var dates = withMonthNames(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
        { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    // Axis labels always let the reader find the year: years apart, the year; months apart, month and
    // year; days apart, day and month with the year on the first tick and wherever it changes.
    var years = new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' });
    var months = withMonthNames(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' },
        { month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    var days = withMonthNames(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' },
        { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
    function tickLabels(splits) {
      var span = splits.length > 1 ? splits[splits.length - 1] - splits[0] : 0;
      var step = splits.length > 1 ? span / (splits.length - 1) : 0;
      var lastYear = null;
      return splits.map(function (v) {
        var d = new Date(v * 1000);
        if (step >= 300 * DAY) return years.format(d);
        if (step >= 27 * DAY) return months.format(d);
        var y = d.getUTCFullYear();
        var label = y === lastYear ? days.format(d) : dates.format(d);
        lastYear = y;
        return label;
      });
    }
    var xs = chart.dates.map(function (d) { return Date.parse(d) / 1000; });
    var date = function (u, v) { return v == null ? '–' : dates.format(new Date(v * 1000)); };
    var number = function (u, v) { return v == null ? '–' : numbers.format(v); };
    var series = [{ label: el.dataset.dateLabel, value: date }];
    chart.series.forEach(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      series.push({ label: s.name, stroke: colour, width: 2, spanGaps: false, value: number,
        points: { show: true, size: 8, stroke: colour, fill: colour } });
    });
    var xAxis = { space: 90, values: function (u, splits) { return tickLabels(splits); } };
    // one report: its date is the only tick, so the axis shows that date with its year and no other day
    if (xs.length === 1) xAxis.splits = function () { return [xs[0]]; };
    var options = {
      width: Math.max(320, el.clientWidth || 700),
      height: 260,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      scales: {
        // one report: a fortnight either side, so the axis has room for its full date
        x: { time: true, range: function (u, min, max) { var pad = max === min ? 14 * DAY : Math.max(DAY, (max - min) * 0.04); return [min - pad, max + pad]; } },
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } }
      },
      axes: [
        xAxis,
        { size: 80, values: function (u, splits) { return splits.map(function (v) { return numbers.format(v); }); } }
      ],
      series: series
    };
    var plot = new uPlot(options, [xs].concat(chart.series.map(function (s) { return s.values; })), el);
    el.setAttribute('data-series', String(chart.series.length));
    window.addEventListener('resize', function () { plot.setSize({ width: Math.max(320, el.clientWidth || 700), height: 260 }); });
  });
})();
