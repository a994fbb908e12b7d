/* A filter box over each long facet list of the search page's sidebar.
 * Progressive: without this file the lists are plain links and a cut list links to its facet's own
 * page (/search/facets/<facet>/). With it, a box above each long list hides the values whose names
 * do not match at once, then asks the facet page's JSON (`match`, read by the archive's own
 * normalizer, aliases in both scripts included) and shows its answer, values beyond the sidebar's
 * top 30 too. Every text is set with textContent: names are data, not HTML. */
(function () {
  "use strict";
  var LONG = 8; // a list this long gets a box
  var SHOWN = 50; // values shown from the facet page's answer; a link leads to the rest
  var DELAY_MS = 150;
  var english = (document.documentElement.lang || "").indexOf("en") === 0;
  var ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
  var LATIN = /[A-Za-z]/;

  // A light copy of the archive's normalizer, only for the instant first pass; the server's answer decides.
  function normal(text) {
    return (text || "").toLowerCase()
      .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647")
      .replace(/[\u0624\u0626]/g, "\u0621")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  function names(text, typed) {
    var words = " " + normal(text);
    return words.indexOf(" " + typed) >= 0 || words.indexOf(" \u0627\u0644" + typed) >= 0;
  }

  function withLanguage(span, text) {
    // A name in the other script is read in its own voice (as the server's `in_lang` marks it).
    if (english && ARABIC.test(text)) {
      span.lang = "ar";
      span.dir = "rtl";
    } else if (!english && LATIN.test(text) && !ARABIC.test(text)) {
      span.lang = "en";
      span.dir = "ltr";
    }
  }

  function valueItem(section, value) {
    var item = document.createElement("li");
    item.className = "facet-value fetched";
    var include = document.createElement("a");
    include.className = "facet-include" + (value.active ? " active" : "");
    include.href = value.url;
    include.dataset.value = value.value;
    if (value.active) {
      include.setAttribute("aria-current", "true");
    }
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = value.label;
    withLanguage(label, value.label);
    var count = document.createElement("span");
    count.className = "count";
    count.dataset.count = String(value.count);
    count.textContent = String(value.count);
    include.append(label, " ", count);
    var exclude = document.createElement("a");
    exclude.className = "facet-exclude";
    exclude.href = value.exclude_url;
    var name = section.dataset.excludeLabel.replace("{}", value.label);
    exclude.setAttribute("aria-label", name);
    exclude.title = name;
    exclude.textContent = "\u2212";
    item.append(include, " ", exclude);
    return item;
  }

  function enhance(section) {
    var list = section.querySelector("ul.facet-values");
    var own = list ? Array.prototype.slice.call(list.querySelectorAll("li.facet-value")) : [];
    var cut = section.querySelector(".facet-all");
    if (!list || (own.length < LONG && !cut)) {
      return;
    }
    var facet = section.dataset.facet;
    var box = document.createElement("div");
    box.className = "facet-filter";
    var label = document.createElement("label");
    label.htmlFor = "facet-filter-" + facet;
    label.className = "visually-hidden";
    label.textContent = section.dataset.filterLabel;
    var input = document.createElement("input");
    input.type = "search";
    input.id = "facet-filter-" + facet;
    input.autocomplete = "off";
    input.maxLength = 100;
    input.placeholder = section.dataset.filterLabel;
    var status = document.createElement("p");
    status.className = "facet-filter-status";
    status.setAttribute("role", "status");
    box.append(label, input);
    list.parentNode.insertBefore(box, list);
    list.parentNode.insertBefore(status, list.nextSibling);
    var more = document.createElement("p");
    more.className = "facet-more";
    more.hidden = true;
    status.parentNode.insertBefore(more, status.nextSibling);
    var timer = null;
    var asked = 0;

    function clearFetched() {
      list.querySelectorAll("li.fetched, li.facet-none").forEach(function (item) {
        item.remove();
      });
      more.hidden = true;
      more.replaceChildren();
    }

    function showOwn(typed) {
      var shown = 0;
      own.forEach(function (item) {
        var keep = !typed || names(item.querySelector(".label").textContent, typed);
        item.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      if (cut) {
        cut.hidden = Boolean(typed);
      }
      return shown;
    }

    function say(count) {
      status.textContent = section.dataset.matchesLabel.replace("{}", String(count));
    }

    function answer(data, text) {
      clearFetched();
      own.forEach(function (item) {
        item.hidden = !item.classList.contains("excluded") || !names(item.textContent, normal(text));
      });
      var results = data.results || [];
      results.slice(0, SHOWN).forEach(function (value) {
        list.appendChild(valueItem(section, value));
      });
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "facet-none";
        none.textContent = section.dataset.noneLabel;
        list.appendChild(none);
      }
      if (results.length > SHOWN) {
        var link = document.createElement("a");
        link.href = withParameter(section.dataset.facetUrl, "match", text);
        link.textContent = section.dataset.moreLabel.replace("{}", String(results.length));
        more.appendChild(link);
        more.hidden = false;
      }
      say(results.length);
    }

    function ask(text) {
      var ticket = ++asked;
      var url = withParameter(withParameter(section.dataset.facetUrl, "match", text), "format", "json");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data && ticket === asked && input.value.trim() === text) {
            answer(data, text);
          }
        })
        .catch(function () {}); // the instant filter stays
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      asked += 1;
      clearFetched();
      if (!text) {
        showOwn("");
        status.textContent = "";
        return;
      }
      say(showOwn(normal(text)));
      timer = setTimeout(function () {
        ask(text);
      }, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        input.dispatchEvent(new Event("input"));
      } else if (event.key === "Enter") {
        event.preventDefault(); // nothing to submit: the list filters as one types
      }
    });
  }

  function withParameter(address, name, value) {
    var url = new URL(address, window.location.href);
    url.searchParams.set(name, value);
    return url.pathname + url.search;
  }

  document.querySelectorAll("section.facet[data-facet-url]").forEach(enhance);
})();
