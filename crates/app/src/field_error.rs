//! What is wrong with one field of a form or a JSON body: every use case reports invalid
//! input this way, and the web layer shows it inline (pages) or in `errors` (API).

/// A form field and the message id explaining what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message_id: &'static str,
}
