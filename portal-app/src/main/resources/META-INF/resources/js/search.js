/*
 * Alliance Search Portal: live search results, sorting and filtering of the result table.
 * Progressive enhancement only: without this script the form POSTs to /search and the server answers with the whole
 * result. Every piece of HTML inserted here was rendered and escaped by the server; nothing from a member is ever
 * turned into markup in the browser.
 */
(function () {
  'use strict';

  function streamSearch(form) {
    var live = document.getElementById('live');
    var list = document.getElementById('live-members');
    var progress = document.getElementById('progress');
    var results = document.getElementById('results');
    var problems = document.getElementById('problems');
    var button = document.getElementById('search-button');
    var body = new URLSearchParams(new FormData(form));
    body.set('action', 'search');
    list.innerHTML = '';
    problems.innerHTML = '';
    results.innerHTML = '';
    live.hidden = false;
    button.disabled = true;

    function handle(event) {
      if (event.progress) {
        progress.innerHTML = event.progress;
      }
      if (event.type === 'member') {
        list.insertAdjacentHTML('beforeend', event.html);
      } else if (event.type === 'result') {
        live.hidden = true;
        results.innerHTML = event.html;
      } else if (event.type === 'error') {
        live.hidden = true;
        problems.innerHTML = event.html;
      } else if (event.type === 'extract') {
        // text in place of values: nothing was sent; the page offers the indicators found in it
        form.submit();
      }
    }

    return fetch(form.getAttribute('data-stream'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/x-ndjson' }
    }).then(function (response) {
      if (!response.ok || !response.body) {
        throw new Error('status ' + response.status);
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            if (buffer.trim()) {
              handle(JSON.parse(buffer));
            }
            return;
          }
          buffer += decoder.decode(chunk.value, { stream: true });
          var lines = buffer.split('\n');
          buffer = lines.pop();
          lines.forEach(function (line) {
            if (line.trim()) {
              handle(JSON.parse(line));
            }
          });
          return read();
        });
      }
      return read();
    }).finally(function () {
      button.disabled = false;
    });
  }

  function sortTable(th) {
    var table = th.closest('table');
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var kind = th.getAttribute('data-sort');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.children, function (other) {
      other.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    function key(row) {
      var cell = row.cells[index];
      var k = cell.getAttribute('data-key');
      var text = k !== null ? k : cell.textContent.trim().toLowerCase();
      return kind === 'number' ? parseFloat(text) || 0 : text;
    }
    rows.sort(function (a, b) {
      var x = key(a);
      var y = key(b);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    rows.forEach(function (row) {
      tbody.appendChild(row);
    });
  }

  function filterTable(input) {
    var table = document.getElementById(input.getAttribute('data-filter-target'));
    if (!table) {
      return;
    }
    var needle = input.value.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0;
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.id !== 'search-form' || !window.fetch || !window.TextDecoder) {
      return;
    }
    var submitter = event.submitter;
    var text = form.querySelector('#text');
    if ((submitter && submitter.value === 'extract') || (text && text.value.trim() !== '')) {
      return; // the extraction step is an ordinary page
    }
    var url = form.querySelector('#url');
    var values = form.querySelector('#values');
    if ((submitter && submitter.value === 'fetch')
        || (url && url.value.trim() !== '' && values && values.value.trim() === '' && !form.querySelector('input[name="pick"]:checked'))) {
      return; // so is the extraction from a report's URL
    }
    event.preventDefault();
    streamSearch(form).catch(function () {
      form.submit(); // fall back to the whole answer at once
    });
  });

  document.addEventListener('click', function (event) {
    var th = event.target.closest('th[data-sort]');
    if (th) {
      sortTable(th);
    }
  });

  document.addEventListener('input', function (event) {
    if (event.target.classList && event.target.classList.contains('result-filter')) {
      filterTable(event.target);
    }
  });
})();
