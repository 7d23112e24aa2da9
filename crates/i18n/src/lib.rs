//! Languages: Fluent messages compiled into the binary, and choosing the locale of a request.
//!
//! Choice order: the `mentora_locale` cookie (the person's explicit choice) >
//! `Accept-Language` > English. Anything unknown falls back to English, never an error.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

mod format;
mod kept;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Isolation marks go in by hand (see `Locale::t_args`): Fluent's own would also
        // wrap links, which then stop being links in an email.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that remembers a person's language choice.
pub const LOCALE_COOKIE: &str = "mentora_locale";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Es,
    De,
    Ar,
}

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");
static DE: LanguageIdentifier = langid!("de");
static AR: LanguageIdentifier = langid!("ar");

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Es, Locale::De, Locale::Ar];

    /// BCP 47 tag, as used in `<html lang>` and the cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::De => "de",
            Locale::Ar => "ar",
        }
    }

    /// Text direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            Locale::En | Locale::Es | Locale::De => "ltr",
        }
    }

    /// The language's name in itself ("Español" whatever the page's language), for the
    /// language switcher: looked up in the language's own messages.
    pub fn native_name(self) -> String {
        self.t("language-native-name")
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::En => &EN,
            Locale::Es => &ES,
            Locale::De => &DE,
            Locale::Ar => &AR,
        }
    }

    /// The message `id` in this language (English when this language lacks it), for a
    /// message without placeholders: kept after its first lookup (`kept`).
    pub fn text(self, id: &str) -> Cow<'static, str> {
        kept::text(self, id, || LOCALES.lookup(self.langid(), id))
    }

    /// `text`, owned.
    pub fn t(self, id: &str) -> String {
        self.text(id).into_owned()
    }

    /// The message `id` with its placeholders filled from `args`.
    ///
    /// On right-to-left pages each filled-in text is wrapped in isolation marks (FSI…PDI),
    /// so "10:00–10:30", a price or an English name keeps its own direction instead of
    /// being reordered by the Arabic around it. Numbers (which choose plural forms) and
    /// links (which must stay followable in an email) go in bare; left-to-right pages get
    /// no marks at all, which would only add invisible characters to attributes and JSON.
    pub fn t_args(self, id: &str, args: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), self.isolated(value(v))))
            .collect();
        LOCALES.lookup_with_args(self.langid(), id, &args)
    }

    /// `t_args` for pages: kept per thread under its arguments (`kept`). Not for mail,
    /// whose arguments carry one-time links.
    pub fn t_args_kept(self, id: &str, args: &[(&'static str, String)]) -> String {
        let named: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        kept::filled(self, 'a', id, &named, || self.t_args(id, args))
    }

    /// The message `id` with its one placeholder `name` filled with `text`, which is
    /// always text, never a number: a person's name "2024" is a name, isolated on
    /// right-to-left pages like any other.
    pub fn t_text(self, id: &str, name: &'static str, text: &str) -> String {
        let value = self.isolated(FluentValue::from(text.to_owned()));
        let args = HashMap::from([(Cow::Borrowed(name), value)]);
        LOCALES.lookup_with_args(self.langid(), id, &args)
    }

    /// `t_text` for pages: kept per thread under its argument (`kept`).
    pub fn t_text_kept(self, id: &str, name: &'static str, text: &str) -> String {
        kept::filled(self, 't', id, &[(name, text)], || {
            self.t_text(id, name, text)
        })
    }

    /// `value` as this page's direction writes it (see `t_args`).
    fn isolated(self, value: FluentValue<'static>) -> FluentValue<'static> {
        match value {
            FluentValue::String(text)
                if self.dir() == "rtl"
                    && !text.starts_with("http://")
                    && !text.starts_with("https://") =>
            {
                FluentValue::from(format!("\u{2068}{text}\u{2069}"))
            }
            other => other,
        }
    }
}

/// An argument as Fluent sees it: a whole number (written without leading zeros) is a
/// number, so plural variants (`[one]`, `[few]`, …) select on it; anything else is text,
/// shown exactly as given.
fn value(text: &str) -> FluentValue<'static> {
    let whole = !text.is_empty()
        && text.len() <= 15
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<i64>() {
        Ok(n) if whole => FluentValue::from(n),
        _ => FluentValue::from(text.to_owned()),
    }
}

/// Picks the locale for a request from its cookie value and `Accept-Language` header.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = cookie.and_then(Locale::from_tag) {
        return locale;
    }
    let Some(header) = accept_language else {
        return Locale::En;
    };
    let mut ranges: Vec<(f32, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0 && !tag.is_empty()).then_some((q, i, tag))
        })
        .collect();
    // Highest quality first; equal qualities keep the order the browser sent.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges
        .into_iter()
        .find_map(|(_, _, tag)| Locale::from_tag(tag))
        .unwrap_or(Locale::En)
}

