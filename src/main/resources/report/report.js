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
