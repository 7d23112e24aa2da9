//! Pages that are the same for every anonymous visitor (the home page, the login, sign-up
//! and forgotten-password forms) are rendered once per language and kept: this binary's
//! version never changes while it runs, and nothing on them comes from the database. A
//! request then only splices in its visitor's CSRF token, the one thing on the page that
//! is theirs.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use bytes::Bytes;

use super::shell::Shell;

/// Stands for the visitor's token while a page is rendered for keeping. Letters only, so
/// no escaping changes it.
const TOKEN_SLOT: &str = "MentoraCsrfTokenSlotQxZv";

/// At most this many pages are kept; past it (the sandbox's clock moved many times) the
/// memory starts over.
const CAPACITY: usize = 256;

/// The anonymous pages kept by this instance.
#[derive(Default)]
pub struct PageMemory {
    kept: RwLock<HashMap<Key, Arc<Spliced>>>,
}

/// What a kept page depends on besides the binary.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path: String,
    locale: &'static str,
    simulated_now: Option<String>,
    test_mode: bool,
}

/// A rendered page cut where the visitor's token goes.
struct Spliced {
    parts: Vec<Bytes>,
}

impl PageMemory {
    /// The page `render` makes for `shell`: from memory for an anonymous visitor asking
    /// for the page's own path (no query), else rendered for this request.
    pub fn page(
        &self,
        shell: &Shell,
        render: impl Fn(&Shell) -> Result<String, askama::Error>,
    ) -> Response {
        if !Self::same_for_everyone(shell) {
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
        };
        let kept = self
            .kept
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .cloned();
        let spliced = match kept {
            Some(spliced) => spliced,
            None => {
                let blank = Shell {
                    csrf: TOKEN_SLOT.to_owned(),
                    ..shell.clone()
                };
                let html = match render(&blank) {
                    Ok(html) => html,
                    Err(e) => return crate::AppError::internal(e).into_response(),
                };
                let spliced = Arc::new(Spliced {
                    parts: html
                        .split(TOKEN_SLOT)
                        .map(|part| Bytes::copy_from_slice(part.as_bytes()))
                        .collect(),
                });
                let mut kept = self.kept.write().unwrap_or_else(PoisonError::into_inner);
                if kept.len() >= CAPACITY {
                    kept.clear();
                }
                kept.insert(key, spliced.clone());
                spliced
            }
        };
        (StatusCode::OK, Html(spliced.with_token(&shell.csrf))).into_response()
    }

    /// Nothing on the page is the visitor's but their token: nobody is signed in, and the
    /// path (which the language switcher returns to) has no query of the visitor's.
    fn same_for_everyone(shell: &Shell) -> bool {
        shell.viewer_name.is_none() && !shell.path.contains('?') && !shell.csrf.is_empty()
    }
}

impl Spliced {
    /// The page with `token` in every slot, escaped as askama would have.
    fn with_token(&self, token: &str) -> Bytes {
        let token = escape(token);
        let token = token.as_str();
        let slots = self.parts.len().saturating_sub(1);
        let size = self.parts.iter().map(Bytes::len).sum::<usize>() + slots * token.len();
        let mut page = Vec::with_capacity(size);
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                page.extend_from_slice(token.as_bytes());
            }
            page.extend_from_slice(part);
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
        let spliced = Spliced {
            parts: format!("<meta content=\"{TOKEN_SLOT}\"><input value=\"{TOKEN_SLOT}\">")
                .split(TOKEN_SLOT)
                .map(|p| Bytes::copy_from_slice(p.as_bytes()))
                .collect(),
        };
        assert_eq!(
            spliced.with_token("abc_-1"),
            Bytes::from_static(b"<meta content=\"abc_-1\"><input value=\"abc_-1\">")
        );
        assert_eq!(
            spliced.with_token("\"><b>"),
            Bytes::from_static(
                b"<meta content=\"&#34;&#62;&#60;b&#62;\"><input value=\"&#34;&#62;&#60;b&#62;\">"
            )
        );
    }
}
