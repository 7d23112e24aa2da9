//! One live connection, from the upgrade to the close.
//!
//! The protocol, JSON text frames both ways:
//! - the server opens with `{"type":"ready","person":"person:{id}"|null}`: a page's
//!   session cookie already made the connection its person's (same origin only);
//! - `{"type":"auth","token":"…"}` (an API client's access token, in a message so it never
//!   lands in a URL or a log) makes it the token's person; answered with `ready` again;
//! - `{"type":"subscribe","channels":["expert:{id}",…],"after":"{event id}"|null}` follows
//!   channels, answered `{"type":"subscribed","channels":[…]}` (every channel now followed);
//!   with `after`, what was missed since that event follows at once, or
//!   `{"type":"resync"}` when it is too far back to tell (reload what you show);
//! - then `{"type":"event","id","channel","kind","data"}` as things happen, and `resync`
//!   whenever this instance may have missed events itself.
//!
//! A session's room (`room:{booking}`) may be followed only by those it lets in, while it
//! is open (`app::rooms`); access is checked again at every heartbeat, and a person who
//! lost it (the room closed, the session was called off) is taken out. In it:
//! - following the room's channel enters it (a stay is recorded for attendance, and the
//!   room hears `presence`, so nobody, support staff included, listens unannounced);
//!   `{"type":"join","room":"{booking}"}` does the same for a client that followed first;
//!   `{"type":"leave","room":…}` or closing the socket leaves;
//! - `{"type":"signal","room":…,"to":"{person}","data":{…}}` passes WebRTC offers,
//!   answers and candidates to that person alone (on their own channel) as a `signal`
//!   event `{room, from, to, data}`: only the participants and anyone present in the room
//!   may be addressed, and nobody else sees the other's addresses;
//! - `{"type":"media","room":…,"audio":bool,"video":bool,"screen":bool}` tells the others
//!   what is on (a `media` event).
//!
//! A cross-site page cannot open it as its visitor: an `Origin` other than the site's own
//! is refused before the upgrade, and without an `Origin` (not a browser) the cookie is
//! ignored. The server pings every `HEARTBEAT` and closes a connection silent for two; a
//! client that cannot take events as fast as they come is closed (see `app::live`).

use std::time::{Duration, Instant};

use app::live::{Channel, Delivery, LiveEvent, Subscription};
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};
use uuid::Uuid;

use crate::extract::Client;
use crate::middleware::cookies;
use crate::middleware::viewer::{Viewer, session_cookie_name};
use crate::server::ConnectionSlot;
use crate::{AppError, AppState, ErrorCode};

/// How often the server pings; a connection that sends nothing (not even a pong) for two
/// of these is closed.
const HEARTBEAT: Duration = Duration::from_secs(25);
/// A frame the client does not take within this means it is gone or hopelessly slow.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// How often a cookie session is checked again (a logout elsewhere ends it).
const RECHECK_SESSION: Duration = Duration::from_secs(300);
/// Client messages are small (a WebRTC offer, the largest, is a few KiB); anything larger
/// is refused by the protocol layer.
const MAX_MESSAGE: usize = 32 * 1024;
/// Bytes read from the socket at a time.
const READ_BUFFER: usize = 4 * 1024;
/// Bytes of frames a client may leave unread before its socket is closed.
const MAX_UNSENT: usize = 256 * 1024;
/// The most channels one connection may follow.
const MAX_CHANNELS: usize = 32;

/// Close codes clients act on (4000–4999 are the application's own).
const CLOSE_TOO_SLOW: u16 = 4008;
const CLOSE_SIGNED_OUT: u16 = 4401;

