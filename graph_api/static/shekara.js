// Optional search suggestions for the header search box. Pages work without this file:
// the form submits to /search. Suggestions are built with DOM text nodes, never innerHTML.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete]");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var list = document.createElement("ul");
  list.className = "suggestions";
  list.hidden = true;
  form.appendChild(list);
  var timer = null;
  var lang = (form.querySelector("input[name=lang]") || {}).value || "";

  function show(items) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) {
      if (!item.link) { return; }
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.link;
      a.textContent = item.label + (item.matched !== item.label ? " (" + item.matched + ")" : "");
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = !list.firstChild;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (!q) { show([]); return; }
    timer = setTimeout(function () {
      var url = input.getAttribute("data-autocomplete") + "?limit=8&q=" + encodeURIComponent(q) +
        (lang ? "&lang=" + encodeURIComponent(lang) : "");
      fetch(url, { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) { if (input.value.trim() === q) { show(data.items || []); } })
        .catch(function () { show([]); });
    }, 150);
  });
  input.addEventListener("keydown", function (e) { if (e.key === "Escape") { show([]); } });
  document.addEventListener("click", function (e) { if (!form.contains(e.target)) { show([]); } });
}());
