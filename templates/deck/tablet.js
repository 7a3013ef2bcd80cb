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
      ? {
          notes: 'Notes',
          add: 'Ajouter une question',
          question: 'Question',
          save: 'Enregistrer la question',
          cancel: 'Annuler',
          offline: 'Hors ligne : tout est gardé et sera envoyé',
          empty: 'Écrivez la question.',
          ended: 'Rendez-vous terminé',
          endedText: 'Le conseiller a terminé le rendez-vous ou arrêté le partage. Vous pouvez fermer cette page.',
          lost: 'L’ordinateur du conseiller ne répond pas. Tout est gardé sur cette tablette.',
          retry: 'Réessayer',
        }
      : {
          notes: 'Notes',
          add: 'Add question',
          question: 'Question',
          save: 'Save question',
          cancel: 'Cancel',
          offline: 'Offline: everything is kept and will be sent',
          empty: 'Type the question.',
          ended: 'Meeting ended',
          endedText: 'The advisor ended the meeting or stopped sharing. You can close this page.',
          lost: 'The advisor’s laptop does not answer. Everything is kept on this tablet.',
          retry: 'Try again',
        };
    /** Failed tries in a row (about a minute) before the tablet stops retrying on its own and says so. */
    var MAX_FAILURES = 12;
    var ended = false;
    var events = null;

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
      if (failures >= MAX_FAILURES) return unreachable();
      retryTimer = window.setTimeout(flush, Math.min(8000, 250 * Math.pow(2, failures)));
    }
    // The server said the meeting is over (or no longer knows this tablet): the deck goes, with
    // what waits to be sent, since nothing will take it; the prospect sees a clear end.
    function endMeeting() {
      if (ended) return;
      ended = true;
      window.clearTimeout(retryTimer);
      if (events) events.close();
      queue = [];
      try {
        window.localStorage.removeItem(QUEUE_KEY);
      } catch {
        // Nothing kept to remove.
      }
      try {
        deck.destroy();
      } catch {
        // The slides are removed below all the same.
      }
      var main = document.createElement('main');
      main.className = 'tablet-ended';
      var heading = document.createElement('h1');
      heading.textContent = words.ended;
      var text = document.createElement('p');
      text.textContent = words.endedText;
      main.append(heading, text);
      // No slide content left in the page: everything but the end message goes.
      document.body.replaceChildren(main);
      document.title = words.ended;
    }
    // The network or the laptop is gone and tries have run out: say so, keep every step, and let
    // the advisor try again (or the network coming back does).
    function unreachable() {
      if (ended || document.querySelector('.tablet-lost')) return;
      status.textContent = '';
      var lost = document.createElement('div');
      lost.className = 'tablet-lost';
      lost.setAttribute('role', 'alert');
      var text = document.createElement('p');
      text.textContent = words.lost;
      var again = button(words.retry, function () {
        lost.remove();
        failures = 0;
        reconnect();
        flush();
      });
      lost.append(text, again);
      document.body.appendChild(lost);
    }
    function reconnect() {
      if (ended) return;
      if (events) events.close();
      connect();
    }
    function flush() {
      if (ended || sending || queue.length === 0) return;
      sending = true;
      var batch = queue.slice(0, BATCH);
      window
        .fetch('/events', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ events: batch }),
        })
        .then(function (response) {
          // 403: this share no longer knows the tablet; 410: the meeting is over.
          if (response.status === 403 || response.status === 410) {
            sending = false;
            endMeeting();
            return { acked: [] };
          }
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
      if (ended || typeof window.EventSource !== 'function') return;
      events = new window.EventSource('/events');
      var streamFailures = 0;
      events.addEventListener('ended', endMeeting);
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
        streamFailures = 0;
        setOnline(true);
        flush();
      });
      events.addEventListener('error', function () {
        if (ended) return;
        // CLOSED: the server answered, but not with the stream (a 403 once the share is gone).
        if (events.readyState === window.EventSource.CLOSED) return probe();
        streamFailures += 1;
        setOnline(false);
        if (streamFailures >= MAX_FAILURES) {
          events.close();
          unreachable();
        }
      });
    }
    // Asks the server what it thinks of this tablet: 403 or 410 means over; no answer, offline.
    function probe() {
      window
        .fetch('/events', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: '{"events":[]}',
        })
        .then(function (response) {
          if (response.status === 403 || response.status === 410) endMeeting();
          else window.setTimeout(reconnect, 1000);
        })
        .catch(function () {
          setOnline(false);
          failures += 1;
          if (failures >= MAX_FAILURES) unreachable();
          else window.setTimeout(probe, Math.min(8000, 250 * Math.pow(2, failures)));
        });
    }
    window.addEventListener('online', function () {
      if (document.querySelector('.tablet-lost')) document.querySelector('.tablet-lost').remove();
      failures = 0;
      reconnect();
      flush();
    });
    connect();
    flush();
  }
})();
