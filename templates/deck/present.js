// Starts the deck with reveal.js when JavaScript runs; without it the page stays a document.
// Everything a person typed is already text in the markup: this script only reads textContent
// and data attributes, and writes textContent.
(function () {
  'use strict';
  var root = document.querySelector('.deck');
  if (!root || typeof window.Reveal !== 'function') {
    document.documentElement.classList.remove('starting');
    return;
  }

  // The print view (?print-pdf) lays every slide on its own page: the page must not be clipped.
  var printing = /print-pdf/i.test(window.location.search);
  if (!printing) document.documentElement.classList.add('presenting');
  root.classList.add('reveal');

  var presenter = root.querySelector('.presenter');
  var startedAt = 0;
  var timer = 0;

  function currentSlide() {
    return deck.getCurrentSlide();
  }

  function renderPresenter() {
    var slide = currentSlide();
    if (!presenter || !slide) return;
    var notes = slide.querySelector('aside.notes');
    var planned = slide.getAttribute('data-minutes') || '';
    var elapsed = startedAt ? Math.floor((Date.now() - startedAt) / 1000) : 0;
    var mm = Math.floor(elapsed / 60);
    var ss = String(elapsed % 60).padStart(2, '0');
    var meta = document.createElement('div');
    meta.className = 'presenter-meta';
    meta.textContent =
      'Planned ' +
      planned +
      ' min · elapsed ' +
      mm +
      ':' +
      ss +
      ' · ' +
      (deck.getIndices().h + 1) +
      '/' +
      deck.getTotalSlides();
    var body = document.createElement('div');
    body.textContent = notes ? notes.textContent : '';
    presenter.replaceChildren(meta, body);
  }

  // Speaker notes in the same window (S): a tablet has no second screen for a pop-up.
  function toggleNotes() {
    if (!presenter) return;
    var open = presenter.classList.toggle('open');
    window.clearInterval(timer);
    if (open) {
      if (!startedAt) startedAt = Date.now();
      renderPresenter();
      timer = window.setInterval(renderPresenter, 1000);
    }
  }

  var MARGIN = 0.04;
  var MIN_SCALE = 0.1;
  var MAX_SCALE = 3;
  var width = Number(root.getAttribute('data-width')) || 1024;
  var height = Number(root.getAttribute('data-height')) || 768;
  var deck = new window.Reveal(root, {
    width: width,
    height: height,
    margin: MARGIN,
    minScale: MIN_SCALE,
    maxScale: MAX_SCALE,
    center: false,
    hash: false,
    history: false,
    controls: true,
    controlsLayout: 'edges',
    controlsTutorial: false,
    controlsBackArrows: 'visible',
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    touch: true,
    keyboard: { 83: toggleNotes },
    help: true,
    transition: 'slide',
    transitionSpeed: 'fast',
    backgroundTransition: 'none',
    // A phone-width screen would switch reveal.js to its scroll view; a deck stays a deck.
    scrollActivationWidth: 0,
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
    preloadIframes: false,
    autoPlayMedia: false,
    // No API by window messages: any page that frames the deck, or that the deck opens, could
    // otherwise drive it ({"method":"slide"}) or read its state; and no events sent to a parent.
    postMessage: false,
    postMessageEvents: false,
    plugins: [],
  });
  // The running deck, for the app's presenter view and for tests.
  window.presentation = deck;
  // The tablet's copy opens the notes with a tap instead of the S key.
  window.presenterNotes = toggleNotes;
  deck.on('slidechanged', renderPresenter);

  // The first slide goes on screen before reveal.js starts: starting lays out the slides near it
  // and builds the controls, which on a modest tablet takes longer than painting one slide. The
  // slide is placed exactly where reveal.js will put it, so nothing moves when it takes over.
  var started = false;
  function start() {
    if (started) return;
    started = true;
    deck.initialize().then(function () {
      if (!startedAt) startedAt = Date.now();
      root.setAttribute('data-ready', 'true');
      document.documentElement.classList.remove('starting');
      root.style.backgroundColor = '';
    });
  }
  if (printing) {
    start();
  } else {
    showFirstSlide();
    document.documentElement.classList.remove('starting');
    window.requestAnimationFrame(function () {
      // The first slide is painted in this frame: npm run bench measures it.
      performance.mark('deck-first-slide');
      window.setTimeout(start, 0);
    });
    // A page opened in the background gets no frames until it is shown: start anyway.
    window.setTimeout(start, 1000);
  }

  /** reveal.js's own layout (its layout() with center off), for the first slide alone. */
  function showFirstSlide() {
    var first = root.querySelector('.slides > section');
    var slides = root.querySelector('.slides');
    if (!first || !slides) return;
    document.documentElement.classList.add('reveal-full-page');
    document.body.classList.add('reveal-viewport');
    // Only the present slide is displayed (reveal.css), so this measures one slide, not the deck.
    first.classList.add('present');
    // reveal.js paints the slide's colour over the whole page (its backgrounds layer): so does the
    // first paint, or the page around the slide would change colour when reveal.js starts.
    root.style.backgroundColor = window.getComputedStyle(first).backgroundColor;
    var availableWidth = root.offsetWidth - root.offsetWidth * MARGIN;
    var availableHeight = root.offsetHeight - root.offsetHeight * MARGIN;
    var scale = Math.min(availableWidth / width, availableHeight / height);
    scale = Math.round(Math.min(Math.max(scale, MIN_SCALE), MAX_SCALE) * 100) / 100;
    slides.style.width = width + 'px';
    slides.style.height = height + 'px';
    if (scale !== 1) {
      slides.style.left = '50%';
      slides.style.top = '50%';
      slides.style.bottom = 'auto';
      slides.style.right = 'auto';
      slides.style.transform = 'translate(-50%, -50%) scale(' + scale + ')';
    }
  }
})();
