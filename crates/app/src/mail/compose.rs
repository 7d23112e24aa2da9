//! From an [`Email`] to a MIME message: `multipart/alternative` (plain text, then HTML made
//! from the same text), inside `multipart/mixed` with the invite as `invite.ics` when a
//! session is involved; `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058) on
//! non-essential mail.
//!
//! Addresses are parsed, never pasted: a recipient, sender or reply-to that is not one
//! plain address (a second address, a display name smuggling a header, a line break)
//! is refused, so no header or recipient can be injected through them. Subjects are
//! encoded by lettre, which folds and escapes them.

use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};

use super::{Email, MailError};

/// The envelope every message goes out with.
#[derive(Debug, Clone)]
pub struct Sender {
    /// `From`: `Mentora <hello@mentora.example>`.
    pub from: Mailbox,
    /// `Reply-To`, when replies should go elsewhere.
    pub reply_to: Option<Mailbox>,
}

/// Reads one mailbox (`name <addr>` or `addr`), refusing anything that could carry a
/// second recipient or a header.
pub fn mailbox(raw: &str) -> Result<Mailbox, String> {
    if raw.chars().any(|c| c.is_control()) || raw.contains(',') || raw.contains(';') {
        return Err(format!("not one plain address: {raw:?}"));
    }
    raw.trim()
        .parse::<Mailbox>()
        .map_err(|e| format!("not an address: {raw:?} ({e})"))
}

/// The MIME message for `email` from `sender`.
pub fn compose(sender: &Sender, email: &Email) -> Result<Message, MailError> {
    let refuse = |reason: String| MailError {
        to: email.to.clone(),
        reason,
    };
    let to = mailbox(&email.to).map_err(refuse)?;
    let mut builder = Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(email.subject.replace(['\r', '\n'], " "));
    if let Some(reply_to) = &sender.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    if let Some(link) = &email.unsubscribe {
        if link.chars().any(|c| c.is_control() || c == '>' || c == '<') {
            return Err(refuse(format!("unsubscribe link not usable: {link:?}")));
        }
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{link}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    let body = MultiPart::alternative()
        .singlepart(SinglePart::plain(email.text.clone()))
        .singlepart(SinglePart::html(html_of(email)));
    let message =
        match &email.calendar {
            Some(ics) => {
                let calendar = ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
                    .map_err(|e| refuse(e.to_string()))?;
                builder.multipart(MultiPart::mixed().multipart(body).singlepart(
                    Attachment::new("invite.ics".to_owned()).body(ics.clone(), calendar),
                ))
            }
            None => builder.multipart(body),
        };
    message.map_err(|e| refuse(e.to_string()))
}

/// The HTML part: the plain text's paragraphs, escaped, links made clickable, in the
/// recipient's language and direction, with the unsubscribe link at the foot.
pub fn html_of(email: &Email) -> String {
    let lang = email.lang.as_deref().unwrap_or("en");
    let dir = if lang == "ar" { "rtl" } else { "ltr" };
    let locale = i18n::Locale::from_tag(lang).unwrap_or(i18n::Locale::En);
    let mut html = format!(
        "<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{}</title></head><body style=\"font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem\">",
        escape(&email.subject.replace(['\r', '\n'], " "))
    );
    for paragraph in email.text.split("\n\n") {
        html.push_str("<p>");
        let lines: Vec<String> = paragraph.lines().map(linkify).collect();
        html.push_str(&lines.join("<br>"));
        html.push_str("</p>");
    }
    if let Some(link) = email
        .unsubscribe_page
        .as_ref()
        .or(email.unsubscribe.as_ref())
    {
        html.push_str(&format!(
            "<p style=\"font-size:small;color:#555\"><a href=\"{}\">{}</a></p>",
            escape(link),
            escape(&locale.t("email-unsubscribe-link"))
        ));
    }
    html.push_str("</body></html>");
    html
}

fn linkify(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            if word.starts_with("https://") || word.starts_with("http://") {
                let href = escape(word.trim_end_matches(['.', ',', ')']));
                let tail = escape(&word[word.trim_end_matches(['.', ',', ')']).len()..]);
                format!("<a href=\"{href}\">{href}</a>{tail}")
            } else {
                escape(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sender() -> Sender {
        Sender {
            from: mailbox("Mentora <hello@mentora.test>").unwrap_or_else(|e| panic!("{e}")),
            reply_to: None,
        }
    }

    #[test]
    fn one_plain_address_is_all_a_recipient_can_be() {
        for bad in [
            "a@example.org\r\nBcc: evil@example.org",
            "a@example.org, evil@example.org",
            "a@example.org; evil@example.org",
            "\"Ann\nBcc: evil@example.org\" <a@example.org>",
            "not an address",
        ] {
            let email = Email {
                to: bad.into(),
                subject: "Hi".into(),
                text: "Hello".into(),
                ..Email::default()
            };
            assert!(compose(&sender(), &email).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_subject_cannot_start_a_header() {
        let email = Email {
            to: "a@example.org".into(),
            subject: "Hi\r\nBcc: evil@example.org".into(),
            text: "Hello".into(),
            ..Email::default()
        };
        let message = compose(&sender(), &email).unwrap_or_else(|e| panic!("{e}"));
        let raw = String::from_utf8_lossy(&message.formatted()).to_string();
        let headers = raw.split("\r\n\r\n").next().unwrap_or_default();
        assert!(!headers.contains("\r\nBcc:"), "{headers}");
        assert!(
            headers.contains("Subject: Hi  Bcc: evil@example.org"),
            "{headers}"
        );
    }

    #[test]
    fn html_escapes_the_text_and_links_urls() {
        let email = Email {
            to: "a@example.org".into(),
            subject: "<b>".into(),
            text: "Hi <script>\n\nSee https://mentora.test/bookings/1.".into(),
            lang: Some("ar".into()),
            ..Email::default()
        };
        let html = html_of(&email);
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<a href=\"https://mentora.test/bookings/1\">"));
        assert!(html.contains("dir=\"rtl\""));
    }
}
