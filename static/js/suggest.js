/* Autocomplete of known people and places for the archive's search boxes.
 * Progressive: without this file each box is a plain form. With it, the box is an ARIA
 * combobox fed by /search/suggest/ (next to the form's action): arrows move through the
 * suggestions, Enter opens the chosen one's filtered results, Escape closes the list.
 * Every text is set with textContent: names are data, not HTML. */
(function () {
  "use strict";
  var DELAY_MS = 120;
  var english = (document.documentElement.lang || "").indexOf("en") === 0;
  var KINDS = english ? { person: "person", place: "place" } : { person: "شخصية", place: "مكان" };
  var boxes = 0;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input || input.hasAttribute("aria-controls")) {
      return;
    }
    var action = form.getAttribute("action") || "/search/";
    var endpoint = action.replace(/\/?$/, "/") + "suggest/";
    boxes += 1;
    var listId = "search-suggestions-" + boxes;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    if (input.labels && input.labels.length) {
      list.setAttribute("aria-label", input.labels[0].textContent);
    }
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    var row = input.closest(".search-row") || input;
    row.parentNode.insertBefore(list, row.nextSibling);

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, at) {
        option.setAttribute("aria-selected", at === index ? "true" : "false");
      });
      var option = list.children[index];
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }

    function target(item) {
      // The suggestion's filter, keeping whether articles or statements were being searched.
      var url = new URL(item.url, window.location.href);
      var type = form.querySelector('input[name="type"]');
      if (type && type.value) {
        url.searchParams.set("type", type.value);
      }
      return url.href;
    }

    function go(item) {
      close();
      window.location.assign(target(item));
    }

    function render(results) {
      list.replaceChildren();
      items = results;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      results.forEach(function (item, at) {
        var option = document.createElement("li");
        option.id = listId + "-" + at;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.type = item.type;
        option.dataset.slug = item.slug;
        var name = document.createElement("span");
        name.className = "suggestion-name";
        name.textContent = item.name;
        var detail = document.createElement("span");
        detail.className = "suggestion-detail";
        var parts = [KINDS[item.type] || item.type];
        if (item.name_en) {
          parts.push(item.name_en);
        }
        if (item.alias && item.alias !== item.name && item.alias !== item.name_en) {
          parts.push(item.alias);
        }
        detail.textContent = parts.join(" · ");
        option.append(name, " ", detail);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
        });
        option.addEventListener("click", function () {
          go(item);
        });
        list.appendChild(option);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function ask(text) {
      var ticket = ++asked;
      fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (ticket === asked && input.value.trim() === text) {
            render(data.results || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (!text) {
        asked += 1;
        close();
        return;
      }
      timer = setTimeout(function () {
        ask(text);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden || !items.length) {
        if (event.key === "ArrowDown" && input.value.trim()) {
          event.preventDefault();
          ask(input.value.trim());
        }
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        choose((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        choose(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); // the chosen name's results, not a search for the typed letters
        go(items[active]);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll('form[role="search"]').forEach(enhance);
})();
