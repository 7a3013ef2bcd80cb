// The tablet's copy of the deck, served by the advisor's laptop over the office Wi-Fi. It holds
// the whole deck once loaded and keeps presenting without the laptop: every step (a slide shown,
// a question asked) gets an id and waits in a queue kept in localStorage until the laptop has
// taken it, so a dropped network or a reload loses nothing and the laptop applies each once.
// Everything here is written with textContent: nothing a person typed becomes markup.
(function () {
  'use strict';
  var deck = window.presentation;
  var html = document.documentElement;
  if (!deck) return;
  // reveal.js starts asynchronously: everything below waits until it can turn slides.
  if (deck.isReady()) start();
  else deck.on('ready', start);

  function start() {
  var mode = html.getAttribute('data-share-mode') === 'follows' ? 'follows' : 'presents';
  var share = html.getAttribute('data-share') || 'share';
  var QUEUE_KEY = 'advisor-deck:' + share;
  var BATCH = 200;
  var french = /^fr\b/i.test(navigator.language || '');
  var words = french
    ? { notes: 'Notes', add: 'Ajouter une question', question: 'Question', save: 'Enregistrer la question', cancel: 'Annuler', offline: 'Hors ligne : tout est gardé et sera envoyé', empty: 'Écrivez la question.' }
    : { notes: 'Notes', add: 'Add question', question: 'Question', save: 'Save question', cancel: 'Cancel', offline: 'Offline: everything is kept and will be sent', empty: 'Type the question.' };

  var queue = load();
  var placed = false;
  var sending = false;
  var failures = 0;
  var retryTimer = 0;
  var status = document.createElement('div');
  status.className = 'tablet-status';
  status.setAttribute('role', 'status');
  document.body.appendChild(status);

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || '[]');
      return Array.isArray(saved) ? saved : [];
    } catch {
      return [];
    }
  }
  function keep() {
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    } catch {
      // Private browsing or a full store: the queue still lives in memory.
    }
  }
  function newId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    var id = '';
    for (var i = 0; i < bytes.length; i++) id += ('0' + bytes[i].toString(16)).slice(-2);
    return id;
  }
  function setOnline(online) {
    status.textContent = online ? '' : words.offline;
  }
  function record(event) {
    event.id = newId();
    event.at = new Date().toISOString();
    queue.push(event);
    keep();
    flush();
  }
  function retryLater() {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(flush, Math.min(4000, 250 * Math.pow(2, failures)));
  }
  function flush() {
    if (sending || queue.length === 0) return;
    sending = true;
    var batch = queue.slice(0, BATCH);
    window
      .fetch('/events', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: batch }) })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (body) {
        var acked = {};
        (body.acked || []).forEach(function (id) {
          acked[id] = true;
        });
        queue = queue.filter(function (event) {
          return !acked[event.id];
        });
        keep();
        sending = false;
        failures = 0;
        setOnline(true);
        if (queue.length) flush();
      })
      .catch(function () {
        sending = false;
        failures += 1;
        setOnline(false);
        retryLater();
      });
  }

  function slideIdOf(section) {
    return section ? section.getAttribute('data-slide-id') : null;
  }
  function goTo(slideId) {
    var slides = deck.getSlides();
    for (var i = 0; i < slides.length; i++) {
      if (slideIdOf(slides[i]) === slideId) {
        if (deck.getIndices().h !== i) deck.slide(i);
        return;
      }
    }
  }

  function button(label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  if (mode === 'presents') {
    deck.on('slidechanged', function (event) {
      var id = slideIdOf(event.currentSlide);
      if (id) record({ kind: 'slide', slideId: id });
    });

    var dialog = document.createElement('dialog');
    dialog.className = 'tablet-dialog';
    var label = document.createElement('label');
    label.textContent = words.question;
    label.htmlFor = 'tablet-question';
    var box = document.createElement('textarea');
    box.id = 'tablet-question';
    box.maxLength = 2000;
    box.setAttribute('enterkeyhint', 'done');
    box.setAttribute('autocapitalize', 'sentences');
    var problem = document.createElement('p');
    problem.setAttribute('role', 'alert');
    var actions = document.createElement('div');
    actions.className = 'tablet-actions';
    var cancel = button(words.cancel, function () {
      dialog.close();
    });
    cancel.className = 'tablet-secondary';
    var save = button(words.save, saveQuestion);
    actions.append(cancel, save);
    dialog.append(label, box, problem, actions);
    document.body.appendChild(dialog);

    function saveQuestion() {
      var text = box.value.trim();
      if (!text) {
        problem.textContent = words.empty;
        box.focus();
        return;
      }
      var slideId = slideIdOf(deck.getCurrentSlide());
      record(slideId ? { kind: 'question', text: text, slideId: slideId } : { kind: 'question', text: text });
      box.value = '';
      dialog.close();
    }
    box.addEventListener('keydown', function (event) {
      // Enter keeps the question (the on-screen keyboard's Done); Shift+Enter is a new line.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        saveQuestion();
      }
      // Typing must not turn the slides behind.
      event.stopPropagation();
    });
    dialog.addEventListener('close', function () {
      problem.textContent = '';
    });

    var bar = document.createElement('div');
    bar.className = 'tablet-bar';
    var notes = button(words.notes, function () {
      if (typeof window.presenterNotes === 'function') window.presenterNotes();
      var presenter = document.querySelector('.presenter');
      notes.setAttribute('aria-pressed', presenter && presenter.classList.contains('open') ? 'true' : 'false');
    });
    notes.setAttribute('aria-pressed', 'false');
    var ask = button(words.add, function () {
      problem.textContent = '';
      dialog.showModal();
      box.focus();
    });
    bar.append(notes, ask);
    document.body.appendChild(bar);
  } else {
    // The laptop drives: the tablet only shows, and keeps nothing to send.
    deck.configure({ touch: false, keyboard: false, controls: false });
  }

  function connect() {
    if (typeof window.EventSource !== 'function') return;
    var events = new window.EventSource('/events');
    events.addEventListener('state', function (message) {
      var state;
      try {
        state = JSON.parse(message.data);
      } catch {
        return;
      }
      setOnline(true);
      // The advisor switched who drives: the laptop serves the page for that mode (with or
      // without the speaker notes).
      if (state.mode !== mode) {
        window.location.reload();
        return;
      }
      if (mode === 'follows' && state.slideId) goTo(state.slideId);
      if (mode === 'presents' && !placed) {
        // Opened (or reloaded) during the meeting: back on the meeting's slide, or on the last
        // one this tablet showed if that has not reached the laptop yet. A new meeting starts
        // on the slide on screen.
        placed = true;
        var queued = queue.filter(function (event) {
          return event.kind === 'slide';
        });
        var target = queued.length ? queued[queued.length - 1].slideId : state.slideId;
        if (target) goTo(target);
        else {
          var first = slideIdOf(deck.getCurrentSlide());
          if (first) record({ kind: 'slide', slideId: first });
        }
      }
      flush();
    });
    events.addEventListener('open', function () {
      setOnline(true);
      flush();
    });
    events.addEventListener('error', function () {
      setOnline(false);
    });
  }
  window.addEventListener('online', flush);
  connect();
  flush();
  }
})();