pub async fn connect(
    State(state): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    slot: Option<Extension<ConnectionSlot>>,
    Client(client): Client,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let cookie = match origin {
        Some(origin) if state.settings.origin.is_own(origin) => {
            viewer.map(|Extension(v)| (v.user.id, session_secret(&state, &headers)))
        }
        Some(origin) => {
            tracing::warn!(%origin, "refused a live connection from another site");
            return AppError::new(ErrorCode::Forbidden).into_response();
        }
        // Not a browser: no ambient credentials; an access token authenticates.
        None => None,
    };
    let Some(admitted) = state
        .live_gate
        .admit(client.ip.as_deref().unwrap_or("unknown"))
    else {
        metrics::counter!("live_connections_refused_total").increment(1);
        return AppError::new(ErrorCode::RateLimited).into_response();
    };
    // The connection's place among `max_connections` stays taken while the socket lives.
    let slot = slot.and_then(|Extension(s)| s.take());
    upgrade
        .max_message_size(MAX_MESSAGE)
        // Client messages are small, and most sockets idle: tungstenite's 128 KiB read
        // buffer per socket would make 10,000 idle sockets cost 1.3 GB.
        .read_buffer_size(READ_BUFFER)
        // Write each frame at once, and refuse to queue more than this for a client that
        // does not read (the send then fails and the socket closes).
        .write_buffer_size(0)
        .max_write_buffer_size(MAX_UNSENT)
        .on_upgrade(move |socket| async move {
            let _held = (slot, admitted);
            Connection::new(state, cookie).run(socket).await;
        })
}

fn session_secret(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let name = session_cookie_name(state.settings.served_over_https());
    cookies::get(headers, name).map(str::to_owned)
}

#[derive(serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ClientMessage {
    Auth {
        token: String,
    },
    Subscribe {
        channels: Vec<String>,
        #[serde(default)]
        after: Option<Uuid>,
    },
    Join {
        room: Uuid,
    },
    Leave {
        room: Uuid,
    },
    Signal {
        room: Uuid,
        to: Uuid,
        data: serde_json::Value,
    },
    Media {
        room: Uuid,
        audio: bool,
        video: bool,
        #[serde(default)]
        screen: bool,
    },
}

