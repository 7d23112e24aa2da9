//! Messages kept after their first lookup. Fluent negotiates the language and resolves the
//! pattern on every lookup, and a page asks for a few hundred messages: in a profile of a
//! signed-in page, message lookups were about a tenth of its time.
//!
//! - A message without placeholders never changes while the binary runs: it is kept once
//!   per process, as a `&'static str`, and each thread keeps a map of those it has used,
//!   so a lookup is one hash of the id and no allocation.
//! - A message of a page filled from arguments is kept per thread under its id and
//!   arguments, with a bound: arguments can be anything (a person's name), so past
//!   `KEPT_FILLED` in one language the thread's memory of that language starts over, and
//!   long arguments are not kept at all. Nor are links: a page never fills one in, but
//!   mail does, with one-time tokens in them, which no memory should hold.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{PoisonError, RwLock};

use crate::Locale;

/// The most messages without placeholders kept per language, should an id ever come from
/// outside the code (each is kept for the life of the process).
const KEPT_MESSAGES: usize = 8192;

/// The most filled messages a thread keeps per language before it starts over.
const KEPT_FILLED: usize = 4096;

/// Ids and arguments longer than this (in bytes, all together) are filled every time.
const KEPT_KEY_BYTES: usize = 256;

type Texts = foldhash::HashMap<Box<str>, &'static str>;
type Filled = foldhash::HashMap<Box<str>, Box<str>>;

/// Messages without placeholders, by language, each kept once for the process.
static MESSAGES: RwLock<Vec<Texts>> = RwLock::new(Vec::new());

thread_local! {
    /// This thread's copy of the entries of `MESSAGES` it has used.
    static THREAD_MESSAGES: RefCell<[Texts; Locale::ALL.len()]> = RefCell::default();
    /// Filled messages by `filled_key`, by language.
    static FILLED: RefCell<[Filled; Locale::ALL.len()]> = RefCell::default();
}

/// The message `id` of `locale`, which has no placeholders; `look_up` resolves it the
/// first time the process needs it.
pub(crate) fn text(
    locale: Locale,
    id: &str,
    look_up: impl FnOnce() -> String,
) -> Cow<'static, str> {
    // The language's place in `Locale::ALL`, which lists them in their declared order.
    let slot = locale as usize;
    if let Some(text) = THREAD_MESSAGES.with_borrow(|kept| kept[slot].get(id).copied()) {
        return Cow::Borrowed(text);
    }
    let (shared, full) = {
        let all = MESSAGES.read().unwrap_or_else(PoisonError::into_inner);
        let texts = all.get(slot);
        (
            texts.and_then(|texts| texts.get(id).copied()),
            texts.is_some_and(|texts| texts.len() >= KEPT_MESSAGES),
        )
    };
    let text = match shared {
        Some(text) => text,
        // An id from outside the code, past the bound: looked up, not kept (and without
        // the write lock, which every thread would otherwise queue for).
        None if full => return Cow::Owned(look_up()),
        None => {
            let mut all = MESSAGES.write().unwrap_or_else(PoisonError::into_inner);
            if all.is_empty() {
                all.resize_with(Locale::ALL.len(), Texts::default);
            }
            let texts = &mut all[slot];
            match texts.get(id) {
                Some(text) => text,
                // An id from outside the code, past the bound: looked up, not kept.
                None if texts.len() >= KEPT_MESSAGES => return Cow::Owned(look_up()),
                None => {
                    let text: &'static str = Box::leak(look_up().into_boxed_str());
                    texts.insert(id.into(), text);
                    text
                }
            }
        }
    };
    THREAD_MESSAGES.with_borrow_mut(|kept| kept[slot].insert(id.into(), text));
    Cow::Borrowed(text)
}

/// The message `id` of `locale` filled from `args`, as `fill` writes it; `kind` tells
/// apart ways of filling the same arguments (text or number).
pub(crate) fn filled(
    locale: Locale,
    kind: char,
    id: &str,
    args: &[(&str, &str)],
    fill: impl FnOnce() -> String,
) -> String {
    let Some(key) = filled_key(kind, id, args) else {
        return fill();
    };
    let slot = locale as usize;
    if let Some(text) =
        FILLED.with_borrow(|kept| kept[slot].get(key.as_str()).map(|t| t.to_string()))
    {
        return text;
    }
    let text = fill();
    FILLED.with_borrow_mut(|kept| {
        let kept = &mut kept[slot];
        if kept.len() >= KEPT_FILLED {
            kept.clear();
        }
        kept.insert(key.into_boxed_str(), text.as_str().into());
    });
    text
}

/// `kind`, the id and each argument's name and value, apart by a character no id, name or
/// kept value has (a value holding it is not kept); None when too long to keep.
fn filled_key(kind: char, id: &str, args: &[(&str, &str)]) -> Option<String> {
    const APART: char = '\u{0}';
    let size = 2
        + id.len()
        + args
            .iter()
            .map(|(n, v)| n.len() + v.len() + 2)
            .sum::<usize>();
    if size > KEPT_KEY_BYTES
        || id.contains(APART)
        || args.iter().any(|(_, v)| {
            v.contains(APART) || v.starts_with("http://") || v.starts_with("https://")
        })
    {
        return None;
    }
    let mut key = String::with_capacity(size);
    key.push(kind);
    key.push_str(id);
    for (name, value) in args {
        key.push(APART);
        key.push_str(name);
        key.push(APART);
        key.push_str(value);
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_looked_up_once_per_process() {
        let mut lookups = 0;
        for _ in 0..3 {
            let text = text(Locale::De, "kept-test-only-id", || {
                lookups += 1;
                "Gesehen".to_owned()
            });
            assert_eq!(text, "Gesehen");
        }
        assert_eq!(lookups, 1);
        // Another thread finds it kept by the first.
        std::thread::spawn(|| {
            let text = text(Locale::De, "kept-test-only-id", || {
                panic!("looked up again")
            });
            assert!(matches!(text, Cow::Borrowed("Gesehen")));
        })
        .join()
        .unwrap();
    }

    #[test]
    fn filled_messages_are_kept_under_their_arguments() {
        let mut fills = 0;
        let mut fill = |args: &[(&str, &str)]| {
            filled(Locale::En, 'n', "kept-test-count", args, || {
                fills += 1;
                format!("{} left", args[0].1)
            })
        };
        assert_eq!(fill(&[("count", "1")]), "1 left");
        assert_eq!(fill(&[("count", "2")]), "2 left");
        assert_eq!(fill(&[("count", "1")]), "1 left");
        assert_eq!(fills, 2);
    }

    #[test]
    fn keys_cannot_run_into_each_other() {
        assert_ne!(
            filled_key('t', "a", &[("b", "c")]),
            filled_key('t', "a", &[("b", "c"), ("", "")])
        );
        assert_ne!(
            filled_key('t', "a", &[("b", "1")]),
            filled_key('n', "a", &[("b", "1")])
        );
        assert_eq!(filled_key('t', "a", &[("b", "x\u{0}y")]), None);
        assert_eq!(filled_key('t', "a", &[("b", &"x".repeat(300))]), None);
        assert_eq!(
            filled_key('a', "a", &[("link", "https://x.test/t/secret")]),
            None
        );
    }
}
