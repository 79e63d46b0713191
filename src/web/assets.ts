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