#[derive(serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ServerMessage<'a> {
    Ready { person: Option<Channel> },
    Subscribed { channels: &'a [Channel] },
    Event(&'a LiveEvent),
    Resync,
    Error { code: &'static str, detail: String },
}

/// Who the connection is for, and until when that holds.
enum Identity {
    Anonymous,
    /// A page's session; checked again every `RECHECK_SESSION`.
    Session {
        person: Uuid,
        secret: String,
    },
    /// An access token's account, until the token expires or its login ends.
    Token {
        person: Uuid,
        expires: i64,
        login: Uuid,
    },
}

struct Connection {
    state: AppState,
    identity: Identity,
    subscription: Subscription,
    /// The rooms this connection is in: each stay, ended when the socket closes.
    stays: Vec<Stay>,
}

/// One stay in a room, as the connection keeps it.
struct Stay {
    room: Uuid,
    id: Uuid,
    user: store::users::User,
    role: &'static str,
    /// The session's learner and expert: who a signal may always be addressed to.
    participants: [Uuid; 2],
}

enum Step {
    Continue,
    Close(Option<(u16, &'static str)>),
}

impl Connection {
    fn new(state: AppState, cookie: Option<(Uuid, Option<String>)>) -> Self {
        let mut subscription = state.live.connect();
        let identity = match cookie {
            Some((person, Some(secret))) => {
                subscription.follow(Channel::Person(person));
                Identity::Session { person, secret }
            }
            _ => Identity::Anonymous,
        };
        Self {
            state,
            identity,
            subscription,
            stays: Vec::new(),
        }
    }

    fn person(&self) -> Option<Uuid> {
        match self.identity {
            Identity::Anonymous => None,
            Identity::Session { person, .. } | Identity::Token { person, .. } => Some(person),
        }
    }

    async fn run(mut self, socket: WebSocket) {
        let (mut sink, mut incoming) = socket.split();
        let ready = ServerMessage::Ready {
            person: self.person().map(Channel::Person),
        };
        if send(&mut sink, &ready).await.is_err() {
            return;
        }
        let mut heartbeat = tokio::time::interval(HEARTBEAT);
        heartbeat.tick().await;
        let mut recheck = tokio::time::interval(RECHECK_SESSION);
        recheck.tick().await;
        let mut heard = Instant::now();
        let close = loop {
            let step = tokio::select! {
                delivery = self.subscription.next() => match delivery {
                    Some(Delivery::Event(event)) => {
                        self.forward(&mut sink, &ServerMessage::Event(&event)).await
                    }
                    Some(Delivery::Resync) => self.forward(&mut sink, &ServerMessage::Resync).await,
                    None => Step::Close(Some((CLOSE_TOO_SLOW, "too slow: reconnect and catch up"))),
                },
                message = incoming.next() => match message {
                    Some(Ok(Message::Text(text))) => {
                        heard = Instant::now();
                        self.answer(&mut sink, text.as_str()).await
                    }
                    // Pings are answered by the protocol layer; any frame shows life.
                    Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Binary(_))) => {
                        heard = Instant::now();
                        Step::Continue
                    }
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => Step::Close(None),
                },
                _ = heartbeat.tick() => {
                    self.still_in_rooms().await;
                    if heard.elapsed() > HEARTBEAT * 2 {
                        Step::Close(None)
                    } else {
                        match timed(sink.send(Message::Ping(Default::default()))).await {
                            Ok(()) => Step::Continue,
                            Err(()) => Step::Close(None),
                        }
                    }
                }
                _ = recheck.tick() => self.recheck().await,
            };
            match step {
                Step::Continue => {}
                Step::Close(close) => break close,
            }
        };
        self.leave_rooms(None).await;
        if let Some((code, reason)) = close {
            let frame = CloseFrame {
                code,
                reason: Utf8Bytes::from_static(reason),
            };
            let _ = timed(sink.send(Message::Close(Some(frame)))).await;
        }
    }

    async fn forward<S>(&self, sink: &mut S, message: &ServerMessage<'_>) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        match send(sink, message).await {
            Ok(()) => Step::Continue,
            Err(()) => Step::Close(None),
        }
    }

    async fn answer<S>(&mut self, sink: &mut S, text: &str) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        let message: ClientMessage = match serde_json::from_str(text) {
            Ok(message) => message,
            Err(e) => {
                return self
                    .forward(
                        sink,
                        &ServerMessage::Error {
                            code: "bad_message",
                            detail: format!("unreadable message: {e}"),
                        },
                    )
                    .await;
            }
        };
        match message {
            ClientMessage::Auth { token } => self.authenticate(sink, &token).await,
            ClientMessage::Subscribe { channels, after } => {
                self.subscribe(sink, &channels, after).await
            }
            ClientMessage::Join { room } => self.join(sink, room).await,
            ClientMessage::Leave { room } => {
                self.leave_rooms(Some(room)).await;
                Step::Continue
            }
            ClientMessage::Signal { room, to, data } => self.signal(sink, room, to, data).await,
            ClientMessage::Media {
                room,
                audio,
                video,
                screen,
            } => {
                let data = serde_json::json!({ "audio": audio, "video": video, "screen": screen });
                self.in_room(sink, room, "media", data).await
            }
        }
    }

    async fn authenticate<S>(&mut self, sink: &mut S, token: &str) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        match crate::middleware::bearer::caller_of(&self.state, token).await {
            Ok((user, claims)) => {
                if self.person().is_some_and(|p| p != user.id) {
                    return self
                        .refuse(
                            sink,
                            "already_signed_in",
                            "this connection is someone else's",
                        )
                        .await;
                }
                self.identity = Identity::Token {
                    person: user.id,
                    expires: claims.exp,
                    login: claims.sid,
                };
                self.subscription.follow(Channel::Person(user.id));
                let ready = ServerMessage::Ready {
                    person: Some(Channel::Person(user.id)),
                };
                self.forward(sink, &ready).await
            }
            Err(code) => {
                self.refuse(sink, code.as_str(), "the access token was not accepted")
                    .await
            }
        }
    }

    async fn subscribe<S>(&mut self, sink: &mut S, channels: &[String], after: Option<Uuid>) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        for raw in channels {
            let Some(channel) = Channel::parse(raw) else {
                return self
                    .refuse(sink, "unknown_channel", &format!("no such channel: {raw}"))
                    .await;
            };
            if let Channel::Person(id) = channel
                && self.person() != Some(id)
            {
                return self
                    .refuse(sink, "forbidden", "a person's channel is theirs alone")
                    .await;
            }
            if let Channel::Room(id) = channel
                && let Err(refusal) = self.room_pass(id).await
            {
                return self.refuse(sink, refusal.0, refusal.1).await;
            }
            let entering = matches!(channel, Channel::Room(_))
                && !self.subscription.channels().contains(&channel);
            if self.subscription.channels().len() >= MAX_CHANNELS
                && !self.subscription.channels().contains(&channel)
            {
                return self
                    .refuse(sink, "too_many_channels", "follow at most 32 channels")
                    .await;
            }
            if !self.subscription.follow(channel) {
                return Step::Close(Some((CLOSE_TOO_SLOW, "too slow: reconnect and catch up")));
            }
            if let (true, Channel::Room(id)) = (entering, channel)
                && let Step::Close(c) = self.join(sink, id).await
            {
                return Step::Close(c);
            }
        }
        let subscribed = ServerMessage::Subscribed {
            channels: self.subscription.channels(),
        };
        if let Step::Close(c) = self.forward(sink, &subscribed).await {
            return Step::Close(c);
        }
        let Some(after) = after else {
            return Step::Continue;
        };
        match self.state.live.since(after, self.subscription.channels()) {
            Some(missed) => {
                for event in &missed {
                    if let Step::Close(c) = self.forward(sink, &ServerMessage::Event(event)).await {
                        return Step::Close(c);
                    }
                }
                Step::Continue
            }
            None => self.forward(sink, &ServerMessage::Resync).await,
        }
    }

    async fn refuse<S>(&self, sink: &mut S, code: &'static str, detail: &str) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        let error = ServerMessage::Error {
            code,
            detail: detail.to_owned(),
        };
        self.forward(sink, &error).await
    }

    /// Ends the connection once its person signed out or its token ran out.
    async fn recheck(&self) -> Step {
        let live = match &self.identity {
            Identity::Anonymous => true,
            Identity::Token {
                person,
                expires,
                login,
            } => {
                self.state.clock().now().as_second() < *expires
                    && self.token_login_is_live(*person, *login).await
            }
            Identity::Session { secret, .. } => {
                match app::login::signed_in(&self.state.db, secret).await {
                    Ok(found) => found.is_some(),
                    // The database is away: keep the connection; check again later.
                    Err(_) => true,
                }
            }
        };
        if live {
            Step::Continue
        } else {
            Step::Close(Some((CLOSE_SIGNED_OUT, "signed out")))
        }
    }
}

