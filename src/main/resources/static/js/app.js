// Double-submit guard and confirmation of irreversible acts, without inline script (CSP).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (form.dataset.submitted === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = 'true';
  form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
});

// A table wider than the screen scrolls inside its wrapper: the wrapper then takes the keyboard focus, so that
// it can be scrolled without a mouse (WCAG 2.1.1); one that fits is no extra stop for the Tab key.
function focusScrollableTables() {
  document.querySelectorAll('.table-responsive').forEach(function (wrapper) {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      wrapper.setAttribute('tabindex', '0');
    } else if (wrapper.getAttribute('tabindex') === '0') {
      wrapper.removeAttribute('tabindex');
    }
  });
}
document.addEventListener('DOMContentLoaded', focusScrollableTables);
window.addEventListener('resize', focusScrollableTables);
document.addEventListener('htmx:afterSettle', focusScrollableTables);
