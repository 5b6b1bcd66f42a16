// Review queue keys: j/k move between items, a accepts, r rejects the current one.
// Without this script every item still has its own Accept and Reject buttons.
(function () {
  "use strict";
  const items = Array.from(document.querySelectorAll("li.item"));
  if (!items.length) return;
  let current = Math.max(0, items.findIndex((el) => "#" + el.id === location.hash));

  function show(i) {
    current = Math.min(Math.max(i, 0), items.length - 1);
    items.forEach((el, n) => el.classList.toggle("current", n === current));
    items[current].focus({ preventScroll: true });
    items[current].scrollIntoView({ block: "nearest" });
  }

  function press(key) {
    const button = items[current].querySelector(`button[data-key="${key}"]`);
    if (button) button.click();
  }

  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) return;
    const actions = { j: () => show(current + 1), k: () => show(current - 1), a: () => press("a"), r: () => press("r") };
    if (actions[e.key]) {
      e.preventDefault();
      actions[e.key]();
    }
  });
  show(current);
})();
