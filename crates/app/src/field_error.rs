//! What is wrong with one field of a form or a JSON body: every use case reports invalid
//! input this way, and the web layer shows it inline (pages) or in `errors` (API).

/// A form field and the message id explaining what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the form and in the JSON body (`email`, `weekly.mon`, …).
    pub field: &'static str,
    /// The Fluent message id that explains the problem, in the reader's language.
    pub message_id: &'static str,
}
