// Live updates keep the reader's place: the page's figures are swapped in by htmx when an evaluation changes (see
// base.html); this keeps focus where it was, announces the update to screen readers, and marks for a few seconds the
// rows whose figures changed. The year and as-of form is kept as typed by hx-preserve.
(function () {
  var before = {};
  var focused = null;
  var ROWS = '[data-indicator],[data-goal],[data-node]';

  function key(row) {
    if (row.hasAttribute('data-indicator')) { return 'indicator:' + row.getAttribute('data-indicator'); }
    if (row.hasAttribute('data-goal')) { return 'goal:' + row.getAttribute('data-goal'); }
    return 'node:' + row.getAttribute('data-node');
  }

  document.addEventListener('htmx:beforeSwap', function () {
    before = {};
    document.querySelectorAll(ROWS).forEach(function (row) { before[key(row)] = row.textContent; });
    var active = document.activeElement;
    focused = active && active.getAttribute('href') ? 'a[href="' + CSS.escape(active.getAttribute('href')) + '"]'
      : active && active.id ? '#' + CSS.escape(active.id) : null;
  });

  document.addEventListener('htmx:afterSettle', function () {
    var changed = 0;
    document.querySelectorAll(ROWS).forEach(function (row) {
      var was = before[key(row)];
      if (was !== undefined && was !== row.textContent) {
        changed++;
        row.classList.add('changed');
        setTimeout(function () { row.classList.remove('changed'); }, 5000);
      }
    });
    if (focused) {
      var again = document.querySelector(focused);
      if (again) { again.focus({ preventScroll: true }); }
    }
    var notice = document.getElementById('live-notice');
    if (notice && changed > 0) {
      notice.textContent = notice.getAttribute('data-message').replace('*', changed);
    }
  });
})();
