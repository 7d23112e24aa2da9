//! Pages whose body is the same for everyone (the home page, the login, sign-up and
//! forgotten-password forms) are rendered once per language and header and kept: this
//! binary's version never changes while it runs, and nothing in their bodies comes from
//! the database. A request then only splices in what is the visitor's own: their CSRF
//! token and, signed in, their name in the header.
//!
//! A signed-in header also differs by the viewer's roles (the links it offers) and unread
//! count (the badge's number, hidden at zero, and the link's label), so those are part of
//! what a page is kept under: a handful of headers per language, not one per person.
//! Headers with more than `KEPT_UNREAD` unread are rendered per request, and signed-in
//! pages are kept apart from anonymous ones, so no mix of viewers can push the anonymous
//! pages out.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use bytes::Bytes;

use super::shell::Shell;

/// Stand for the visitor's token and name while a page is rendered for keeping. Letters
/// only, so no escaping changes them.
const TOKEN_SLOT: &str = "MentoraCsrfTokenSlotQxZv";
const NAME_SLOT: &str = "MentoraViewerNameSlotQxZv";

/// At most this many pages are kept of each kind, anonymous or signed in; past it (the
/// sandbox's clock moved many times) that kind starts over.
const CAPACITY: usize = 256;

/// Signed-in headers with at most this many unread notifications are kept (4 paths × 4
/// languages × 4 role mixes × 4 counts = 256).
const KEPT_UNREAD: u64 = 3;

/// The pages kept by this instance.
#[derive(Default)]
pub struct PageMemory {
    anonymous: RwLock<HashMap<Key, Arc<Spliced>>>,
    signed_in: RwLock<HashMap<Key, Arc<Spliced>>>,
}

/// What a kept page depends on besides the binary.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path: String,
    locale: &'static str,
    simulated_now: Option<String>,
    test_mode: bool,
    /// None for an anonymous visitor.
    header: Option<SignedInHeader>,
}

/// What a signed-in header shows besides the viewer's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SignedInHeader {
    admin: bool,
    expert: bool,
    unread: u64,
}

/// A rendered page cut where the visitor's own words go: `parts` with a hole between
/// each two.
struct Spliced {
    parts: Vec<Bytes>,
    holes: Vec<Hole>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hole {
    Token,
    Name,
}

impl PageMemory {
    /// The page `render` makes for `shell`: from memory for a visitor asking for the
    /// page's own path (no query), else rendered for this request.
    pub fn page(
        &self,
        shell: &Shell,
        render: impl Fn(&Shell) -> Result<String, askama::Error>,
    ) -> Response {
        if !Self::keepable(shell) {
            return match render(shell) {
                Ok(html) => (StatusCode::OK, Html(html)).into_response(),
                Err(e) => crate::AppError::internal(e).into_response(),
            };
        }
        let key = Key {
            path: shell.path.clone(),
            locale: shell.locale.tag(),
            simulated_now: shell.simulated_now.clone(),
            test_mode: shell.test_mode,
            header: shell.viewer_name.as_ref().map(|_| SignedInHeader {
                admin: shell.viewer_is_admin,
                expert: shell.viewer_is_expert,
                unread: shell.unread,
            }),
        };
        let memory = match key.header {
            None => &self.anonymous,
            Some(_) => &self.signed_in,
        };
        let kept = memory
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .cloned();
        let spliced = match kept {
            Some(spliced) => spliced,
            None => {
                let blank = Shell {
                    csrf: TOKEN_SLOT.to_owned(),
                    viewer_name: shell.viewer_name.as_ref().map(|_| NAME_SLOT.to_owned()),
                    ..shell.clone()
                };
                let html = match render(&blank) {
                    Ok(html) => html,
                    Err(e) => return crate::AppError::internal(e).into_response(),
                };
                let spliced = Arc::new(Spliced::cut(&html));
                let mut kept = memory.write().unwrap_or_else(PoisonError::into_inner);
                if kept.len() >= CAPACITY {
                    kept.clear();
                }
                kept.insert(key, spliced.clone());
                spliced
            }
        };
        let name = shell.viewer_name.as_deref().unwrap_or_default();
        (StatusCode::OK, Html(spliced.fill(&shell.csrf, name))).into_response()
    }

