/* The analyst's recent searches, kept in this browser only (localStorage; nothing goes to the server).
 * A search results page (its list carries data-label) is kept: its query string without page and
 * format, its label and the time, newest first, each search once, at most ten. The home and search
 * pages list them under the search box with a button that clears them. Without this file, without
 * storage (private mode, blocked) or with nothing kept, the list stays hidden as the HTML has it.
 * Labels are what the analyst typed: every text is set with textContent. */
(function () {
  "use strict";
  var KEY = "archive.recentSearches";
  var MOST = 10;
  var LONGEST_LABEL = 120;
  var ARABIC = /[\u0600-\u06ff]/;
  var LATIN = /[A-Za-z]/;

  function storage() {
    try {
      var store = window.localStorage;
      store.getItem(KEY);
      return store;
    } catch (error) {
      return null; // storage refused: the page works and lists nothing
    }
  }

  function read(store) {
    var kept;
    try {
      kept = JSON.parse(store.getItem(KEY) || "[]");
    } catch (error) {
      return [];
    }
    if (!Array.isArray(kept)) {
      return [];
    }
    return kept.filter(function (item) {
      return item && typeof item.query === "string" && item.query && typeof item.label === "string";
    }).slice(0, MOST);
  }

  function write(store, searches) {
    try {
      if (searches.length) {
        store.setItem(KEY, JSON.stringify(searches));
      } else {
        store.removeItem(KEY);
      }
    } catch (error) {
      // full or refused: the list stays as it was
    }
  }

  // One spelling of a query string, whichever way it was encoded (a typed * or %2A, + or %20).
  function canonical(query) {
    var params = new URLSearchParams(query);
    params.delete("page");
    params.delete("format");
    return params.toString();
  }

  function shortened(label) {
    return label.length > LONGEST_LABEL ? label.slice(0, LONGEST_LABEL - 1) + "…" : label;
  }

  function remember(store, query, label) {
    var searches = read(store).filter(function (item) {
      return item.query !== query;
    });
    searches.unshift({ query: query, label: shortened(label), time: new Date().toISOString() });
    write(store, searches.slice(0, MOST));
  }

  // Text in the other script than the page's is marked, so a screen reader reads it in its own voice.
  function markLanguage(element, text) {
    var english = (document.documentElement.lang || "").indexOf("en") === 0;
    if (english && ARABIC.test(text) && !LATIN.test(text)) {
      element.lang = "ar";
    } else if (!english && LATIN.test(text) && !ARABIC.test(text)) {
      element.lang = "en";
    }
  }

  function show(section, store, current) {
    var list = section.querySelector(".recent-list");
    var path = section.getAttribute("data-search-path") || "/search/";
    var searches = read(store);
    list.replaceChildren();
    searches.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = path + "?" + canonical(item.query);
      link.textContent = item.label || item.query;
      link.dir = "auto";
      markLanguage(link, link.textContent);
      if (item.query === current) {
        link.setAttribute("aria-current", "page");
      }
      entry.appendChild(link);
      list.appendChild(entry);
    });
    section.hidden = searches.length === 0;
  }

  function start() {
    var section = document.querySelector(".recent-searches");
    var store = storage();
    if (!section || !store) {
      return;
    }
    var current = null;
    if (section.hasAttribute("data-label")) {
      current = canonical(window.location.search);
      if (current) {
        remember(store, current, section.getAttribute("data-label"));
      }
    }
    show(section, store, current);
    section.querySelector(".recent-clear").addEventListener("click", function () {
      write(store, []);
      show(section, store, current);
      var box = document.querySelector('input[name="q"]');
      if (box) {
        box.focus(); // the button is gone: the search box is where the analyst goes on
      }
    });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY || event.key === null) {
        show(section, store, current); // another tab searched or cleared
      }
    });
  }

  start();
})();
