// Surviving Failure: progressive enhancement only. Every page works without this file;
// with it, the header's search box searches as you type and code blocks get a copy button.
(function () {
  "use strict";

  // Ranking: a match in the title or an alias outweighs one in the tagline, then the
  // headings, then the body. Every word of the query must match somewhere (prefixes count).
  var WEIGHTS = { title: 100, alias: 80, tagline: 30, heading: 15, body: 3 };

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function fieldScore(fieldWords, term, weight) {
    var best = 0;
    for (var i = 0; i < fieldWords.length; i++) {
      if (fieldWords[i] === term) return weight;
      if (fieldWords[i].indexOf(term) === 0) best = weight / 2;
    }
    return best;
  }

  function prepare(entry) {
    return {
      entry: entry,
      title: words(entry.title),
      alias: words(entry.aliases.join(" ")),
      tagline: words(entry.tagline),
      heading: words(entry.headings.join(" ")),
      body: entry.words.split(" ")
    };
  }

  function score(prepared, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], best = 0;
      for (var field in WEIGHTS) best = Math.max(best, fieldScore(prepared[field], term, WEIGHTS[field]));
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  function search(index, query) {
    var terms = words(query);
    if (terms.length === 0) return [];
    return index
      .map(function (p) { return { p: p, s: score(p, terms) }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.p.entry.title.localeCompare(b.p.entry.title); })
      .slice(0, 10)
      .map(function (r) { return r.p.entry; });
  }

  function badge(text, kind) {
    var span = document.createElement("span");
    span.className = "badge " + kind;
    span.textContent = text;
    return span;
  }

  function setUpSearch() {
    var form = document.querySelector("form.search");
    if (!form || !window.searchIndex) return;
    var input = form.querySelector("input");
    var list = form.querySelector(".search-results");
    var status = form.querySelector(".search-status");
    var root = form.getAttribute("data-site-root");
    var index = window.searchIndex.map(prepare);
    var results = [], active = -1;

    function link(entry) { return (root === "./" ? "" : root) + entry.url; }

    function show(found) {
      results = found;
      active = found.length ? 0 : -1;
      list.textContent = "";
      found.forEach(function (entry, i) {
        var item = document.createElement("li");
        item.id = "search-result-" + i;
        item.setAttribute("role", "option");
        var a = document.createElement("a");
        a.href = link(entry);
        a.className = "search-title";
        a.textContent = entry.title;
        item.appendChild(a);
        var meta = document.createElement("span");
        meta.className = "search-badges";
        if (entry.tier) meta.appendChild(badge(entry.tier, "tier-" + entry.tier.toLowerCase()));
        if (entry.kind === "guide") meta.appendChild(badge("Guide", "guide"));
        if (!entry.hasKata) meta.appendChild(badge("kata coming", "kata-coming"));
        if (entry.wip) meta.appendChild(badge("Work in progress", "wip"));
        item.appendChild(meta);
        var tagline = document.createElement("span");
        tagline.className = "search-tagline";
        tagline.textContent = entry.tagline;
        item.appendChild(tagline);
        list.appendChild(item);
      });
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      status.textContent = input.value.trim() ? found.length + (found.length === 1 ? " result" : " results") : "";
      highlight();
    }

    function highlight() {
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.classList.toggle("active", i === active);
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      if (active >= 0) input.setAttribute("aria-activedescendant", "search-result-" + active);
      else input.removeAttribute("aria-activedescendant");
    }

    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    // The combobox roles only once the script runs: without it the box is a plain search form.
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("input", function () { show(search(index, input.value)); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && results.length) { active = (active + 1) % results.length; highlight(); event.preventDefault(); }
      else if (event.key === "ArrowUp" && results.length) { active = (active - 1 + results.length) % results.length; highlight(); event.preventDefault(); }
      else if (event.key === "Escape") { input.value = ""; show([]); }
    });
    form.addEventListener("submit", function (event) {
      if (active >= 0) { event.preventDefault(); window.location.href = link(results[active]); }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); }
    });
  }

  function setUpCopyButtons() {
    if (!navigator.clipboard) return;
    Array.prototype.forEach.call(document.querySelectorAll("pre > code"), function (code) {
      var pre = code.parentElement;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code to the clipboard");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        });
      });
      var wrapper = document.createElement("div");
      wrapper.className = "code-block";
      pre.parentNode.insertBefore(wrapper, pre);
      wrapper.appendChild(pre);
      wrapper.appendChild(button);
    });
  }

  // A Markdown table wider than the column scrolls; focusable, the keyboard can scroll it too.
  function makeWideTablesFocusable() {
    Array.prototype.forEach.call(document.querySelectorAll(".body table"), function (table) {
      if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
    });
  }

  function start() { setUpSearch(); setUpCopyButtons(); makeWideTablesFocusable(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
