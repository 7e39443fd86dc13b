// The report form: show only the breakdown fields the chosen metric allows (data-metrics), and keep
// the others out of the submit. Without this script every breakdown field shows, each labelled, and
// the write path refuses a breakdown the metric does not have.
(function () {
  var metric = document.getElementById('f-metric');
  if (!metric) return;
  function update() {
    document.querySelectorAll('.breakdowns .breakdown').forEach(function (b) {
      var allowed = (b.getAttribute('data-metrics') || '').split(' ').indexOf(metric.value) >= 0;
      b.hidden = !allowed;
      b.querySelectorAll('input').forEach(function (i) { i.disabled = !allowed; });
    });
    var group = document.querySelector('.breakdowns');
    if (group) group.hidden = !document.querySelector('.breakdowns .breakdown:not([hidden])');
  }
  metric.addEventListener('change', update);
  update();
})();
