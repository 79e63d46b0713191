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
