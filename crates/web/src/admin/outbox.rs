//! The dev outbox, for administrators: every email Mentora would have sent.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use store::outbox::OutboxMessage;

use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState};

const SHOWN: u64 = 50;

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage<'a> {
    shell: &'a Shell,
    messages: Vec<MessageView>,
}

/// One email as the outbox shows it: the calendar invite that went with it is not shown.
struct MessageView {
    to: String,
    subject: String,
    /// The body as text and links, so the outbox's links can be followed.
    pieces: Vec<Piece>,
    at: Shown,
}

/// A run of a message's text: plain, or a link (`http://` or `https://`) to follow.
struct Piece {
    text: String,
    link: bool,
}

impl MessageView {
    fn of(message: OutboxMessage, shell: &Shell) -> Self {
        Self {
            at: Shown::second(shell.locale, &message.created_at),
            to: message.to,
            subject: message.subject,
            pieces: pieces(&message.text),
        }
    }
}

/// Splits `text` around its links. A link runs to the next space; a full stop, comma or
/// closing bracket at its end belongs to the sentence, not the address.
fn pieces(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        plain.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        let link = after[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        if !plain.is_empty() {
            out.push(Piece {
                text: std::mem::take(&mut plain),
                link: false,
            });
        }
        out.push(Piece {
            text: link.to_owned(),
            link: true,
        });
        rest = &after[link.len()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Piece {
            text: plain,
            link: false,
        });
    }
    out
}

/// Access (`users.manage`) is enforced where the route is registered.
pub async fn show(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    let messages = app::mail::outbox(&state.db, SHOWN).await?;
    Ok(render(
        OutboxPage {
            shell: &shell,
            messages: messages
                .into_iter()
                .map(|m| MessageView::of(m, &shell))
                .collect(),
        },
        StatusCode::OK,
    ))
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn links_in_a_message_are_followable_and_the_sentence_keeps_its_full_stop() {
        let shown: Vec<(String, bool)> = pieces(
            "Open http://localhost:8080/verify-email?token=abc&next=%2Fx.\nThen (https://a.example/b), done",
        )
        .into_iter()
        .map(|p| (p.text, p.link))
        .collect();
        let expected = [
            ("Open ", false),
            (
                "http://localhost:8080/verify-email?token=abc&next=%2Fx",
                true,
            ),
            (".\nThen (", false),
            ("https://a.example/b", true),
            ("), done", false),
        ];
        let expected: Vec<(String, bool)> = expected
            .iter()
            .map(|(t, l)| ((*t).to_owned(), *l))
            .collect();
        assert_eq!(shown, expected);
        assert!(pieces("no links").iter().all(|p| !p.link));
    }
}
