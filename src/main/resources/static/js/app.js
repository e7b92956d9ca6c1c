// Double-submit guard, confirmation of irreversible acts, busy buttons and progress of long operations,
// without inline script (CSP).
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
  // A button that starts work says so; it is disabled only once the form's data (its own name and value) is taken.
  form.querySelectorAll('[data-busy-label]').forEach(function (b) {
    b.textContent = b.getAttribute('data-busy-label');
    window.setTimeout(function () { b.disabled = true; }, 0);
  });
  // A long operation reports its progress under the form's token (ADR 0028): shown until the answer arrives.
  var region = form.querySelector('[data-progress-url]');
  if (region) {
    var url = region.getAttribute('data-progress-url');
    region.hidden = false;
    var poll = function () {
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null) { region.innerHTML = html; }
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    window.setTimeout(poll, 300);
  }
});

// A download being prepared (a synchronous export) says so on its link for a while: the page stays where it is.
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('a[data-busy-label]') : null;
  if (!link || link.getAttribute('aria-disabled') === 'true') {
    if (link) { event.preventDefault(); }
    return;
  }
  var label = link.textContent;
  link.textContent = link.getAttribute('data-busy-label');
  link.setAttribute('aria-disabled', 'true');
  link.classList.add('disabled');
  window.setTimeout(function () {
    link.textContent = label;
    link.removeAttribute('aria-disabled');
    link.classList.remove('disabled');
  }, 8000);
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
