//! Email over SMTP (lettre, rustls): a pooled connection to the configured relay.

use std::time::Duration;

use futures::future::BoxFuture;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::compose::{Sender, compose, mailbox};
use super::{Email, MailError, Mailer};

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain text (a relay on the same host or private network only).
    None,
    /// Plain text upgraded with STARTTLS, which the relay must offer (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Implicit,
}

impl TlsMode {
    /// Reads `none`, `starttls` or `tls`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "none" => Some(Self::None),
            "starttls" => Some(Self::StartTls),
            "tls" => Some(Self::Implicit),
            _ => None,
        }
    }
}

/// Where and how to send.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    /// The relay's host name (also the name its certificate must carry).
    pub host: String,
    /// The relay's port (587 for STARTTLS, 465 for implicit TLS, 25 on a local relay).
    pub port: u16,
    /// How the connection is protected.
    pub tls: TlsMode,
    /// User name and password, when the relay wants them.
    pub credentials: Option<(String, String)>,
    /// `From`, such as `Mentora <hello@mentora.example>`.
    pub from: String,
    /// `Reply-To`, when replies should go elsewhere.
    pub reply_to: Option<String>,
}

/// Sends through an SMTP relay.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    sender: Sender,
}

/// A relay that accepts nothing for this long is treated as down (the job retries).
const TIMEOUT: Duration = Duration::from_secs(20);

impl SmtpMailer {
    /// A mailer for `settings`; fails on a sender address or TLS setup that cannot work.
    pub fn new(settings: &SmtpSettings) -> Result<Self, String> {
        let sender = Sender {
            from: mailbox(&settings.from)?,
            reply_to: settings.reply_to.as_deref().map(mailbox).transpose()?,
        };
        let tls = |host: &str| {
            TlsParameters::new(host.to_owned()).map_err(|e| format!("TLS for {host}: {e}"))
        };
        let tls = match settings.tls {
            TlsMode::None => Tls::None,
            TlsMode::StartTls => Tls::Required(tls(&settings.host)?),
            TlsMode::Implicit => Tls::Wrapper(tls(&settings.host)?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            .port(settings.port)
            .tls(tls)
            .timeout(Some(TIMEOUT));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self {
            transport: builder.build(),
            sender,
        })
    }
}

impl Mailer for SmtpMailer {
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        Box::pin(async move {
            let message = compose(&self.sender, &email)?;
            self.transport
                .send(message)
                .await
                .map(|_| tracing::info!(subject = %email.subject, "email handed to the SMTP relay"))
                .map_err(|e| MailError {
                    to: email.to.clone(),
                    reason: e.to_string(),
                })
        })
    }
}
