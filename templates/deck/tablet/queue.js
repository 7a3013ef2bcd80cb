// The tablet's steps waiting for the laptop: every step (a slide shown, a question asked, slides
// skipped) gets an id and is kept in localStorage until the laptop has taken it, so a dropped
// network or a reload loses nothing and the laptop applies each once.
(function (tablet) {
  'use strict';
  function newId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    var id = '';
    for (var i = 0; i < bytes.length; i++) id += ('0' + bytes[i].toString(16)).slice(-2);
    return id;
  }

  tablet.queue = function (key) {
    var items = load();
    function load() {
      try {
        var saved = JSON.parse(window.localStorage.getItem(key) || '[]');
        return Array.isArray(saved) ? saved : [];
      } catch {
        return [];
      }
    }
    function keep() {
      try {
        window.localStorage.setItem(key, JSON.stringify(items));
      } catch {
        // Private browsing or a full store: the queue still lives in memory.
      }
    }
    return {
      /** The steps not yet taken by the laptop, oldest first. */
      items: function () {
        return items;
      },
      /** Keeps a step, stamped with its id and the tablet's time. */
      add: function (event) {
        event.id = newId();
        event.at = new Date().toISOString();
        items.push(event);
        keep();
      },
      /** Forgets the steps the laptop answered it has taken. */
      taken: function (ids) {
        var acked = {};
        ids.forEach(function (id) {
          acked[id] = true;
        });
        items = items.filter(function (event) {
          return !acked[event.id];
        });
        keep();
      },
      /** Forgets every step: the meeting is over, nothing will take them. */
      clear: function () {
        items = [];
        try {
          window.localStorage.removeItem(key);
        } catch {
          // Nothing kept to remove.
        }
      },
    };
  };
})((window.advisorDeckTablet = window.advisorDeckTablet || {}));
