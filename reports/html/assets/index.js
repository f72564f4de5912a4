/* cleaner report index: pages, sorts and filters the document rows of data/documents.js.
   State lives in the address (#rule=…&show=…&name=…&sort=…&page=…), so the back button
   and shared links keep the view. Works opened from disk: no fetch, no network. */
(function () {
  "use strict";
  var PAGE = 200;  /* rows per page: 500 took twice as long to lay out */
  var data = window.CLEANER_REPORT;
  var table = document.getElementById("doc-table");
  if (!data || !table) { return; }
  var rules = data.rules;
  var rows = data.rows.map(function (r, i) {
    return { n: i + 1, doc: r[0], href: r[1], edits: r[2], removed: r[3], findings: r[4],
             level: r[5], rules: r[6], metadata: r[7], error: r[8] };
  });
  var LEVELS = ["", "info", "warning", "error"];
  var state = { rule: "", show: "all", name: "", sort: "n", dir: 1, page: 1 };
  var body = document.getElementById("doc-rows");
  var pager = document.getElementById("pager");
  var count = document.getElementById("count");
  var ruleSelect = document.getElementById("f-rule");
  var showSelect = document.getElementById("f-show");
  var nameInput = document.getElementById("f-name");

  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    state.rule = params.get("rule") || "";
    state.show = params.get("show") || "all";
    state.name = params.get("name") || "";
    var sort = params.get("sort") || "n";
    state.dir = sort.charAt(0) === "-" ? -1 : 1;
    state.sort = sort.replace(/^-/, "");
    state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (state.rule) { params.set("rule", state.rule); }
    if (state.show !== "all") { params.set("show", state.show); }
    if (state.name) { params.set("name", state.name); }
    if (state.sort !== "n" || state.dir !== 1) {
      params.set("sort", (state.dir < 0 ? "-" : "") + state.sort);
    }
    if (state.page > 1) { params.set("page", String(state.page)); }
    var hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function keep(row, ruleIndex, name) {
    if (ruleIndex >= 0 && row.rules.indexOf(ruleIndex) < 0) { return false; }
    if (name && row.doc.toLowerCase().indexOf(name) < 0) { return false; }
    switch (state.show) {
      case "changed": return row.edits > 0;
      case "unchanged": return row.edits === 0 && !row.error;
      case "findings": return row.findings > 0;
      case "errors": return !!row.error;
      default: return true;
    }
  }

  function selected() {
    var ruleIndex = state.rule ? rules.indexOf(state.rule) : -1;
    if (state.rule && ruleIndex < 0) { return []; }
    var name = state.name.toLowerCase();
    var found = rows.filter(function (row) { return keep(row, ruleIndex, name); });
    var key = state.sort, dir = state.dir;
    found.sort(function (a, b) {
      var x = a[key], y = b[key];
      if (x < y) { return -dir; }
      if (x > y) { return dir; }
      return a.n - b.n;
    });
    return found;
  }

  function rowHtml(row) {
    var chips = row.rules.map(function (index) {
      var on = rules[index] === state.rule ? " on" : "";
      return '<span class="chip' + on + '" data-rule="' + esc(rules[index]) + '">' +
        esc(rules[index]) + "</span>";
    }).join("");
    var findings = row.findings ?
      '<span class="lvl ' + LEVELS[row.level] + '">' + row.findings + "</span>" : "0";
    var meta = row.error ? '<span class="err">' + esc(row.error) + "</span>" : esc(row.metadata);
    return "<tr><td class=num>" + row.n + '</td><td><a href="' + esc(row.href) + '">' +
      esc(row.doc) + "</a></td><td class=num>" + row.edits + "</td><td class=num>" +
      row.removed.toLocaleString("en") + "</td><td class=num>" + findings + "</td><td>" +
      chips + '</td><td class="meta-cell">' + meta + "</td></tr>";
  }

  function render() {
    var found = selected();
    var pages = Math.max(1, Math.ceil(found.length / PAGE));
    state.page = Math.min(state.page, pages);
    var first = (state.page - 1) * PAGE;
    body.innerHTML = found.slice(first, first + PAGE).map(rowHtml).join("");
    var shown = found.length ? (first + 1) + "–" + Math.min(first + PAGE, found.length) : "0";
    count.textContent = "showing " + shown + " of " + found.length.toLocaleString("en") +
      " documents" + (found.length < rows.length ? " (" + rows.length.toLocaleString("en") +
      " in all)" : "");
    pager.innerHTML = pages < 2 ? "" :
      '<button type="button" data-page="' + (state.page - 1) + '"' +
      (state.page === 1 ? " disabled" : "") + ">‹ previous</button>" +
      "<span>page " + state.page + " of " + pages + "</span>" +
      '<button type="button" data-page="' + (state.page + 1) + '"' +
      (state.page === pages ? " disabled" : "") + ">next ›</button>";
    ruleSelect.value = state.rule;
    showSelect.value = state.show;
    if (nameInput.value !== state.name) { nameInput.value = state.name; }
    table.querySelectorAll("th[data-key]").forEach(function (th) {
      var on = th.getAttribute("data-key") === state.sort;
      if (on) { th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending"); }
      else { th.removeAttribute("aria-sort"); }
    });
    document.querySelectorAll("#rules tr[data-rule]").forEach(function (tr) {
      tr.classList.toggle("on", tr.getAttribute("data-rule") === state.rule);
    });
    writeHash();
  }

  function update(change) {
    Object.keys(change).forEach(function (key) { state[key] = change[key]; });
    render();
  }

  ruleSelect.addEventListener("change", function () { update({ rule: ruleSelect.value, page: 1 }); });
  showSelect.addEventListener("change", function () { update({ show: showSelect.value, page: 1 }); });
  nameInput.addEventListener("input", function () { update({ name: nameInput.value, page: 1 }); });
  document.getElementById("controls").addEventListener("submit", function (e) { e.preventDefault(); });
  pager.addEventListener("click", function (e) {
    var page = e.target.getAttribute && e.target.getAttribute("data-page");
    if (page) { update({ page: parseInt(page, 10) }); table.scrollIntoView(); }
  });
  body.addEventListener("click", function (e) {
    var rule = e.target.getAttribute && e.target.getAttribute("data-rule");
    if (rule) { update({ rule: rule === state.rule ? "" : rule, page: 1 }); }
  });
  table.querySelector("thead").addEventListener("click", function (e) {
    var key = e.target.getAttribute && e.target.getAttribute("data-key");
    if (!key) { return; }
    var numeric = key !== "doc" && key !== "metadata" && key !== "n";
    var dir = key === state.sort ? -state.dir : (numeric ? -1 : 1);
    update({ sort: key, dir: dir, page: 1 });
  });
  window.addEventListener("hashchange", function () {
    readHash();
    render();
    if (state.rule) { document.getElementById("documents").scrollIntoView(); }
  });

  /* The rule tables are static HTML: sort their rows in place. */
  document.querySelectorAll("table.sortable").forEach(function (grid) {
    grid.querySelector("thead").addEventListener("click", function (e) {
      var th = e.target.closest("th");
      if (!th) { return; }
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = th.classList.contains("num");
      var current = th.getAttribute("aria-sort");
      var dir = current ? (current === "ascending" ? -1 : 1) : (numeric ? -1 : 1);
      var tbody = grid.tBodies[0];
      var items = Array.prototype.slice.call(tbody.rows);
      items.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        if (numeric) { return dir * (parseFloat(x.replace(/,/g, "")) - parseFloat(y.replace(/,/g, ""))); }
        return dir * x.localeCompare(y);
      });
      items.forEach(function (tr) { tbody.appendChild(tr); });
      grid.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    });
  });

  readHash();
  render();
  if (location.hash) { document.getElementById("documents").scrollIntoView(); }
})();
