// The tablet's words, in the tablet's language (French or English): the page has no catalog of
// its own, and the prospect may hold it, so nothing here is more than a label or a short sentence.
(function (tablet) {
  'use strict';
  var FRENCH = {
    notes: 'Notes',
    add: 'Ajouter une question',
    question: 'Question',
    save: 'Enregistrer la question',
    cancel: 'Annuler',
    offline: 'Hors ligne\u00a0: tout est gardé et sera envoyé',
    empty: 'Écrivez la question.',
    ended: 'Rendez-vous terminé',
    endedText: 'Le conseiller a terminé le rendez-vous ou arrêté le partage. Vous pouvez fermer cette page.',
    lost: 'L’ordinateur du conseiller ne répond pas. Tout est gardé sur cette tablette.',
    retry: 'Réessayer',
    runningLong: 'En retard',
    runningLongText: 'Pour finir à l’heure en gardant le temps des questions, passer\u00a0:',
    saves: 'Cela fait gagner {n} min.',
    skip: 'Passer les diapositives proposées',
    keep: 'Garder toutes les diapositives',
    questionsTime: 'C’est le moment des questions du prospect.',
  };
  var ENGLISH = {
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
    runningLong: 'Running long',
    runningLongText: 'To end on time with the questions kept, skip:',
    saves: 'That saves {n} min.',
    skip: 'Skip suggested slides',
    keep: 'Keep all slides',
    questionsTime: 'Time for the prospect’s questions.',
  };
  tablet.words = function (language) {
    return /^fr\b/i.test(language || '') ? FRENCH : ENGLISH;
  };

  /** A button with a label (as text, never markup). */
  tablet.button = function (label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
})((window.advisorDeckTablet = window.advisorDeckTablet || {}));
