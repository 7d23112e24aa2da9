//! Reading multipart uploads: small text fields, and one file.

use std::collections::HashMap;

use axum::extract::Multipart;

use crate::{AppError, ErrorCode};

/// A multipart body: its text fields and, when sent, the file in `file_field`.
pub struct Upload {
    pub fields: HashMap<String, String>,
    /// The name the browser gave the file, and its bytes.
    pub file: Option<(String, Vec<u8>)>,
}

impl Upload {
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

/// Reads every part; text fields are kept up to 1 KB each. A body over the route's limit
/// is a 413, a broken one a 400.
pub async fn read(mut multipart: Multipart, file_field: &str) -> Result<Upload, AppError> {
    let mut upload = Upload {
        fields: HashMap::new(),
        file: None,
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(part)) => {
                let name = part.name().unwrap_or_default().to_owned();
                if name == file_field {
                    let file_name = part.file_name().unwrap_or_default().to_owned();
                    let bytes = part
                        .bytes()
                        .await
                        .map_err(|_| AppError::new(ErrorCode::PayloadTooLarge))?;
                    upload.file = Some((file_name, bytes.to_vec()));
                } else {
                    let text = part.text().await.map_err(|e| {
                        AppError::new(ErrorCode::BadRequest).with_arg("problem", e.body_text())
                    })?;
                    // The one kind of body `middleware/text_input.rs` cannot see into.
                    if text.contains('\0') {
                        return Err(AppError::new(ErrorCode::ControlCharacter));
                    }
                    upload
                        .fields
                        .insert(name, text.chars().take(1024).collect());
                }
            }
            Ok(None) => return Ok(upload),
            Err(e) => {
                return Err(AppError::new(ErrorCode::BadRequest).with_arg("problem", e.body_text()));
            }
        }
    }
}