    /// Nothing on the page is the visitor's but their token and name: the path (which the
    /// language switcher returns to) has no query of the visitor's, and there is a token.
    /// A header with many unread is rare enough to render.
    fn keepable(shell: &Shell) -> bool {
        !shell.path.contains('?')
            && !shell.csrf.is_empty()
            && (shell.viewer_name.is_none() || shell.unread <= KEPT_UNREAD)
    }
}

impl Spliced {
    /// `html` cut at every slot.
    fn cut(html: &str) -> Self {
        let mut parts = Vec::new();
        let mut holes = Vec::new();
        let mut rest = html;
        loop {
            let next = [(TOKEN_SLOT, Hole::Token), (NAME_SLOT, Hole::Name)]
                .into_iter()
                .filter_map(|(slot, hole)| rest.find(slot).map(|at| (at, slot, hole)))
                .min_by_key(|(at, _, _)| *at);
            let Some((at, slot, hole)) = next else { break };
            parts.push(Bytes::copy_from_slice(&rest.as_bytes()[..at]));
            holes.push(hole);
            rest = &rest[at + slot.len()..];
        }
        parts.push(Bytes::copy_from_slice(rest.as_bytes()));
        Self { parts, holes }
    }

    /// The page with `token` and `name` in their holes, escaped as askama would have.
    fn fill(&self, token: &str, name: &str) -> Bytes {
        let (token, name) = (escape(token), escape(name));
        let filling = |hole: &Hole| match hole {
            Hole::Token => token.as_bytes(),
            Hole::Name => name.as_bytes(),
        };
        let size = self.parts.iter().map(Bytes::len).sum::<usize>()
            + self.holes.iter().map(|h| filling(h).len()).sum::<usize>();
        let mut page = Vec::with_capacity(size);
        for (part, hole) in self
            .parts
            .iter()
            .zip(self.holes.iter().map(Some).chain([None]))
        {
            page.extend_from_slice(part);
            if let Some(hole) = hole {
                page.extend_from_slice(filling(hole));
            }
        }
        Bytes::from(page)
    }
}

/// `text` escaped as the templates escape what they write.
fn escape(text: &str) -> String {
    let Ok(escaped) = askama::filters::escape(text, askama::filters::Html);
    escaped.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_goes_wherever_the_slot_was() {
        let spliced = Spliced::cut(&format!(
            "<meta content=\"{TOKEN_SLOT}\"><input value=\"{TOKEN_SLOT}\">"
        ));
        assert_eq!(
            spliced.fill("abc_-1", ""),
            Bytes::from_static(b"<meta content=\"abc_-1\"><input value=\"abc_-1\">")
        );
        assert_eq!(
            spliced.fill("\"><b>", ""),
            Bytes::from_static(
                b"<meta content=\"&#34;&#62;&#60;b&#62;\"><input value=\"&#34;&#62;&#60;b&#62;\">"
            )
        );
    }

    fn shell(name: Option<&str>, unread: u64) -> Shell {
        Shell {
            locale: i18n::Locale::En,
            path: "/".into(),
            viewer_name: name.map(str::to_owned),
            viewer_is_admin: false,
            viewer_is_expert: false,
            csrf: format!("token-of-{}", name.unwrap_or("anonymous")),
            simulated_now: None,
            test_mode: false,
            unread,
        }
    }

    async fn body(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[tokio::test]
    async fn a_signed_in_page_is_rendered_once_per_header() {
        let memory = PageMemory::default();
        let renders = std::sync::atomic::AtomicUsize::new(0);
        let render = |shell: &Shell| {
            renders.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(format!(
                "{}|{}|{}",
                shell.viewer_name.as_deref().unwrap_or("-"),
                shell.unread,
                shell.csrf
            ))
        };
        let page = |name, unread| memory.page(&shell(name, unread), render);
        assert_eq!(body(page(Some("Ana"), 0)).await, "Ana|0|token-of-Ana");
        assert_eq!(body(page(Some("Ben"), 0)).await, "Ben|0|token-of-Ben");
        assert_eq!(
            renders.load(std::sync::atomic::Ordering::Relaxed),
            1,
            "kept"
        );
        assert_eq!(body(page(Some("Ana"), 2)).await, "Ana|2|token-of-Ana");
        assert_eq!(
            renders.load(std::sync::atomic::Ordering::Relaxed),
            2,
            "its own count"
        );
        assert_eq!(body(page(None, 0)).await, "-|0|token-of-anonymous");
        assert_eq!(renders.load(std::sync::atomic::Ordering::Relaxed), 3);
        // Past `KEPT_UNREAD`, rendered every time.
        page(Some("Ana"), 9);
        page(Some("Ana"), 9);
        assert_eq!(renders.load(std::sync::atomic::Ordering::Relaxed), 5);
    }

    #[test]
    fn the_name_goes_where_its_slot_was_escaped() {
        let spliced = Spliced::cut(&format!(
            "{NAME_SLOT}<a>Signed in as {NAME_SLOT}</a><input value=\"{TOKEN_SLOT}\">"
        ));
        assert_eq!(
            spliced.fill("t0k", "Ana <b>&"),
            Bytes::from_static(
                b"Ana &#60;b&#62;&#38;<a>Signed in as Ana &#60;b&#62;&#38;</a><input value=\"t0k\">"
            )
        );
        assert_eq!(Spliced::cut("no slots").fill("t", "n"), "no slots");
    }
}
