//! Email over SMTP against a real SMTP server (`aiosmtpd` from PyPI, storing what it
//! accepts), each message read back by Python's own mail parser and the invite by the
//! third-party `icalendar`: headers, both parts in the recipient's language, times in
//! their zone, the invite, and the one-click unsubscribe of non-essential mail.
//!
//! Skipped when `aiosmtpd` or `icalendar` is missing, unless `MENTORA_REQUIRE_SERVICES=1`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{at, expert, hold_body, learner, pay, post_hold, rules};
use crate::testkit::{Backend, TestApp, eventually, free_port, python_peer, send};

/// An SMTP server on a free port, writing each message to a folder; stopped with the test.
struct SmtpSink {
    port: u16,
    folder: tempfile::TempDir,
    child: Child,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/smtp")
        .join(name)
}

impl SmtpSink {
    async fn start() -> Option<SmtpSink> {
        if !python_peer("aiosmtpd, icalendar") {
            return None;
        }
        let port = free_port();
        let folder = tempfile::tempdir().unwrap();
        let mut child = Command::new("python3")
            .arg(fixture("sink.py"))
            .arg(folder.path())
            .arg(port.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let first = tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
                .map(|_| line)
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(first.trim(), "ready");
        Some(SmtpSink {
            port,
            folder,
            child,
        })
    }

    /// The stored messages, oldest first, each read by `read.py`, with its recipients.
    fn messages(&self) -> Vec<(Vec<String>, Value)> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.folder.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|eml| {
                let out = Command::new("python3")
                    .arg(fixture("read.py"))
                    .arg(&eml)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let rcpt = std::fs::read_to_string(eml.with_extension("rcpt")).unwrap();
                (
                    rcpt.lines().map(str::to_owned).collect(),
                    serde_json::from_slice(&out.stdout).unwrap(),
                )
            })
            .collect()
    }

    async fn wait_for(&self, count: usize) -> Vec<(Vec<String>, Value)> {
        eventually(&format!("{count} messages at the SMTP server"), || async {
            self.messages().len() >= count
        })
        .await;
        self.messages()
    }
}

fn part<'a>(message: &'a Value, kind: &str) -> &'a str {
    message["parts"]
        .as_array()
        .and_then(|parts| parts.iter().find(|p| p["type"] == kind))
        .and_then(|p| p["text"].as_str())
        .unwrap_or_else(|| panic!("no {kind} part: {message}"))
}

/// A confirmation goes over SMTP to both sides, each in their language with the time in
/// their zone, as plain text and HTML with the invite; it is essential, so it has no
/// unsubscribe header. A proposal is not: its header's one-click link turns that email
/// off, and the next proposal email is not sent.
#[tokio::test]
async fn session_email_goes_over_smtp_in_each_persons_language_with_the_invite() {
    let Some(sink) = SmtpSink::start().await else {
        return;
    };
    let port = sink.port;
    let Some(app) = TestApp::builder(Backend::Sqlite)
        .configure(move |c| {
            c.smtp = Some(app::mail::SmtpSettings {
                host: "127.0.0.1".into(),
                port,
                tls: app::mail::TlsMode::None,
                credentials: None,
                from: "Mentora <hello@mentora.test>".into(),
                reply_to: Some("help@mentora.test".into()),
            });
        })
        .spawn()
        .await
    else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    store::users::update_profile(
        &app.db,
        lea.id,
        store::users::ProfileChanges {
            locale: Some("es".into()),
            time_zone: Some("America/Mexico_City".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let start = at(3, 16, 0);
    let held = post_hold(&app, &lea_token, &hold_body(&ana, &start), None).await;
    assert_eq!(held.status, 201, "{held}");
    let id = held.json["id"].as_str().unwrap().to_owned();
    assert_eq!(pay(&app, &lea_token, &id, "succeed").await.status, 200);

    let messages = sink.wait_for(2).await;
    let (rcpt, to_lea) = messages
        .iter()
        .find(|(rcpt, _)| rcpt == &["lea@example.org".to_owned()])
        .unwrap_or_else(|| panic!("nothing for Lea: {messages:?}"));
    assert_eq!(rcpt, &["lea@example.org".to_owned()], "one recipient, hers");
    let headers = &to_lea["headers"];
    assert_eq!(headers["from"], "Mentora <hello@mentora.test>");
    assert_eq!(headers["reply-to"], "help@mentora.test");
    assert_eq!(headers["to"], "lea@example.org");
    assert!(
        headers["subject"].as_str().unwrap().contains("confirmada"),
        "{headers}"
    );
    assert!(
        headers.get("list-unsubscribe").is_none(),
        "a confirmation is essential"
    );
    assert_eq!(to_lea["content_type"], "multipart/mixed");
    let text = part(to_lea, "text/plain");
    let html = part(to_lea, "text/html");
    // 16:00 UTC is 10:00 in Mexico City (no DST there).
    assert!(
        text.contains("10:00") && text.contains("America/Mexico_City"),
        "{text}"
    );
    assert!(
        html.contains("lang=\"es\"") && html.contains("10:00"),
        "{html}"
    );
    assert!(
        html.contains(&format!("href=\"{}/bookings/{id}\"", app.origin())),
        "{html}"
    );
    let invite = &to_lea["invite"];
    assert_eq!(invite["method"], "REQUEST");
    assert!(
        invite["start"].as_str().unwrap().starts_with(&start[..16]),
        "{invite}"
    );

    // A proposal is not essential: it carries a one-click unsubscribe.
    let proposed = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &ana_token,
        Some(json!({"start": at(3, 17, 0)})),
    )
    .await;
    assert_eq!(proposed.status, 202, "{proposed}");
    app.run_jobs().await;
    let messages = sink.wait_for(3).await;
    let (_, proposal) = messages.last().unwrap();
    let link = proposal["headers"]["list-unsubscribe"]
        .as_str()
        .unwrap_or_else(|| panic!("no List-Unsubscribe: {proposal}"));
    assert_eq!(
        proposal["headers"]["list-unsubscribe-post"],
        "List-Unsubscribe=One-Click"
    );
    let url = link.trim_start_matches('<').trim_end_matches('>');
    assert!(
        url.contains("/api/v1/notifications/unsubscribe?token="),
        "{url}"
    );
    assert!(
        part(proposal, "text/html").contains("/notifications/unsubscribe?token="),
        "the footer links the confirmation page"
    );
    let one_click = reqwest::Client::new()
        .post(url.replace(&app.origin(), &app.url))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), 204);
    let prefs = send(
        &app,
        Method::GET,
        "/api/v1/notifications/preferences",
        &lea_token,
        None,
    )
    .await;
    let bookings = prefs.json["preferences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == "bookings")
        .unwrap()
        .clone();
    assert_eq!(bookings["email"], false, "{prefs}");
    assert_eq!(bookings["in_app"], true, "the centre keeps it");
}
