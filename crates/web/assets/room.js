// The session room: a pre-join check (preview, level meter, device choice, plain help
// when the browser refuses), then a WebRTC call with each other person in the room.
// Signalling travels over the live socket (`/ws`) on the room's channel; the server
// records each stay for attendance. Peers follow the "perfect negotiation" pattern: the
// one with the smaller id is polite and yields when both offer at once, so either side
// may (re)negotiate, and an ICE restart after a network drop is one more negotiation.
// Recording starts only when the server says both consented, and stops the moment
// either withdraws.

const root = document.getElementById('room');
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

if (root && root.dataset.state === 'open' && document.getElementById('prejoin')) {
  setUp();
}

function setUp() {
  const roomId = root.dataset.room;
  const me = root.dataset.person;
  const participant = root.dataset.role !== 'support';
  const $ = (id) => document.getElementById(id);
  const help = $('device-help');
  const joinButton = $('join');
  const peerStatus = $('peer-status');
  const consentStatus = $('consent-status');
  const peers = new Map();
  let stream = null;
  let iceServers = [];
  let iceTransportPolicy = 'all';
  let socket = null;
  let joined = false;
  let leaving = false;
  let meterFrame = 0;
  let audioContext = null;
  let screenTrack = null;
  let recorder = null;
  // Chat messages shown, by id (the sender's answer and the room's event both bring one).
  const seen = new Set();
  // Exposed for the browser tests (connection state and statistics).
  window.mentoraRoom = { peers, socket: () => socket };

  const say = (element, text) => { element.textContent = text; };
  const fill = (template, name) => template.replace('{name}', name);
  const show = (reason) => {
    help.textContent = help.dataset[reason];
    help.hidden = false;
  };

  setUpChat();
  if (!window.RTCPeerConnection || !navigator.mediaDevices?.getUserMedia) {
    show('unsupported');
    joinButton.disabled = true;
    return;
  }

  async function preview() {
    stream?.getTracks().forEach((t) => t.stop());
    const camera = $('camera-choice').value;
    const microphone = $('microphone-choice').value;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: camera ? { deviceId: { exact: camera } } : true,
        audio: microphone ? { deviceId: { exact: microphone } } : true,
      });
      help.hidden = true;
      joinButton.disabled = false;
    } catch (error) {
      stream = null;
      const name = error?.name ?? '';
      if (name === 'NotAllowedError' || name === 'SecurityError') show('denied');
      else if (name === 'NotFoundError' || name === 'OverconstrainedError') show('missing');
      else if (name === 'NotReadableError' || name === 'AbortError') show('busy');
      else show('unsupported');
      return;
    }
    $('preview').srcObject = stream;
    await listDevices();
    meter();
  }

  async function listDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    for (const [kind, select] of [['videoinput', $('camera-choice')], ['audioinput', $('microphone-choice')]]) {
      const current = stream?.getTracks().find((t) => t.kind === kind.replace('input', ''))?.getSettings().deviceId;
      select.replaceChildren(...devices.filter((d) => d.kind === kind).map((d, i) => {
        const option = new Option(d.label || `${kind} ${i + 1}`, d.deviceId);
        option.selected = d.deviceId === current;
        return option;
      }));
    }
  }

  function meter() {
    cancelAnimationFrame(meterFrame);
    const track = stream?.getAudioTracks()[0];
    if (!track) return;
    audioContext ??= new AudioContext();
    const analyser = audioContext.createAnalyser();
    audioContext.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const tick = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128) / 128);
      $('level').value = peak;
      meterFrame = requestAnimationFrame(tick);
    };
    tick();
  }

  $('camera-choice').addEventListener('change', preview);
  $('microphone-choice').addEventListener('change', preview);
  joinButton.disabled = true;
  preview();

  joinButton.addEventListener('click', async () => {
    if (!stream) return;
    $('prejoin').hidden = true;
    $('call').hidden = false;
    $('local-video').srcObject = stream;
    startTimer();
    await refreshIce();
    connect();
  });

  async function refreshIce() {
    try {
      const response = await fetch(`/sessions/${roomId}/room/ice`, { credentials: 'same-origin' });
      if (response.ok) {
        const answer = await response.json();
        iceServers = answer.ice_servers;
        iceTransportPolicy = answer.ice_transport_policy;
      }
    } catch { /* keep the servers we had */ }
  }

  function startTimer() {
    const began = Date.now();
    const timer = $('timer');
    setInterval(() => {
      const seconds = Math.floor((Date.now() - began) / 1000);
      const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
      const ss = String(seconds % 60).padStart(2, '0');
      timer.textContent = `${mm}:${ss}`;
    }, 1000);
  }

  // The live socket: subscribe to the room, then join; after a drop, again.
  function connect(attempt = 0) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/ws`);
    socket.addEventListener('message', (e) => onMessage(JSON.parse(e.data)));
    socket.addEventListener('close', () => {
      joined = false;
      if (leaving) return;
      say(peerStatus, peerStatus.dataset.reconnecting);
      setTimeout(() => connect(attempt + 1), Math.min(1000 * 2 ** attempt, 15000));
    });
  }

  const send = (message) => socket?.readyState === WebSocket.OPEN && socket.send(JSON.stringify(message));

  function onMessage(message) {
    if (message.type === 'ready') {
      send({ type: 'subscribe', channels: [`room:${roomId}`] });
    } else if (message.type === 'subscribed' && !joined) {
      // Following the room's channel entered it. After a dropped socket the others
      // heard us leave and closed their connections to us: start afresh with theirs.
      joined = true;
      for (const id of [...peers.keys()]) drop(id);
      present.clear();
      sendMedia();
    } else if (message.type === 'event') {
      onEvent(message.kind, message.data);
    }
  }

  function onEvent(kind, data) {
    if (kind === 'chat') return addChat(data);
    if (kind === 'recording') return onRecording(data);
    if (data.from === me || data.person === me) return;
    if (kind === 'presence') {
      if (data.state === 'joined') {
        greet(data.person, data.name, data.role);
        peer(data.person, data.name, true);
        // Tell the newcomer we are here, and what we have on.
        sendMedia();
      } else {
        present.delete(data.person);
        say(peerStatus, fill(peerStatus.dataset.left, data.name));
        drop(data.person);
      }
      return;
    }
    // Someone already in the room when we came: they greet us with their first message.
    greet(data.from, data.name, data.role);
    if (kind === 'signal' && data.to === me && data.room === roomId) {
      onSignal(data.from, data.data, data.name);
    } else if (kind === 'media') {
      if (!data.audio) say(peerStatus, peerStatus.dataset.muted);
      else if (!data.video) say(peerStatus, peerStatus.dataset.cameraOff);
      const tile = peers.get(data.from)?.tile;
      if (tile) tile.dataset.audio = String(data.audio);
    }
  }

  // Who we have said is here.
  const present = new Set();
  function greet(id, name, role) {
    if (present.has(id)) return;
    present.add(id);
    const template = role === 'support' ? peerStatus.dataset.support : peerStatus.dataset.joined;
    say(peerStatus, fill(template, name));
    const caption = peers.get(id)?.tile.querySelector('figcaption');
    if (caption && !caption.textContent) caption.textContent = name;
  }

  // One peer connection per other person in the room.
  function peer(id, name = '', announce = false) {
    let p = peers.get(id);
    if (p) {
      if (announce) p.pc.restartIce();
      return p;
    }
    const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy });
    p = { pc, polite: me < id, makingOffer: false, ignoreOffer: false, tile: tile(id, name) };
    peers.set(id, p);
    for (const track of stream.getTracks()) {
      // Someone arriving while we share the screen sees the screen.
      pc.addTrack(track.kind === 'video' && screenTrack ? screenTrack : track, stream);
    }
    pc.addEventListener('track', ({ streams }) => { p.tile.querySelector('video').srcObject = streams[0]; });
    pc.addEventListener('icecandidate', ({ candidate }) => signal(id, { candidate }));
    pc.addEventListener('negotiationneeded', async () => {
      try {
        p.makingOffer = true;
        await pc.setLocalDescription();
        signal(id, { description: pc.localDescription });
      } catch (error) {
        console.error('negotiation failed', error);
      } finally {
        p.makingOffer = false;
      }
    });
    pc.addEventListener('iceconnectionstatechange', async () => {
      if (pc.iceConnectionState === 'failed') {
        say(peerStatus, peerStatus.dataset.reconnecting);
        await refreshIce();
        pc.setConfiguration({ iceServers, iceTransportPolicy });
        pc.restartIce();
      }
    });
    return p;
  }

  function tile(id, name) {
    const figure = document.createElement('figure');
    figure.className = 'room-tile';
    figure.dataset.person = id;
    const video = document.createElement('video');
    video.className = 'room-video';
    video.autoplay = true;
    video.playsInline = true;
    const caption = document.createElement('figcaption');
    caption.textContent = name;
    figure.append(video, caption);
    $('videos').append(figure);
    return figure;
  }

  function drop(id) {
    const p = peers.get(id);
    if (!p) return;
    p.pc.close();
    p.tile.remove();
    peers.delete(id);
  }

  const signal = (to, data) => send({ type: 'signal', room: roomId, to, data: JSON.parse(JSON.stringify(data)) });

  async function onSignal(from, { description, candidate }, name = '') {
    const p = peer(from, name);
    const pc = p.pc;
    try {
      if (description) {
        const collision = description.type === 'offer' && (p.makingOffer || pc.signalingState !== 'stable');
        p.ignoreOffer = !p.polite && collision;
        if (p.ignoreOffer) return;
        await pc.setRemoteDescription(description);
        if (description.type === 'offer') {
          await pc.setLocalDescription();
          signal(from, { description: pc.localDescription });
        }
      } else if (candidate) {
        try {
          await pc.addIceCandidate(candidate);
        } catch (error) {
          if (!p.ignoreOffer) throw error;
        }
      }
    } catch (error) {
      console.error('signalling failed', error);
    }
  }

  // Controls.
  const audioTrack = () => stream?.getAudioTracks()[0];
  const videoTrack = () => stream?.getVideoTracks()[0];
  function sendMedia() {
    send({
      type: 'media', room: roomId,
      audio: audioTrack()?.enabled ?? false,
      video: videoTrack()?.enabled ?? false,
      screen: Boolean(screenTrack),
    });
  }
  // A toggle keeps its name ("Mute"); being pressed is its state.
  function toggle(button, track) {
    if (!track) return;
    track.enabled = !track.enabled;
    button.setAttribute('aria-pressed', String(!track.enabled));
    sendMedia();
  }
  $('toggle-audio').addEventListener('click', (e) => toggle(e.currentTarget, audioTrack()));
  $('toggle-video').addEventListener('click', (e) => toggle(e.currentTarget, videoTrack()));

  $('share-screen').addEventListener('click', async (e) => {
    const button = e.currentTarget;
    if (screenTrack) return stopSharing(button);
    if (!navigator.mediaDevices.getDisplayMedia) return;
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      screenTrack = display.getVideoTracks()[0];
    } catch {
      return;
    }
    replaceVideo(screenTrack);
    screenTrack.addEventListener('ended', () => stopSharing(button));
    button.setAttribute('aria-pressed', 'true');
    sendMedia();
  });
  function stopSharing(button) {
    screenTrack?.stop();
    screenTrack = null;
    replaceVideo(videoTrack());
    button.setAttribute('aria-pressed', 'false');
    sendMedia();
  }
  function replaceVideo(track) {
    for (const { pc } of peers.values()) {
      pc.getSenders().find((s) => s.track?.kind === 'video' || s.track === null)?.replaceTrack(track);
    }
  }

  $('leave').addEventListener('click', () => {
    leaving = true;
    stopRecording();
    send({ type: 'leave', room: roomId });
    for (const id of [...peers.keys()]) drop(id);
    stream?.getTracks().forEach((t) => t.stop());
    socket?.close();
    $('call').hidden = true;
    $('left-note').hidden = false;
  });

  // Chat: sent over HTTP (kept with the session), heard by everyone over the socket.
  function addChat({ id, name, body }) {
    if (seen.has(id)) return;
    seen.add(id);
    const item = document.createElement('li');
    const who = document.createElement('strong');
    who.textContent = name;
    item.append(who, `: ${body}`);
    $('chat-log').append(item);
    $('chat-log').scrollTop = $('chat-log').scrollHeight;
  }

  function post(url, body, type) {
    const headers = { 'x-csrf-token': csrf };
    if (type) headers['content-type'] = type;
    return fetch(url, { method: 'POST', body, headers, credentials: 'same-origin' })
      .catch(() => new Response(null, { status: 599 }));
  }

  // Recording with consent.
  const consentButton = $('toggle-consent');
  consentButton?.addEventListener('click', async () => {
    const given = consentButton.dataset.given !== 'true';
    const response = await post(`/sessions/${roomId}/room/consent`, new URLSearchParams({ given: String(given) }));
    if (response.ok) onRecording({ ...(await response.json()), mine: given });
  });

  function onRecording(state) {
    const mineNow = root.dataset.role === 'learner' ? state.learner : state.expert;
    if (consentButton && mineNow !== undefined) {
      consentButton.dataset.given = String(mineNow);
      consentButton.textContent = mineNow ? consentButton.dataset.withdraw : consentButton.dataset.ask;
    }
    recordingWanted = Boolean(state.on);
    $('recording-indicator').hidden = !state.on;
    say(consentStatus, state.on ? consentStatus.dataset.on : mineNow ? consentStatus.dataset.waiting : consentStatus.dataset.off);
    if (state.on) startRecording();
    else stopRecording();
  }

  let recordingWanted = false;
  let starting = false;
  async function startRecording() {
    // Both the consent answer and the room's event may ask: start once.
    if (!participant || recorder || starting || !stream || !window.MediaRecorder) return;
    const type = ['video/webm;codecs=vp8,opus', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
    if (!type) return;
    starting = true;
    const response = await post(`/sessions/${roomId}/room/recordings`);
    starting = false;
    // Withdrawn while we asked: do not start.
    if (!response.ok || !recordingWanted) return;
    const { id } = await response.json();
    const mine = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 500_000 });
    recorder = mine;
    let seq = 0;
    let uploads = Promise.resolve();
    mine.addEventListener('dataavailable', ({ data }) => {
      if (!data.size) return;
      const n = seq++;
      // In order, one at a time: the server takes only the next chunk.
      uploads = uploads.then(async () => {
        const url = `/sessions/${roomId}/room/recordings/${id}/chunks/${n}`;
        let sent = await post(url, data, 'video/webm');
        // The network blinked: try again a few times; a refusal (consent withdrawn,
        // the room closed) ends this recording.
        for (let retry = 1; sent.status === 599 && retry <= 3; retry++) {
          await new Promise((wait) => setTimeout(wait, 1000 * retry));
          sent = await post(url, data, 'video/webm');
        }
        if (!sent.ok && mine.state !== 'inactive') mine.stop();
      });
    });
    mine.addEventListener('stop', () => {
      uploads = uploads.then(() => post(`/sessions/${roomId}/room/recordings/${id}/stop`));
      if (recorder === mine) recorder = null;
    });
    mine.start(2000);
  }

  function stopRecording() {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }

  function setUpChat() {
    $('chat-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const input = $('chat-body');
      const response = await post(`/sessions/${roomId}/room/messages`, new URLSearchParams({ body: input.value }));
      $('chat-error').hidden = response.ok;
      if (response.ok) {
        addChat(await response.json());
        input.value = '';
      }
    });
  }
}
