// Municipality pickers (ADR 0032): an input with data-municipality-search and a datalist of its own is fed,
// as the user types, with the municipalities whose name starts with (then contains) the text. The value stays
// the name; the label shown beside it adds the province. Loaded once however many pickers the page has.
(function () {
  if (window.ricollocaPlaces) {
    return;
  }
  window.ricollocaPlaces = true;
  function wire(input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null;
    var last = '';
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        last = q;
        fetch(input.dataset.municipalitySearch + '?q=' + encodeURIComponent(q), {
          headers: { 'Accept': 'application/json' }, credentials: 'same-origin'
        }).then(function (r) { return r.ok ? r.json() : []; }).then(function (items) {
          list.replaceChildren();
          items.forEach(function (m) {
            var option = document.createElement('option');
            option.value = m.name;
            option.label = m.label;
            list.appendChild(option);
          });
        }).catch(function () { /* the field stays a free text field */ });
      }, 200);
    });
  }
  function init() {
    document.querySelectorAll('input[data-municipality-search]').forEach(wire);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
