// Live updates over /ws: the unread badge, an expert's slots as others hold and release
// them, a booking's status as payment and changes arrive. Everything here is an
// enhancement: each page is complete without it, and shows the same after a reload.
//
// The socket opens only where the page has something live: a signed-in header (the
// badge) or an element naming a channel (data-live-channel). It reconnects with backoff
// and names the last event this page saw, so nothing said while it was away is missed;
// when the server cannot tell what was missed ("resync"), the live parts of the page
// reload (a fresh page needs no catch-up: it was rendered as things stood).

const channels = [...document.querySelectorAll("[data-live-channel]")].map(
  (el) => el.dataset.liveChannel,
);
// Looked up each time: a refresh replaces it.
const badge = () => document.querySelector("[data-unread-badge]");
const announcer = document.getElementById("live-announcer");

const seen = new Set();
let lastEvent = null;
let retry = 1000;

function announce(text) {
  if (!announcer || !text) return;
  // Cleared first so the same words twice are announced twice.
  announcer.textContent = "";
  requestAnimationFrame(() => {
    announcer.textContent = text;
  });
}

// Fetches this page again and puts the fresh copies of `selectors` in place.
async function refresh(selectors) {
  const targets = selectors.flatMap((s) => [...document.querySelectorAll(s)]);
  if (targets.length === 0) return;
  const response = await fetch(location.href, { headers: { Accept: "text/html" } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  for (const selector of selectors) {
    const now = document.querySelector(selector);
    const next = fresh.querySelector(selector);
    if (!now || !next) continue;
    // Keep the keyboard where it was: the same control in the fresh copy, if it is there.
    const focused = now.contains(document.activeElement) ? document.activeElement : null;
    const key = focused?.id ? `#${CSS.escape(focused.id)}` : focused?.value ? `[value="${CSS.escape(focused.value)}"]` : null;
    const copy = document.importNode(next, true);
    now.replaceWith(copy);
    // A fresh copy's htmx attributes (the slot picker's swaps) work once htmx has seen
    // them; other scripts set their part up again on `live:refreshed`.
    window.htmx?.process(copy);
    copy.dispatchEvent(new Event("live:refreshed", { bubbles: true }));
    if (focused) (key && copy.querySelector(key) ? copy.querySelector(key) : copy.querySelector("button, a, input, select"))?.focus();
  }
}

function setUnread(count) {
  const shown = badge();
  if (!shown) return;
  shown.textContent = String(count);
  shown.hidden = count === 0;
  const link = document.querySelector("[data-unread-link]");
  const template = link?.dataset.unreadTemplate;
  if (link && template) link.setAttribute("aria-label", template.replace("{count}", count));
}

// A slot overlapping [start, end) is gone: remove its button at once, politely.
function slotHeld(data) {
  const picker = document.querySelector("[data-live-slots]");
  if (!picker) return;
  const minutes = Number(picker.dataset.duration || "0");
  const start = Date.parse(data.start);
  const end = Date.parse(data.end);
  let removed = 0;
  for (const button of picker.querySelectorAll("button.slot-button")) {
    const slotStart = Date.parse(button.value);
    const slotEnd = slotStart + minutes * 60000;
    if (slotStart < end && slotEnd > start) {
      const item = button.closest("li") ?? button;
      const hadFocus = item.contains(document.activeElement);
      item.remove();
      removed += 1;
      if (hadFocus) picker.querySelector("button.slot-button")?.focus();
    }
  }
  if (removed > 0) {
    takenShown = true;
    showTakenNote();
    announce(picker.dataset.takenNote);
  }
}

// Once a time was taken under someone's eyes, the note stays (also in fresh copies).
let takenShown = false;
function showTakenNote() {
  const note = document.getElementById("slots-live-note");
  if (takenShown && note) note.hidden = false;
}

function onEvent(event) {
  if (seen.has(event.id)) return;
  seen.add(event.id);
  lastEvent = event.id;
  const data = event.data ?? {};
  switch (event.kind) {
    case "notification":
      setUnread(Number(data.unread ?? 0));
      announce(badge()?.closest("[data-unread-link]")?.dataset.newNote);
      break;
    case "slot_held":
      slotHeld(data);
      // The server's answer, exact to buffers and caps, replaces the quick guess.
      refresh(["[data-live-slots]"]).then(showTakenNote);
      break;
    case "slot_released":
    case "slot_booked":
    case "rules_changed":
      refresh(["[data-live-slots]"]).then(showTakenNote);
      break;
    case "booking_changed": {
      const booking = document.querySelector(`[data-live-booking="${data.booking_id}"]`);
      if (!booking) break;
      if (booking.dataset.liveHref) {
        location.assign(booking.dataset.liveHref);
      } else if ([...booking.querySelectorAll("input, textarea, select")].some(dirty)) {
        // Someone is typing here: change what the booking is, not their form.
        refresh(["#booking-status", "#booking-when"]);
      } else {
        refresh([`[data-live-booking="${data.booking_id}"]`]);
      }
      announce(booking.dataset.changedNote);
      break;
    }
  }
}

const dirty = (field) =>
  field.type === "checkbox" || field.type === "radio"
    ? field.checked !== field.defaultChecked
    : field.type !== "hidden" && field.value !== field.defaultValue;

function resync() {
  // Every client of an instance hears this at once: spread the reloads over two seconds.
  setTimeout(
    () => refresh(["[data-live-slots]", "[data-live-booking]", "[data-unread-link]"]),
    Math.random() * 2000,
  );
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${scheme}//${location.host}/ws`);
  socket.addEventListener("message", (message) => {
    let data;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    if (data.type === "ready") {
      retry = 1000;
      // Subscribing (even to no extra channel) catches up on the person's own channel.
      if (data.person === null && channels.length === 0) return;
      socket.send(
        JSON.stringify({
          type: "subscribe",
          channels,
          after: lastEvent,
        }),
      );
    } else if (data.type === "subscribed") {
      // Tests (and curious people) can tell the page is following along.
      document.documentElement.dataset.live = "on";
      // A page waiting for a change (a payment's webhook) may have missed it while its
      // socket opened (a first subscription has nothing to catch up from): ask once
      // whether it already happened; the page answers with where to go next.
      if (lastEvent === null && document.querySelector("[data-live-href]")) {
        fetch(location.href, { headers: { Accept: "text/html" } }).then((response) => {
          if (response.ok && response.redirected) location.assign(response.url);
        });
      }
    } else if (data.type === "event") {
      onEvent(data);
    } else if (data.type === "resync") {
      resync();
    }
  });
  socket.addEventListener("close", (closed) => {
    // 4401: signed out; the page will say so on its next load. Anything else: come back.
    if (closed.code === 4401) return;
    const wait = retry * (0.8 + Math.random() * 0.4);
    retry = Math.min(retry * 2, 30000);
    setTimeout(connect, wait);
  });
}

if ((badge() || channels.length > 0) && "WebSocket" in window) {
  connect();
}
