/**
 * The only script the public pages load, served from this origin. It adds two conveniences and
 * nothing else: a live character count on text areas and a copy button for receipt codes. It
 * sends nothing anywhere.
 */
export const PAGE_SCRIPT = `(function () {
  function length(text) { return Array.from(text.trim()).length; }
  document.querySelectorAll('textarea[data-max]').forEach(function (area) {
    var output = document.getElementById(area.id + '-count');
    if (!output) return;
    var max = Number(area.getAttribute('data-max'));
    var min = Number(area.getAttribute('data-min') || 0);
    function update() {
      var n = length(area.value);
      output.textContent = n + ' / ' + max + ' 字' + (n < min ? '（至少 ' + min + ' 字）' : '');
      output.classList.toggle('over', n > max || (n > 0 && n < min));
    }
    area.addEventListener('input', update);
    update();
  });
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = '已复制';
      }, function () {
        button.textContent = '复制失败，请长按回执码手动复制';
      });
    });
  });
})();
`;

/**
 * The progress board's refresh (/meetings/:id/board): once a minute it asks the same address for
 * its figures only (`#board[data-refresh-url]`) and swaps them in, without reloading the page.
 * Never more often than once a minute, whatever the page says; one request at a time (the next
 * is timed from the end of the last); a skipped turn while the tab is hidden. A signed-out answer
 * (401, or a redirect to the sign-in page) or a refusal (403, 404) stops it and shows the page's
 * own notice; a passing failure (network, 5xx) just waits for the next minute.
 */
export const BOARD_SCRIPT = `(function () {
  var board = document.getElementById('board');
  var url = board && board.getAttribute('data-refresh-url');
  if (!url || !window.fetch) return;
  var seconds = Math.max(60, Number(board.getAttribute('data-refresh-seconds')) || 60);
  function show(id) {
    var notice = document.getElementById(id);
    if (!notice) return;
    notice.classList.add('alert');
    notice.hidden = false;
  }
  function later() { setTimeout(refresh, seconds * 1000); }
  function refresh() {
    if (document.hidden) return later();
    fetch(url, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store', headers: { accept: 'text/html' } }).then(function (response) {
      if (response.type === 'opaqueredirect' || response.status === 401) return show('board-expired');
      if (response.status === 403 || response.status === 404) return show('board-gone');
      if (!response.ok) return later();
      return response.text().then(function (text) {
        board.innerHTML = text;
        later();
      });
    }).catch(later);
  }
  later();
})();
`;

/**
 * The opinion-list review (/meetings/:id/items) without a reload per action: a form marked
 * `data-review` is posted with fetch (same origin, the same fields and address as without the
 * script), a link marked `data-review-link` (an item's edit form, open or closed) is fetched the
 * same way, and the `#review` part of the answer — the page the 303 leads to, or the page with
 * the refusal beside its item — replaces the one shown (`x-review-fragment: 1` asks for that part
 * only). The scroll position stays; focus goes to the undo button after a merge, to the edit
 * form's text when it opens, else back to the item (or the pair now in the same place). Anything
 * else (signed out, an error page) is left to the browser, as without the script.
 */
export const REVIEW_SCRIPT = `(function () {
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams || !document.getElementById('review')) return;
  var busy = false;
  function place(element) {
    var section = element.closest('.review-item');
    var pair = element.closest('.pair');
    var pairs = Array.prototype.slice.call(document.querySelectorAll('#pairs .pair'));
    var column = document.getElementById('pairs');
    return { section: section && section.id, pairIndex: pair ? pairs.indexOf(pair) : -1, y: window.scrollY, pairsTop: column ? column.scrollTop : 0 };
  }
  function focus(element) {
    if (element) element.focus({ preventScroll: true });
  }
  function settle(where, merged) {
    window.scrollTo(0, where.y);
    var column = document.getElementById('pairs');
    if (column) column.scrollTop = where.pairsTop;
    var undo = merged && document.querySelector('#review-notice form button');
    if (undo) return focus(undo);
    var section = where.section && document.getElementById(where.section);
    if (section) return focus(section.querySelector('form.edit textarea') || section);
    if (where.pairIndex >= 0) {
      var pairs = document.querySelectorAll('#pairs .pair');
      var pair = pairs[Math.min(where.pairIndex, pairs.length - 1)];
      return focus(pair ? pair.querySelector('button') : document.getElementById('pairs-title'));
    }
    focus(document.getElementById('review-notice'));
  }
  function swap(url, init, element, fallback) {
    if (busy) return;
    busy = true;
    var review = document.getElementById('review');
    var where = place(element);
    review.setAttribute('aria-busy', 'true');
    init.credentials = 'same-origin';
    init.headers = Object.assign({ accept: 'text/html', 'x-review-fragment': '1' }, init.headers || {});
    fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var fresh = new DOMParser().parseFromString(text, 'text/html').getElementById('review');
        if (!fresh) {
          if (response.redirected) window.location.assign(response.url);
          else fallback();
          return;
        }
        review.replaceWith(document.adoptNode(fresh));
        if ((response.redirected || init.method === 'GET') && window.history.replaceState) window.history.replaceState(null, '', response.url.split('#')[0]);
        settle(where, response.redirected && /[?&]done=merge(&|$)/.test(response.url));
      });
    }).catch(fallback).then(function () {
      busy = false;
      var current = document.getElementById('review');
      if (current) current.removeAttribute('aria-busy');
    });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-review') || (form.method || '').toLowerCase() !== 'post') return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) body.append(event.submitter.name, event.submitter.value);
    swap(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }, form, function () { form.submit(); });
  });
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest && event.target.closest('a[data-review-link]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    swap(link.href, { method: 'GET' }, link, function () { window.location.assign(link.href); });
  });
})();
`;