const SOURCES: [(Locale, &str); 40] = [
    (Locale::En, include_str!("../locales/en/main.ftl")),
    (Locale::En, include_str!("../locales/en/experts.ftl")),
    (Locale::En, include_str!("../locales/en/scheduling.ftl")),
    (Locale::En, include_str!("../locales/en/bookings.ftl")),
    (Locale::En, include_str!("../locales/en/safety.ftl")),
    (Locale::En, include_str!("../locales/en/payouts.ftl")),
    (Locale::En, include_str!("../locales/en/notifications.ftl")),
    (Locale::En, include_str!("../locales/en/rooms.ftl")),
    (Locale::En, include_str!("../locales/en/learning.ftl")),
    (Locale::En, include_str!("../locales/en/calendars.ftl")),
    (Locale::Es, include_str!("../locales/es/main.ftl")),
    (Locale::Es, include_str!("../locales/es/experts.ftl")),
    (Locale::Es, include_str!("../locales/es/scheduling.ftl")),
    (Locale::Es, include_str!("../locales/es/bookings.ftl")),
    (Locale::Es, include_str!("../locales/es/safety.ftl")),
    (Locale::Es, include_str!("../locales/es/payouts.ftl")),
    (Locale::Es, include_str!("../locales/es/notifications.ftl")),
    (Locale::Es, include_str!("../locales/es/rooms.ftl")),
    (Locale::Es, include_str!("../locales/es/learning.ftl")),
    (Locale::Es, include_str!("../locales/es/calendars.ftl")),
    (Locale::De, include_str!("../locales/de/main.ftl")),
    (Locale::De, include_str!("../locales/de/experts.ftl")),
    (Locale::De, include_str!("../locales/de/scheduling.ftl")),
    (Locale::De, include_str!("../locales/de/bookings.ftl")),
    (Locale::De, include_str!("../locales/de/safety.ftl")),
    (Locale::De, include_str!("../locales/de/payouts.ftl")),
    (Locale::De, include_str!("../locales/de/notifications.ftl")),
    (Locale::De, include_str!("../locales/de/rooms.ftl")),
    (Locale::De, include_str!("../locales/de/learning.ftl")),
    (Locale::De, include_str!("../locales/de/calendars.ftl")),
    (Locale::Ar, include_str!("../locales/ar/main.ftl")),
    (Locale::Ar, include_str!("../locales/ar/experts.ftl")),
    (Locale::Ar, include_str!("../locales/ar/scheduling.ftl")),
    (Locale::Ar, include_str!("../locales/ar/bookings.ftl")),
    (Locale::Ar, include_str!("../locales/ar/safety.ftl")),
    (Locale::Ar, include_str!("../locales/ar/payouts.ftl")),
    (Locale::Ar, include_str!("../locales/ar/notifications.ftl")),
    (Locale::Ar, include_str!("../locales/ar/rooms.ftl")),
    (Locale::Ar, include_str!("../locales/ar/learning.ftl")),
    (Locale::Ar, include_str!("../locales/ar/calendars.ftl")),
];

/// The message ids one language's file defines (not counting fallbacks).
pub fn message_ids(locale: Locale) -> Vec<&'static str> {
    SOURCES
        .iter()
        .filter(|(l, _)| *l == locale)
        .flat_map(|(_, src)| src.lines())
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let starts_ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            (starts_ok && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then_some(id)
        })
        .collect()
}

