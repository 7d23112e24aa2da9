// The slot picker: a visitor who is not signed in sees times in UTC until the page knows
// their zone. When the browser can tell it, show the week in that zone instead (once: the
// zone then stays in the URL, so a shared link shows what its sender saw).

const form = document.querySelector("form[data-guess-zone]");
if (form && !new URL(location.href).searchParams.has("tz")) {
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    // No Intl zone support: UTC stays, and the person can type their zone.
  }
  const input = form.querySelector('input[name="tz"]');
  if (zone && input && zone !== input.value) {
    input.value = zone;
    form.requestSubmit();
  }
}

// The month calendar is one stop for Tab: the chosen day (or the first free one) takes the
// focus, and the arrow keys move between the days with free times. Without this script
// every day is a link of its own; after htmx (or a live update) swaps the picker in, it is
// set up again.
function rove(calendar) {
  const days = [...calendar.querySelectorAll("a.calendar-day")];
  if (days.length === 0 || calendar.dataset.roving) return;
  calendar.dataset.roving = "on";
  // On a right-to-left page the next day is to the left.
  const [back, ahead] = getComputedStyle(calendar).direction === "rtl" ? [1, -1] : [-1, 1];
  const current = days.find((d) => d.getAttribute("aria-current") === "true") ?? days[0];
  for (const day of days) day.tabIndex = day === current ? 0 : -1;
  calendar.addEventListener("keydown", (event) => {
    const at = days.indexOf(document.activeElement);
    if (at < 0) return;
    const to = {
      ArrowRight: at + ahead,
      ArrowLeft: at + back,
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: days.length - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = days[Math.max(0, Math.min(days.length - 1, to))];
    days[at].tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}

function setUp(root) {
  for (const calendar of root.querySelectorAll(".slot-calendar")) rove(calendar);
}
setUp(document);
document.addEventListener("htmx:load", (event) => {
  const root = event.detail?.elt;
  if (root instanceof Element) setUp(root.parentElement ?? root);
});
document.addEventListener("live:refreshed", (event) => {
  if (event.target instanceof Element) setUp(event.target.parentElement ?? event.target);
});

// A link that had the focus may be gone from the fresh picker ("Previous week" on the
// first week): the focus goes to the week shown, not back to the top of the page.
document.addEventListener("htmx:afterSettle", () => {
  if (document.activeElement !== document.body) return;
  const range = document.querySelector("#slots #week-range");
  if (!range) return;
  range.tabIndex = -1;
  range.focus();
});
