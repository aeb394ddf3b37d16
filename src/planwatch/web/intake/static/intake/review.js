// Keys for the review page: j/k move between proposals, a accepts, r rejects, e edits,
// Escape returns from a field to its proposal. The buttons are ordinary form buttons; this
// only presses them, so the page works the same without JavaScript.
(function () {
  "use strict";
  const cards = Array.from(document.querySelectorAll("article.proposal"));
  if (!cards.length) return;

  function current() {
    const active = document.activeElement;
    return active ? active.closest("article.proposal") : null;
  }

  const text = document.querySelector("article.document");

  // The proposal's sentence, brought to the middle of the document beside it.
  function point(card) {
    text.querySelectorAll("mark.current").forEach((mark) => mark.classList.remove("current"));
    const marks = Array.from(text.querySelectorAll('mark > a[href="#' + card.id + '"]'),
      (link) => link.parentElement);
    marks.forEach((mark) => mark.classList.add("current"));
    if (marks.length) {
      const offset = marks[0].getBoundingClientRect().top - text.getBoundingClientRect().top;
      text.scrollTop += offset - text.clientHeight / 2;
    }
  }

  function show(card) {
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", "#" + card.id);
  }

  function move(step) {
    const index = cards.indexOf(current());
    const next = index < 0 ? (step > 0 ? 0 : cards.length - 1)
      : Math.min(Math.max(index + step, 0), cards.length - 1);
    show(cards[next]);
  }

  // However a proposal gets focus (keys, Tab, a click), its sentence is pointed out.
  document.addEventListener("focusin", function (event) {
    const card = event.target.closest("article.proposal");
    if (card) point(card);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = event.target.closest("input, select, textarea");
    if (field) {
      if (event.key === "Escape" && current()) show(current());
      return;
    }
    const card = current();
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if ((event.key === "a" || event.key === "r") && card) {
      const button = card.querySelector('button[data-key="' + event.key + '"]:not(:disabled)');
      if (button) button.click();
    } else if (event.key === "e" && card) {
      const input = card.querySelector(".proposal-fields input, .proposal-fields select");
      if (input) input.focus();
    } else return;
    event.preventDefault();
  });

  const start = document.getElementById(location.hash.slice(1));
  if (start && start.matches("article.proposal")) show(start);
})();
