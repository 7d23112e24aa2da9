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

// The month calendar is one stop for Tab: the chosen day (or the first free one shown
// below, or the month's first free one) takes the focus. Left and right move to the
// previous and next day with free times (mirrored on right-to-left pages), up and down a
// week back or ahead, Home and End to the month's first and last. Without this script
// every day is a link of its own; after htmx (or a live update) swaps the picker in, it is
// set up again.
const day = (link) => link.id.replace("cal-", "");
const shifted = (date, days) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function rove(calendar) {
  const days = [...calendar.querySelectorAll("a.calendar-day")];
  if (days.length === 0 || calendar.dataset.roving) return;
  calendar.dataset.roving = "on";
  const [back, ahead] = getComputedStyle(calendar).direction === "rtl" ? [1, -1] : [-1, 1];
  const stop =
    days.find((d) => d.getAttribute("aria-current") === "true") ??
    days.find((d) => d.classList.contains("shown")) ??
    days[0];
  const holdStop = (link) => {
    for (const d of days) d.tabIndex = d === link ? 0 : -1;
  };
  holdStop(stop);
  // Wherever the focus lands (a click, focus put back after a refresh), Tab returns there.
  calendar.addEventListener("focusin", (event) => {
    if (days.includes(event.target)) holdStop(event.target);
  });
  calendar.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const at = days.indexOf(document.activeElement);
    if (at < 0) return;
    const from = day(days[at]);
    const next = {
      ArrowRight: () => days[at + ahead],
      ArrowLeft: () => days[at + back],
      ArrowDown: () => days.find((d) => day(d) >= shifted(from, 7)),
      ArrowUp: () => days.findLast((d) => day(d) <= shifted(from, -7)),
      Home: () => days[0],
      End: () => days[days.length - 1],
    }[event.key];
    if (!next) return;
    event.preventDefault();
    const to = next() ?? days[at];
    holdStop(to);
    to.focus();
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
// first week): then the focus goes to the week shown, not back to the top of the page.
// Only when the focus was in the picker (a mouse click in Safari focuses nothing).
let focusWasInPicker = false;
document.addEventListener("htmx:beforeRequest", () => {
  focusWasInPicker = Boolean(document.querySelector("#slots")?.contains(document.activeElement));
});
document.addEventListener("htmx:afterSettle", () => {
  if (!focusWasInPicker || document.activeElement !== document.body) return;
  const range = document.querySelector("#slots #week-range");
  if (!range) return;
  range.tabIndex = -1;
  range.focus();
});
