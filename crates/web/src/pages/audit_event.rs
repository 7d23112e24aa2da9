//! An audit event's kind in plain words, for the security page and the operators' log.

use super::shell::Shell;

/// The kind in the page's language (`login.failed` → message `audit-login-failed`); a kind
/// without a message reads as its code rather than as a missing message.
pub fn name(shell: &Shell, kind: &str) -> String {
    let id = format!("audit-{}", kind.replace(['.', '_'], "-"));
    if i18n::has_message(shell.locale, &id) {
        shell.t(&id)
    } else {
        kind.to_owned()
    }
}
