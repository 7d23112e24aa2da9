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