pub fn has_message(locale: Locale, id: &str) -> bool {
    message_ids(locale).contains(&id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_beats_header_and_unknowns_fall_back_to_english() {
        assert_eq!(negotiate(Some("es"), Some("ar")), Locale::Es);
        assert_eq!(negotiate(Some("klingon"), Some("ar-EG")), Locale::Ar);
        assert_eq!(negotiate(None, Some("fr-FR, de;q=0.8")), Locale::De);
        assert_eq!(negotiate(None, Some("fr-FR, nl;q=0.8")), Locale::En);
        assert_eq!(negotiate(None, None), Locale::En);
        assert_eq!(negotiate(None, Some(";;;,q=")), Locale::En);
    }

    #[test]
    fn whole_numbers_select_plural_variants_and_other_text_stays_as_given() {
        let count = |n: &str| Locale::En.t_args("reviews-count", &[("count", n.to_owned())]);
        let strip = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(strip(count("1")), "1 review");
        assert_eq!(strip(count("2")), "2 reviews");
        assert_eq!(strip(count("1000")), "1000 reviews");
        // Not whole numbers as written: shown unchanged (and never "one").
        assert_eq!(strip(count("01")), "01 reviews");
        assert_eq!(strip(count("4.5")), "4.5 reviews");
    }

    #[test]
    fn accept_language_quality_is_respected() {
        assert_eq!(negotiate(None, Some("en;q=0.5, es-MX;q=0.9")), Locale::Es);
        assert_eq!(negotiate(None, Some("fr, ar;q=0.1, es;q=0")), Locale::Ar);
        assert_eq!(negotiate(None, Some("de-AT, es, en")), Locale::De);
        assert_eq!(negotiate(None, Some("fr, es, en")), Locale::Es);
    }

    /// Every language has every message English has, and none English lacks: nobody
    /// reads an English sentence on a Spanish, German or Arabic page.
    #[test]
    fn every_locale_has_exactly_the_messages_english_has() {
        let en = message_ids(Locale::En);
        assert!(en.len() > 40, "the English file looks empty");
        for locale in Locale::ALL {
            let ids = message_ids(locale);
            let missing: Vec<_> = en.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !en.contains(id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{} missing {missing:?}, extra {extra:?}",
                locale.tag()
            );
        }
    }

    /// Every file under `dir` (templates, sources), however deep.
    fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files_under(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_message_a_template_or_the_code_names_exists_in_english() {
        let en = message_ids(Locale::En);
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut files = Vec::new();
        for dir in ["web/templates", "web/src", "app/src"] {
            files_under(&std::path::Path::new(root).join(dir), &mut files);
        }
        assert!(
            files.len() > 100,
            "the scan found the templates and sources"
        );
        let mut missing = Vec::new();
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for piece in text
                .split(".t(\"")
                .skip(1)
                .chain(text.split(".t_args(\"").skip(1))
                .chain(text.split(".t1(\"").skip(1))
            {
                if let Some((id, _)) = piece.split_once('"')
                    && !en.contains(&id)
                {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "unknown messages: {missing:?}");
    }

    #[test]
    fn each_language_names_itself_in_its_own_file() {
        for locale in Locale::ALL {
            assert!(
                has_message(locale, "language-native-name"),
                "{}",
                locale.tag()
            );
        }
        assert_eq!(Locale::Ar.native_name(), "العربية");
        assert_eq!(Locale::Es.native_name(), "Español");
    }

    #[test]
    fn right_to_left_pages_isolate_each_filled_in_text_but_not_numbers_or_links() {
        let when = [("when", "Mon, Dec 7, 2026, 10:00 AM".to_owned())];
        let ar = Locale::Ar.t_args("calendars-next-read", &when);
        assert!(
            ar.contains("\u{2068}Mon, Dec 7, 2026, 10:00 AM\u{2069}"),
            "{ar:?}"
        );
        // Left-to-right pages get the value bare.
        assert!(
            !Locale::En
                .t_args("calendars-next-read", &when)
                .contains('\u{2068}')
        );
        assert!(
            !Locale::De
                .t_args("calendars-next-read", &when)
                .contains('\u{2068}')
        );
        // A number still picks its plural form; a link stays a link in an email.
        let minutes = Locale::Ar.t_args("minutes-short", &[("count", "30".to_owned())]);
        assert_eq!(minutes, "30 د");
        let link = "https://mentora.test/verify?token=abc";
        let body = Locale::Ar.t_args(
            "email-verify-body",
            &[("name", "Lena".to_owned()), ("link", link.to_owned())],
        );
        assert!(body.contains(&format!("\n{link}\n")), "{body:?}");
        assert!(body.contains("\u{2068}Lena\u{2069}"), "{body:?}");
    }

    #[test]
    fn placeholders_are_filled() {
        let text = Locale::En.t_args("error-request-id", &[("id", "abc-123".into())]);
        assert!(text.contains("abc-123"), "{text}");
    }

    #[test]
    fn a_name_of_digits_is_text() {
        assert_eq!(
            Locale::Ar.t_text("signed-in-as", "name", "2024"),
            "مسجّل الدخول باسم \u{2068}2024\u{2069}"
        );
        assert_eq!(
            Locale::Ar.t_text("signed-in-as", "name", "Lena"),
            Locale::Ar.t_args("signed-in-as", &[("name", "Lena".into())])
        );
    }

    #[test]
    fn a_kept_message_is_what_fluent_says() {
        for locale in Locale::ALL {
            let fresh = LOCALES.lookup(locale.langid(), "nav-log-in");
            assert_eq!(locale.t("nav-log-in"), fresh);
            assert_eq!(locale.t("nav-log-in"), fresh, "{locale:?}, kept");
        }
        assert_ne!(Locale::Es.t("nav-log-in"), Locale::En.t("nav-log-in"));
    }

    #[test]
    fn each_language_keeps_its_messages_in_its_own_place() {
        for (place, locale) in Locale::ALL.into_iter().enumerate() {
            assert_eq!(locale as usize, place, "{locale:?}");
        }
    }
}
