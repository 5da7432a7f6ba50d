// Shekara SPARQL page: an overlay syntax highlighter for the textarea, example queries one
// click away, and results fetched as SPARQL JSON and drawn as a table. Without JavaScript the
// form still works: the server renders the table.
(function () {
  "use strict";

  var KEYWORDS = ("SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED " +
    "OPTIONAL UNION MINUS GRAPH SERVICE SILENT FILTER BIND VALUES AS GROUP BY ORDER HAVING LIMIT OFFSET " +
    "ASC DESC NOT EXISTS IN COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR INSERT DELETE DATA " +
    "WITH USING DEFAULT ALL CLEAR DROP CREATE LOAD INTO TO MOVE COPY ADD UNDEF A TRUE FALSE " +
    "STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE " +
    "LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES " +
    "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT " +
    "SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE").split(" ");
  var KW = {};
  KEYWORDS.forEach(function (k) { KW[k] = true; });

  // One regular expression with a group per token kind; order matters (comments and strings
  // first, so that what they contain is not taken for anything else).
  var TOKEN = new RegExp([
    "(#[^\\n]*)",                                   // 1 comment
    "(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')", // 2 string
    "(<[^<>\"{}|^`\\\\\\s]*>)",                     // 3 IRI
    "([?$][A-Za-z0-9_\\u00C0-\\uFFFF]+)",           // 4 variable
    "([A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_.\\-\\u00C0-\\uFFFF]*|:[A-Za-z0-9_.\\-]+)", // 5 prefixed name
    "(@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)",               // 6 language tag
    "([A-Za-z_][A-Za-z0-9_]*)",                     // 7 word (keyword?)
    "(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)"        // 8 number
  ].join("|"), "g");

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function span(cls, text) { return '<span class="tok-' + cls + '">' + escapeHtml(text) + "</span>"; }

  function highlight(text) {
    var out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += escapeHtml(text.slice(last, m.index));
      if (m[1]) out += span("comment", m[1]);
      else if (m[2]) out += span("string", m[2]);
      else if (m[3]) out += span("iri", m[3]);
      else if (m[4]) out += span("var", m[4]);
      else if (m[5]) out += span("pname", m[5]);
      else if (m[6]) out += span("lang", m[6]);
      else if (m[7]) out += KW[m[7].toUpperCase()] ? span("kw", m[7]) : escapeHtml(m[7]);
      else if (m[8]) out += span("num", m[8]);
      last = TOKEN.lastIndex;
    }
    out += escapeHtml(text.slice(last));
    // a trailing newline needs content after it, or the overlay is one line short
    return out + "\n ";
  }

  var area = document.getElementById("sq-query");
  var code = document.getElementById("sq-highlight");
  var form = document.getElementById("sq-form");
  var results = document.getElementById("sq-results");
  var status = document.getElementById("sq-status");
  if (!area || !code || !form || !results) return;

  function refresh() {
    code.innerHTML = highlight(area.value);
    syncScroll();
  }
  function syncScroll() {
    var pre = code.parentNode;
    pre.scrollTop = area.scrollTop;
    pre.scrollLeft = area.scrollLeft;
  }
  area.addEventListener("input", refresh);
  area.addEventListener("scroll", syncScroll);
  area.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
    else if (e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      var s = area.selectionStart, t = area.selectionEnd;
      area.value = area.value.slice(0, s) + "  " + area.value.slice(t);
      area.selectionStart = area.selectionEnd = s + 2;
      refresh();
    }
  });
  document.body.classList.add("sq-js");
  refresh();

  var examples = [];
  try { examples = JSON.parse(document.getElementById("sq-examples").textContent || "[]"); } catch (e) { examples = []; }
  Array.prototype.forEach.call(document.querySelectorAll(".sq-example"), function (a) {
    a.addEventListener("click", function (e) {
      var ex = examples[Number(a.getAttribute("data-index"))];
      if (!ex) return;
      e.preventDefault();
      area.value = ex.text;
      refresh();
      area.focus();
    });
  });

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function cell(term) {
    var td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      var a = el("a", null, term.value);
      a.href = term.value;
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.appendChild(el("span", "sq-bnode", "_:" + term.value));
    } else {
      td.appendChild(el("span", "sq-literal", term.value));
      var suffix = term["xml:lang"] ? "@" + term["xml:lang"] :
        (term.datatype && !/#string$/.test(term.datatype) ? "^^" + term.datatype.replace(/^.*[#\/]/, "") : "");
      if (suffix) td.appendChild(el("span", "sq-suffix", suffix));
    }
    return td;
  }

  function table(vars, rows) {
    var wrap = el("div", "sq-table-wrap"), t = el("table", "sq-table");
    var head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", null, v)); });
    var thead = el("thead"); thead.appendChild(head); t.appendChild(thead);
    var body = el("tbody");
    rows.forEach(function (r) {
      var tr = el("tr");
      vars.forEach(function (v) { tr.appendChild(cell(r[v])); });
      body.appendChild(tr);
    });
    t.appendChild(body); wrap.appendChild(t);
    return wrap;
  }

  function downloads(query, isGraph) {
    var p = el("p", "sq-downloads");
    p.appendChild(document.createTextNode("Download: "));
    (isGraph ? ["ttl", "nt", "jsonld", "rdfxml"] : ["json", "xml", "csv", "tsv"]).forEach(function (f, i) {
      if (i) p.appendChild(document.createTextNode(" · "));
      var a = el("a", null, f);
      a.href = "/sparql?" + new URLSearchParams({ query: query, format: f }).toString();
      a.setAttribute("download", "");
      p.appendChild(a);
    });
    return p;
  }

  // CONSTRUCT/DESCRIBE come back as N-Triples; split each line into its three terms.
  var NT_TERM = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?/g;
  function unescapeNt(s) {
    return s.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, function (_, u, U, c) {
      if (u || U) return String.fromCodePoint(parseInt(u || U, 16));
      return { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" }[c] || c;
    });
  }
  function parseNt(text) {
    var rows = [];
    text.split("\n").forEach(function (line) {
      var terms = [], m;
      NT_TERM.lastIndex = 0;
      while ((m = NT_TERM.exec(line)) !== null && terms.length < 3) {
        if (m[1] !== undefined) terms.push({ type: "uri", value: m[1] });
        else if (m[2] !== undefined) terms.push({ type: "bnode", value: m[2] });
        else {
          var t = { type: "literal", value: unescapeNt(m[3]) };
          if (m[4]) t["xml:lang"] = m[4];
          if (m[5]) t.datatype = m[5];
          terms.push(t);
        }
      }
      if (terms.length === 3) rows.push({ subject: terms[0], predicate: terms[1], object: terms[2] });
    });
    return rows;
  }

  function show(nodes) {
    while (results.firstChild) results.removeChild(results.firstChild);
    nodes.forEach(function (n) { results.appendChild(n); });
  }

  function run() {
    var query = area.value;
    status.textContent = "running…";
    var started = Date.now();
    fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9"
      },
      body: new URLSearchParams({ query: query }).toString()
    }).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      return resp.text().then(function (body) { return { ok: resp.ok, status: resp.status, type: type, body: body }; });
    }).then(function (r) {
      var secs = ((Date.now() - started) / 1000).toFixed(2) + " s";
      if (!r.ok) {
        status.textContent = "error " + r.status;
        show([el("pre", "sq-error", r.body)]);
        return;
      }
      if (r.type.indexOf("n-triples") >= 0) {
        var triples = parseNt(r.body);
        status.textContent = triples.length + " triples · " + secs;
        show([table(["subject", "predicate", "object"], triples), downloads(query, true)]);
        return;
      }
      var data = JSON.parse(r.body);
      if (typeof data.boolean === "boolean") {
        status.textContent = secs;
        var p = el("p", "sq-boolean", "ASK: ");
        p.appendChild(el("strong", null, String(data.boolean)));
        show([p, downloads(query, false)]);
        return;
      }
      var rows = data.results.bindings;
      status.textContent = rows.length + " rows · " + secs;
      show([table(data.head.vars, rows), downloads(query, false)]);
    }).catch(function (err) {
      status.textContent = "failed";
      show([el("pre", "sq-error", String(err))]);
    });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
})();
