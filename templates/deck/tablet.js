// The tablet's copy of the deck, served by the advisor's laptop over the office Wi-Fi. It holds
// the whole deck once loaded and keeps presenting without the laptop: every step waits in a queue
// (tablet/queue.js) until the laptop has taken it (tablet/link.js). Presenting, the advisor has a
// bar for notes and questions (tablet/questions.js) and is told when the meeting runs long
// (tablet/runningLong.js); following, the tablet only shows the laptop's slide. The laptop serves
// the files of tablet/ first, then this one, as one script.
(function (tablet) {
  'use strict';
  /** How often a presenting tablet tells the laptop its time, so running long is noticed between slides. */
  var TIME_CHECK_MS = 15000;
  var deck = window.presentation;
  var html = document.documentElement;
  if (!deck) return;
  // reveal.js starts asynchronously: everything below waits until it can turn slides.
  if (deck.isReady()) start();
  else deck.on('ready', start);

  function start() {
    var mode = html.getAttribute('data-share-mode') === 'follows' ? 'follows' : 'presents';
    var share = html.getAttribute('data-share') || 'share';
    var language = navigator.language || 'en';
    var words = tablet.words(language);
    var queue = tablet.queue('advisor-deck:' + share);
    var placed = false;
    var running = null;
    var link = tablet.link({
      deck: deck,
      words: words,
      queue: queue,
      clock: mode === 'presents',
      onState: onState,
      onAnswer: function (answer) {
        if (running) running.update(answer);
      },
    });

    function record(event) {
      queue.add(event);
      link.flush(mode === 'presents');
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
    /** The next slide from `from` going `step` (+1 or -1) that is not skipped, or -1. */
    function notSkipped(from, step) {
      var slides = deck.getSlides();
      for (var i = from + step; i >= 0 && i < slides.length; i += step) {
        var id = slideIdOf(slides[i]);
        if (!id || !running.isSkipped(id)) return i;
      }
      return -1;
    }

    function onState(state) {
      // The advisor switched who drives: the laptop serves the page for that mode (with or
      // without the speaker notes).
      if (state.mode !== mode) {
        window.location.reload();
        return false;
      }
      if (mode === 'follows' && state.slideId) goTo(state.slideId);
      if (mode === 'presents' && !placed) {
        // Opened (or reloaded) during the meeting: back on the meeting's slide, or on the last
        // one this tablet showed if that has not reached the laptop yet. A new meeting starts
        // on the slide on screen.
        placed = true;
        var queued = queue.items().filter(function (event) {
          return event.kind === 'slide';
        });
        var target = queued.length ? queued[queued.length - 1].slideId : state.slideId;
        if (target) goTo(target);
        else {
          var first = slideIdOf(deck.getCurrentSlide());
          if (first) record({ kind: 'slide', slideId: first });
        }
      }
      return true;
    }

    if (mode === 'presents') {
      running = tablet.runningLong(deck, words, language, record);
      var shownIndex = deck.getIndices().h;
      deck.on('slidechanged', function (event) {
        var id = slideIdOf(event.currentSlide);
        // A skipped slide is passed over in the direction the advisor was going.
        if (id && running.isSkipped(id)) {
          var next = notSkipped(event.indexh, event.indexh >= shownIndex ? 1 : -1);
          if (next >= 0) {
            deck.slide(next);
            return;
          }
        }
        shownIndex = event.indexh;
        if (id) record({ kind: 'slide', slideId: id });
      });
      tablet.questionBar(deck, words, record);
      window.setInterval(function () {
        if (!link.ended()) link.checkTime();
      }, TIME_CHECK_MS);
    } else {
      // The laptop drives: the tablet only shows, and keeps nothing to send.
      deck.configure({ touch: false, keyboard: false, controls: false });
    }

    link.connect();
    link.flush();
  }
})((window.advisorDeckTablet = window.advisorDeckTablet || {}));
