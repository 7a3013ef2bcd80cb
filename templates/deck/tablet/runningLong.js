// Running long, on the tablet the advisor holds: the laptop works out (with the same rule as its
// own presenter strip, core/plan/replan.ts) which slides to skip so the meeting still ends on time
// with the questions kept, measured by this tablet's clock; the advisor chooses here. Skipped
// slides are passed over by swipes and arrows for the rest of the meeting; deck.json is untouched.
(function (tablet) {
  'use strict';
  tablet.runningLong = function (deck, words, language, record) {
    var skipped = {};
    var kept = null;
    var panel = document.createElement('div');
    panel.className = 'tablet-replan';
    var notice = document.createElement('section');
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-labelledby', 'tablet-replan-title');
    notice.hidden = true;
    var questions = document.createElement('p');
    questions.setAttribute('role', 'status');
    questions.className = 'tablet-replan-questions';
    panel.append(notice, questions);
    document.body.appendChild(panel);
    var proposal = null;

    function minutes(n) {
      try {
        return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
      } catch {
        return String(n);
      }
    }
    function keyOf(list) {
      return list
        .map(function (slide) {
          return slide.slideId;
        })
        .join(' ');
    }
    function draw(answer) {
      var heading = document.createElement('h2');
      heading.id = 'tablet-replan-title';
      heading.textContent = words.runningLong;
      var text = document.createElement('p');
      text.textContent = words.runningLongText;
      var list = document.createElement('ul');
      answer.skip.forEach(function (slide) {
        var item = document.createElement('li');
        item.textContent = slide.title;
        list.appendChild(item);
      });
      var saves = document.createElement('p');
      saves.textContent = words.saves.replace('{n}', minutes(answer.minutesSaved));
      var actions = document.createElement('div');
      actions.className = 'tablet-actions';
      var keep = tablet.button(words.keep, function () {
        kept = keyOf(answer.skip);
        hide();
      });
      keep.className = 'tablet-secondary';
      var skip = tablet.button(words.skip, function () {
        var ids = answer.skip.map(function (slide) {
          return slide.slideId;
        });
        ids.forEach(function (id) {
          skipped[id] = true;
        });
        record({ kind: 'skip', slideIds: ids });
        hide();
      });
      actions.append(keep, skip);
      notice.replaceChildren(heading, text, list, saves, actions);
      notice.hidden = false;
    }
    function hide() {
      proposal = null;
      notice.hidden = true;
      notice.replaceChildren();
    }

    return {
      /** The laptop's answer to the tablet's time: a proposal, the questions reserve, the skipped. */
      update: function (answer) {
        (answer.skippedSlideIds || []).forEach(function (id) {
          skipped[id] = true;
        });
        questions.textContent = answer.questionsTime ? words.questionsTime : '';
        var skip = (answer.runningLong && answer.runningLong.skip) || [];
        var key = keyOf(skip);
        if (!skip.length || key === kept) return hide();
        if (key === proposal) return;
        proposal = key;
        draw(answer.runningLong);
      },
      isSkipped: function (slideId) {
        return skipped[slideId] === true;
      },
    };
  };
})((window.advisorDeckTablet = window.advisorDeckTablet || {}));
