// The tablet's link to the advisor's laptop: a server-sent stream for what the laptop says (the
// mode, the slide when the laptop drives, the end), and posts of the queued steps with retries.
// A dropped network or a laptop gone quiet never loses a step; the end of the meeting empties the
// page. Everything shown is written with textContent: nothing a person typed becomes markup.
(function (tablet) {
  'use strict';
  /** Failed tries in a row (about a minute) before the tablet stops retrying on its own and says so. */
  var MAX_FAILURES = 12;
  var BATCH = 200;

  /**
   * options: deck, words, queue, clock (true when the tablet presents: each post carries its own
   * time and slide, and the answer may carry a running-long proposal), onState(state), onAnswer(body).
   */
  tablet.link = function (options) {
    var deck = options.deck;
    var words = options.words;
    var queue = options.queue;
    var ended = false;
    var events = null;
    var sending = false;
    var again = false;
    var failures = 0;
    var retryTimer = 0;
    var status = document.createElement('div');
    status.className = 'tablet-status';
    status.setAttribute('role', 'status');
    document.body.appendChild(status);

    function setOnline(online) {
      status.textContent = online ? '' : words.offline;
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
      queue.clear();
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
      var retry = tablet.button(words.retry, function () {
        lost.remove();
        failures = 0;
        reconnect();
        flush();
      });
      lost.append(text, retry);
      document.body.appendChild(lost);
    }
    function reconnect() {
      if (ended) return;
      if (events) events.close();
      connect();
    }
    function body(batch) {
      var sent = { events: batch };
      if (options.clock) {
        // The tablet's own clock: the laptop measures the meeting by the screen the advisor holds.
        sent.now = Date.now();
        var slide = deck.getCurrentSlide();
        var slideId = slide ? slide.getAttribute('data-slide-id') : null;
        if (slideId) sent.slideId = slideId;
      }
      return JSON.stringify(sent);
    }
    /** Sends what waits (or, with `ask`, nothing but the tablet's time) and takes the answer. */
    function flush(ask) {
      if (ended) return;
      if (sending) {
        again = again || ask === true;
        return;
      }
      if (queue.items().length === 0 && ask !== true) return;
      sending = true;
      var batch = queue.items().slice(0, BATCH);
      window
        .fetch('/events', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: body(batch),
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
        .then(function (answer) {
          queue.taken(answer.acked || []);
          sending = false;
          failures = 0;
          setOnline(true);
          if (!ended && options.onAnswer) options.onAnswer(answer);
          var ask = again;
          again = false;
          if (queue.items().length || ask) flush(ask);
        })
        .catch(function () {
          sending = false;
          failures += 1;
          setOnline(false);
          retryLater();
        });
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
        // false: the page is being replaced (the mode changed), nothing to send from it.
        if (options.onState(state) === false) return;
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

    return {
      connect: connect,
      flush: flush,
      /** Tells the laptop the tablet's time, unless a post is under way (its answer is on the way). */
      checkTime: function () {
        if (!sending) flush(true);
      },
      /** Whether the meeting is over for this tablet. */
      ended: function () {
        return ended;
      },
    };
  };
})((window.advisorDeckTablet = window.advisorDeckTablet || {}));
