// The advisor's bar on a tablet that presents: the speaker notes, and a question caught in the
// prospect's words (kept with the slide on screen, sent to the laptop's meeting record).
(function (tablet) {
  'use strict';
  /** Adds the bar and the question dialog; `record` keeps a step for the laptop. */
  tablet.questionBar = function (deck, words, record) {
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
    var cancel = tablet.button(words.cancel, function () {
      dialog.close();
    });
    cancel.className = 'tablet-secondary';
    var save = tablet.button(words.save, saveQuestion);
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
      var slide = deck.getCurrentSlide();
      var slideId = slide ? slide.getAttribute('data-slide-id') : null;
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
    var notes = tablet.button(words.notes, function () {
      if (typeof window.presenterNotes === 'function') window.presenterNotes();
      var presenter = document.querySelector('.presenter');
      notes.setAttribute('aria-pressed', presenter && presenter.classList.contains('open') ? 'true' : 'false');
    });
    notes.setAttribute('aria-pressed', 'false');
    var ask = tablet.button(words.add, function () {
      problem.textContent = '';
      dialog.showModal();
      box.focus();
    });
    bar.append(notes, ask);
    document.body.appendChild(bar);
    return bar;
  };
})((window.advisorDeckTablet = window.advisorDeckTablet || {}));
