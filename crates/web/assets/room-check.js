// The video troubleshooting page's check: can this browser make calls, do the camera
// and microphone work, can the configured STUN servers be reached (a server-reflexive
// candidate proves it; without servers, only direct (host) connections are possible),
// and, for a signed-in person, does the TURN relay answer (a relay candidate proves it:
// the credential on the page is theirs, minted as a room mints it).

const button = document.getElementById('run-check');
const results = document.getElementById('check-results');

button?.addEventListener('click', async () => {
  results.replaceChildren();
  const line = (key, ok) => {
    const item = document.createElement('li');
    item.textContent = `${ok ? '✓' : '✗'} ${results.dataset[key]}`;
    item.dataset.result = key;
    results.append(item);
  };
  const webrtc = Boolean(window.RTCPeerConnection && navigator.mediaDevices?.getUserMedia);
  line(webrtc ? 'webrtcYes' : 'webrtcNo', webrtc);
  if (!webrtc) return;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    stream.getTracks().forEach((t) => t.stop());
    line('mediaYes', true);
  } catch {
    line('mediaNo', false);
  }
  const servers = JSON.parse(button.dataset.servers || '[]');
  const pc = new RTCPeerConnection({ iceServers: servers });
  const kinds = new Set();
  pc.addEventListener('icecandidate', ({ candidate }) => { if (candidate?.type) kinds.add(candidate.type); });
  pc.createDataChannel('check');
  await pc.setLocalDescription();
  await new Promise((done) => {
    if (pc.iceGatheringState === 'complete') return done();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && done());
    setTimeout(done, 8000);
  });
  pc.close();
  if (kinds.has('srflx') || kinds.has('relay')) line('networkYes', true);
  else if (kinds.has('host')) line('networkLocal', servers.length === 0);
  else line('networkNone', false);
  if (button.dataset.relay === 'true') line(kinds.has('relay') ? 'relayYes' : 'relayNo', kinds.has('relay'));
});
