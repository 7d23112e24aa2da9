//! Field errors as forms show them: translated, beside their field.

use app::FieldError;

use super::shell::Shell;

/// A field's error, translated, for templates.
#[derive(Debug, Clone)]
pub struct ShownError {
    pub field: &'static str,
    pub message: String,
}

pub(crate) fn shown(shell: &Shell, errors: &[FieldError]) -> Vec<ShownError> {
    errors
        .iter()
        .map(|e| ShownError {
            field: e.field,
            message: shell.t(e.message_id),
        })
        .collect()
}