/// Rooms: entering, passing signals, leaving.
impl Connection {
    /// The pass of this connection's person into the room of booking `id`, open now; the
    /// error code and words otherwise.
    async fn room_pass(
        &self,
        id: Uuid,
    ) -> Result<(app::rooms::RoomPass, store::users::User), (&'static str, &'static str)> {
        let Some(person) = self.person() else {
            return Err(("forbidden", "sign in to enter a room"));
        };
        let user = match app::accounts::by_id(&self.state.db, person).await {
            Ok(Some(user)) => user,
            _ => return Err(("forbidden", "sign in to enter a room")),
        };
        let pass = app::rooms::pass(&self.state.db, &user, id)
            .await
            .map_err(|_| ("not_found", "no such room"))?;
        pass.require_open(self.state.clock().now())
            .map_err(|_| ("room_closed", "the room is not open now"))?;
        Ok((pass, user))
    }

    async fn join<S>(&mut self, sink: &mut S, room: Uuid) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        if !self.subscription.channels().contains(&Channel::Room(room)) {
            return self
                .refuse(sink, "not_subscribed", "subscribe to the room first")
                .await;
        }
        if self.stays.iter().any(|s| s.room == room) {
            return Step::Continue;
        }
        let (pass, user) = match self.room_pass(room).await {
            Ok(found) => found,
            Err((code, detail)) => return self.refuse(sink, code, detail).await,
        };
        let now = self.state.clock().now();
        match app::rooms::attendance::join(&self.state.db, &self.state.live, &pass, &user, now)
            .await
        {
            Ok(id) => {
                self.stays.push(Stay {
                    room,
                    id,
                    user,
                    role: pass.role.as_str(),
                    participants: [pass.booking.row.learner_id, pass.booking.row.expert_id],
                });
                Step::Continue
            }
            Err(e) => {
                tracing::warn!(error = %e, %room, "entering a room failed");
                self.refuse(sink, "room_unavailable", "the room could not be entered")
                    .await
            }
        }
    }

    /// Passes a WebRTC signal to `to` alone: a participant of the session, or someone
    /// present in its room now.
    async fn signal<S>(&self, sink: &mut S, room: Uuid, to: Uuid, data: serde_json::Value) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        let Some(stay) = self.stays.iter().find(|s| s.room == room) else {
            return self
                .refuse(sink, "not_in_room", "join the room first")
                .await;
        };
        let present = stay.participants.contains(&to)
            || app::rooms::attendance::is_present(&self.state.db, room, to)
                .await
                .unwrap_or(false);
        if !present {
            return self
                .refuse(sink, "not_in_room", "that person is not in this room")
                .await;
        }
        let event = serde_json::json!({
            "room": room,
            "from": stay.user.id,
            "name": stay.user.display_name,
            "role": stay.role,
            "to": to,
            "data": data,
        });
        self.state
            .live
            .publish(Channel::Person(to), "signal", event)
            .await;
        Step::Continue
    }

    /// Passes `kind` with `data` (and who sent it) to the room this connection is in.
    async fn in_room<S>(
        &self,
        sink: &mut S,
        room: Uuid,
        kind: &str,
        data: serde_json::Value,
    ) -> Step
    where
        S: futures::Sink<Message> + Unpin,
    {
        let Some(stay) = self.stays.iter().find(|s| s.room == room) else {
            return self
                .refuse(sink, "not_in_room", "join the room first")
                .await;
        };
        let mut data = data;
        if let Some(fields) = data.as_object_mut() {
            fields.insert("from".to_owned(), serde_json::json!(stay.user.id));
            fields.insert("name".to_owned(), serde_json::json!(stay.user.display_name));
            fields.insert("role".to_owned(), serde_json::json!(stay.role));
        }
        self.state
            .live
            .publish(Channel::Room(room), kind, data)
            .await;
        Step::Continue
    }

    /// Ends this connection's stay in `room` (every room when None).
    async fn leave_rooms(&mut self, room: Option<Uuid>) {
        let now = self.state.clock().now();
        let (leaving, staying): (Vec<Stay>, Vec<Stay>) = std::mem::take(&mut self.stays)
            .into_iter()
            .partition(|s| room.is_none_or(|r| r == s.room));
        self.stays = staying;
        for stay in leaving {
            let left = app::rooms::attendance::leave(
                &self.state.db,
                &self.state.live,
                stay.room,
                stay.id,
                &stay.user,
                stay.role,
                now,
            )
            .await;
            if let Err(e) = left {
                tracing::warn!(error = %e, room = %stay.room, "recording a leave failed");
            }
        }
    }

    /// Checks each followed room again: a person who may no longer be in it (the room
    /// closed, the session was called off, support lost the permission) is taken out;
    /// the others' stays are marked as still going.
    async fn still_in_rooms(&mut self) {
        let rooms: Vec<Uuid> = self
            .subscription
            .channels()
            .iter()
            .filter_map(|c| match c {
                Channel::Room(id) => Some(*id),
                _ => None,
            })
            .collect();
        for room in rooms {
            if self.room_pass(room).await.is_err() {
                self.leave_rooms(Some(room)).await;
                self.subscription.unfollow(Channel::Room(room));
            }
        }
        let now = self.state.clock().now();
        for stay in &self.stays {
            if let Err(e) = app::rooms::attendance::seen(&self.state.db, stay.id, now).await {
                tracing::warn!(error = %e, room = %stay.room, "marking a stay failed");
            }
        }
    }
}

impl Connection {
    /// Whether the token's login still stands (a logout, password or role change ends
    /// it); kept when the database cannot say.
    async fn token_login_is_live(&self, person: Uuid, login: Uuid) -> bool {
        match app::accounts::by_id(&self.state.db, person).await {
            Ok(Some(user)) => self
                .state
                .tokens
                .login_is_live(&user, login)
                .await
                .unwrap_or(true),
            Ok(None) => false,
            Err(_) => true,
        }
    }
}

async fn send<S>(sink: &mut S, message: &ServerMessage<'_>) -> Result<(), ()>
where
    S: futures::Sink<Message> + Unpin,
{
    let text = serde_json::to_string(message).map_err(|_| ())?;
    timed(sink.send(Message::Text(text.into()))).await
}

async fn timed<F, E>(send: F) -> Result<(), ()>
where
    F: std::future::Future<Output = Result<(), E>>,
{
    match tokio::time::timeout(SEND_TIMEOUT, send).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}
