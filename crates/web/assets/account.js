// Account pages: fills in the browser's time zone where a form asks for one, and drives
// passkey ceremonies (WebAuthn), which only the browser can perform. Everything here is an
// enhancement: the forms work without it, and passkey controls stay hidden without it.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

for (const input of document.querySelectorAll("input[data-detect-time-zone]")) {
  if (!input.value) {
    try {
      input.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
    } catch {
      // No Intl time zone support: the person types it.
    }
  }
}

const toBuffer = (text) => {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
};

const toText = (buffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-csrf-token": csrf,
    },
    body: JSON.stringify(body ?? {}),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const field = data.errors?.[0]?.message;
    throw new Error(field ?? data.detail ?? response.statusText);
  }
  return data;
}

async function createCredential(options) {
  const key = options.publicKey;
  key.challenge = toBuffer(key.challenge);
  key.user.id = toBuffer(key.user.id);
  for (const c of key.excludeCredentials ?? []) c.id = toBuffer(c.id);
  const credential = await navigator.credentials.create({ publicKey: key });
  return {
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    extensions: credential.getClientExtensionResults(),
    response: {
      attestationObject: toText(credential.response.attestationObject),
      clientDataJSON: toText(credential.response.clientDataJSON),
    },
  };
}

async function getAssertion(options) {
  const key = options.publicKey;
  key.challenge = toBuffer(key.challenge);
  for (const c of key.allowCredentials ?? []) c.id = toBuffer(c.id);
  const credential = await navigator.credentials.get({ publicKey: key });
  const r = credential.response;
  return {
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    extensions: credential.getClientExtensionResults(),
    response: {
      authenticatorData: toText(r.authenticatorData),
      clientDataJSON: toText(r.clientDataJSON),
      signature: toText(r.signature),
      userHandle: r.userHandle ? toText(r.userHandle) : null,
    },
  };
}

function wire(container, run) {
  if (!container || !window.PublicKeyCredential) return;
  container.hidden = false;
  const status = container.closest(".card, section")?.querySelector("[data-passkey-status]")
    ?? container.querySelector("[data-passkey-status]");
  const button = container.querySelector("button");
  button.addEventListener("click", async () => {
    button.disabled = true;
    if (status) status.textContent = "";
    try {
      const result = await run(container);
      window.location.assign(result.redirect ?? "/");
    } catch (error) {
      if (status) status.textContent = error.message;
      button.disabled = false;
    }
  });
}

wire(document.querySelector("[data-passkey-register]"), async (container) => {
  const name = container.querySelector("input")?.value ?? "";
  const { ceremony, options } = await post("/account/passkeys/start");
  const credential = await createCredential(options);
  return post("/account/passkeys/finish", { ceremony, name, credential });
});

wire(document.querySelector("[data-passkey-login]"), async (container) => {
  const { ceremony, options } = await post("/login/passkey/start");
  const credential = await getAssertion(options);
  return post("/login/passkey/finish", { ceremony, credential, next: container.dataset.next ?? "" });
});

wire(document.querySelector("[data-passkey-second-factor]"), async (container) => {
  const { ceremony, options } = await post("/login/second-factor/passkey/start");
  const credential = await getAssertion(options);
  return post("/login/second-factor/passkey/finish", { ceremony, credential, next: container.dataset.next ?? "" });
});

// Back from logging in to book a time: the review page holds it at once (its own form, the
// same post as pressing the button). The address loses `hold=1` first, so going back to
// this page later does not hold again.
const arriving = document.querySelector("form[data-hold-on-arrival]");
if (arriving) {
  const here = new URL(location.href);
  here.searchParams.delete("hold");
  history.replaceState(null, "", here);
  arriving.requestSubmit();
}
