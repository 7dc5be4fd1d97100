(function () {
  'use strict';
  var table = document.getElementById('checks');
  var form = document.getElementById('filters');
  if (!table || !form) return;
  var body = Array.prototype.slice.call(table.tBodies);
  var shown = document.getElementById('shown');
  form.hidden = false;

  function filter() {
    var on = {};
    Array.prototype.forEach.call(form.querySelectorAll('input'), function (i) { on[i.name + ':' + i.value] = i.checked; });
    var n = 0;
    body.forEach(function (b) {
      var visible = on['status:' + b.dataset.status] && on['severity:' + b.dataset.severity];
      b.hidden = !visible;
      if (visible) n++;
    });
    shown.textContent = n + ' of ' + body.length + ' checks shown';
  }
  form.addEventListener('change', filter);
  filter();

  Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-key]'), function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var key = th.dataset.key, numeric = th.dataset.numeric === 'true';
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th'), function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      body.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return (c || Number(a.dataset.order) - Number(b.dataset.order)) * dir;
      });
      body.forEach(function (b) { table.appendChild(b); });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('.fix pre'), function (pre) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.addEventListener('click', function () {
      var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(pre.textContent).then(done, function () { select(pre, button); });
      } else {
        select(pre, button);
      }
    });
    pre.parentNode.insertBefore(button, pre);
  });

  function select(node, button) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    button.textContent = 'Press Ctrl+C';
  }
})();

// A report of many targets: search and filter the targets, and pick a region or a check to filter by.
(function () {
  'use strict';
  var form = document.getElementById('target-filters');
  if (!form) return;
  var slice = function (list) { return Array.prototype.slice.call(list); };
  var groups = slice(document.querySelectorAll('#targets tbody.t'));
  var passedRows = slice(document.querySelectorAll('#passed tbody tr'));
  var passedBox = document.getElementById('passed-targets');
  var shown = document.getElementById('targets-shown');
  var total = groups.length + passedRows.length;
  var texts = new Map();
  function text(el) {
    var t = texts.get(el);
    if (t === undefined) { t = el.textContent.toLowerCase(); texts.set(el, t); }
    return t;
  }
  form.hidden = false;

  function apply() {
    var q = form.elements.q.value.trim().toLowerCase();
    var verdicts = {};
    slice(form.querySelectorAll('input[name=verdict]')).forEach(function (i) { verdicts[i.value] = i.checked; });
    var kind = form.elements.kind.value, region = form.elements.region.value, check = form.elements.check.value;
    var n = 0;
    groups.forEach(function (b) {
      var ok = verdicts[b.dataset.verdict] && (!kind || b.dataset.kind === kind)
        && (!region || b.dataset.region === region)
        && (!check || (' ' + b.dataset.checks + ' ').indexOf(' ' + check + ' ') >= 0)
        && (!q || text(b).indexOf(q) >= 0);
      b.hidden = !ok;
      if (ok) n++;
    });
    var m = 0;
    passedRows.forEach(function (r) {
      var ok = verdicts.passed && !check && (!kind || r.cells[0].textContent === kind)
        && (!region || r.cells[1].textContent === region) && (!q || text(r).indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) m++;
    });
    // A search that finds passing targets shows them; otherwise they stay folded as the reader left them.
    if (passedBox && q && m > 0) passedBox.open = true;
    shown.textContent = (n + m) + ' of ' + total + ' targets shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });

  function pick(name, value) {
    form.elements[name].value = value;
    apply();
    form.scrollIntoView();
  }
  slice(document.querySelectorAll('#regions tr[data-region]')).forEach(function (tr) {
    tr.classList.add('pick');
    tr.title = 'Show the targets of this region';
    tr.addEventListener('click', function () { pick('region', tr.dataset.region); });
  });
  slice(document.querySelectorAll('#check-totals tbody.tally')).forEach(function (b) {
    var head = b.rows[0];
    if (!b.rows[1]) return;
    head.classList.add('pick');
    head.title = 'Show the targets this check needs action on';
    head.addEventListener('click', function () { pick('check', b.dataset.check); });
  });
  apply();
})();
