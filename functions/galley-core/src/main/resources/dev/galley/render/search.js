// Galley's search page: reads the search index (/search.json and its chunks) once and lists the articles whose
// title, summary or tags hold every word typed, ignoring case and accents. Result text goes in with textContent only, never as markup. Its messages,
// in the site's language, are the status element's data- attributes ({0}, {1}: the count, the query).
(function () {
  'use strict';

  var MAX_SHOWN = 50;
  var form = document.querySelector('.search-form');
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var noScript = document.getElementById('search-no-script');
  if (!form || !input || !status || !results) {
    return;
  }
  var language = document.documentElement.lang || 'en';
  var months = monthFormat();
  var plurals = pluralRules();
  var numbers = numberFormat();

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ': HTTP ' + response.status);
      }
      return response.json();
    });
  }

  // The one place that knows where the index lives: /search.json names its chunks, fetched together. A chunk that
  // fails (a publish replaced it between the two reads) is left out rather than failing the search; the articles
  // come newest day first, as each chunk has them.
  function loadIndex() {
    return fetchJson('/search.json').then(function (index) {
      var chunks = index.chunks || [];
      return Promise.all(chunks.map(function (url) {
        return fetchJson(url).catch(function () { return null; });
      })).then(function (loaded) {
        var found = loaded.filter(function (chunk) { return chunk !== null; });
        if (chunks.length > 0 && found.length === 0) {
          throw new Error('search.json: no chunk could be read');
        }
        // Array sort is stable: articles of one day keep their chunk's order.
        return [].concat.apply([], found).sort(function (a, b) {
          return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
        });
      });
    });
  }

  // Lowercase, without accents: "Caf\u00e9" and "CAFE" are both "cafe".
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function words(query) {
    return fold(query).split(/\s+/).filter(function (word) { return word.length > 0; });
  }

  function monthFormat() {
    var options = { year: 'numeric', month: 'long', timeZone: 'UTC' };
    try {
      return new Intl.DateTimeFormat(language, options);
    } catch (e) {
      return new Intl.DateTimeFormat('en', options);
    }
  }

  function pluralRules() {
    try {
      return new Intl.PluralRules(language);
    } catch (e) {
      return new Intl.PluralRules('en');
    }
  }

  function numberFormat() {
    try {
      return new Intl.NumberFormat(language);
    } catch (e) {
      return new Intl.NumberFormat('en');
    }
  }

  // One message of the page's, its {0}, {1} ... replaced in one pass, so a query holding "{1}" stays as typed.
  function message(name, values) {
    return (status.dataset[name] || '').replace(/\{(\d)\}/g, function (placeholder, index) {
      return values && values[index] !== undefined ? String(values[index]) : placeholder;
    });
  }

  function prepare(articles) {
    return articles.map(function (article) {
      var tags = article.tags || [];
      return {
        article: article,
        title: fold(article.title),
        text: fold([article.title, article.summary || '', tags.join(' ')].join('\n'))
      };
    });
  }

  function holdsAll(text, queryWords) {
    return queryWords.every(function (word) { return text.indexOf(word) !== -1; });
  }

  // Articles with every word in the title first, then the rest; newest first within each, as loadIndex orders them.
  function search(entries, queryWords) {
    var inTitle = [];
    var elsewhere = [];
    entries.forEach(function (entry) {
      if (holdsAll(entry.title, queryWords)) {
        inTitle.push(entry.article);
      } else if (holdsAll(entry.text, queryWords)) {
        elsewhere.push(entry.article);
      }
    });
    return inTitle.concat(elsewhere);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function resultItem(article) {
    var item = element('li', 'search-result');
    if (article.date) {
      var meta = element('p', 'entry-meta');
      var time = element('time', null, months.format(new Date(article.date + 'T00:00:00Z')));
      time.setAttribute('datetime', article.date);
      meta.appendChild(time);
      item.appendChild(meta);
    }
    var heading = element('h2', 'entry-title');
    var link = element('a', null, article.title);
    link.href = article.url;
    heading.appendChild(link);
    item.appendChild(heading);
    (article.summary || '').split('\n\n').forEach(function (paragraph) {
      if (paragraph) {
        item.appendChild(element('p', 'search-summary', paragraph));
      }
    });
    return item;
  }

  function describe(found, query) {
    query = query.trim();
    if (found === 0) {
      return message('none', [query]);
    }
    var count = message(plurals.select(found) === 'one' ? 'one' : 'other', [numbers.format(found), query]);
    return found > MAX_SHOWN ? count + ' ' + message('firstShown', [numbers.format(MAX_SHOWN)]) : count;
  }

  function show(entries) {
    var query = input.value;
    var queryWords = words(query);
    var found = queryWords.length === 0 ? [] : search(entries, queryWords);
    var list = document.createDocumentFragment();
    found.slice(0, MAX_SHOWN).forEach(function (article) { list.appendChild(resultItem(article)); });
    results.replaceChildren(list);
    status.textContent = queryWords.length === 0 ? '' : describe(found.length, query);
  }

  // The address keeps the query, so a search can be shared or bookmarked as a link.
  function remember(query) {
    var url = new URL(window.location.href);
    if (query.trim()) {
      url.searchParams.set('q', query);
    } else {
      url.searchParams.delete('q');
    }
    window.history.replaceState(null, '', url.pathname + url.search);
  }

  if (noScript) {
    noScript.remove();
  }
  input.value = new URLSearchParams(window.location.search).get('q') || '';
  if (input.value.trim()) {
    status.textContent = message('loading');
  }
  loadIndex().then(function (articles) {
    var entries = prepare(articles);
    show(entries);
    remember(input.value);  // what was typed while the index loaded, which no input event will show again
    input.addEventListener('input', function () {
      show(entries);
      remember(input.value);
    });
    // Enter takes the reader to the first result, so that one more Enter opens it.
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      show(entries);
      remember(input.value);
      var first = results.querySelector('a');
      if (first) {
        first.focus();
      }
    });
  }, function () {
    status.textContent = message('failed');
    var tags = element('a', null, message('tags'));
    tags.href = '/tags/';
    var item = element('li');
    item.appendChild(tags);
    results.replaceChildren(item);
  });
}());
