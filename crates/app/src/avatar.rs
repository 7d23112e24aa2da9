//! Avatars: whatever image a person uploads is decoded under strict limits, cropped to a
//! square, scaled to 256×256 and re-encoded as PNG. Re-encoding drops metadata (location
//! in EXIF) and anything hiding in the file besides pixels.
//!
//! What a decode may cost is bounded before it starts: a compressed file of a few hundred
//! kilobytes can declare a huge canvas, so the declared dimensions are read from the header
//! first and checked against `MAX_SIDE` and `MAX_PIXELS`; the decoder then runs under an
//! allocation limit, and at most `CONCURRENT_DECODES` run at once in the process.
//!
//! Stored files are keyed by their owner and content together, so two people who upload
//! the same picture get two files, and replacing one's avatar never deletes the other's.

use std::io::Cursor;
use std::sync::{Arc, LazyLock};

use image::{ImageFormat, ImageReader, Limits};
use store::Database;
use store::logins::ClientInfo;
use store::users::User;
use tokio::sync::Semaphore;

use crate::accounts::AccountError;
use crate::files::FileStore;
use crate::throttle::Throttle;

/// Largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Side of the stored square, in pixels.
pub const SIDE: u32 = 256;
/// Widest and tallest image decoded.
pub const MAX_SIDE: u32 = 4096;
/// Most pixels decoded (16 megapixels: 4096×4096).
pub const MAX_PIXELS: u64 = 16 * 1024 * 1024;
/// What the decoder may allocate: a 16-megapixel image at 8 bytes a pixel (16-bit RGBA).
pub const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 8;
/// Decodes in flight at once; further uploads wait their turn instead of adding memory.
pub const CONCURRENT_DECODES: usize = 2;

static DECODES: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(CONCURRENT_DECODES)));

/// Why an uploaded photo was refused; shown inline on the profile form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AvatarError {
    /// Over `MAX_UPLOAD_BYTES`.
    #[error("the file is larger than 5 MB")]
    TooLarge,
    /// Not a PNG, JPEG, WebP or GIF by its content, or it does not decode.
    #[error("the file is not a PNG, JPEG, WebP or GIF image")]
    NotAnImage,
    /// Declares or needs more than the pixel budget allows.
    #[error("the image is larger than 4096×4096 pixels or 16 megapixels")]
    TooManyPixels,
}

/// Why an avatar was not replaced.
#[derive(Debug, thiserror::Error)]
pub enum ReplaceError {
    /// The upload is refused; the message id says why.
    #[error(transparent)]
    Refused(#[from] AvatarError),
    /// Storing the photo or updating the account failed.
    #[error(transparent)]
    Account(#[from] AccountError),
}

impl AvatarError {
    /// The Fluent message id the profile form shows for this refusal.
    pub fn message_id(self) -> &'static str {
        match self {
            AvatarError::TooLarge => "field-avatar-too-large",
            AvatarError::NotAnImage => "field-avatar-not-image",
            AvatarError::TooManyPixels => "field-avatar-too-many-pixels",
        }
    }
}

/// The uploaded bytes as a 256×256 PNG. CPU-bound: call from a blocking task.
pub fn reencode(upload: &[u8]) -> Result<Vec<u8>, AvatarError> {
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(AvatarError::TooLarge);
    }
    // The type comes from the content, never from the file name.
    let format = image::guess_format(upload).map_err(|_| AvatarError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP | ImageFormat::Gif
    ) {
        return Err(AvatarError::NotAnImage);
    }
    let (width, height) = ImageReader::with_format(Cursor::new(upload), format)
        .into_dimensions()
        .map_err(|_| AvatarError::NotAnImage)?;
    if !within_budget(width, height) {
        return Err(AvatarError::TooManyPixels);
    }
    let mut reader = ImageReader::with_format(Cursor::new(upload), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => AvatarError::TooManyPixels,
        _ => AvatarError::NotAnImage,
    })?;
    let side = image.width().min(image.height());
    // A view of the centre square, scaled straight to 8-bit RGBA: no copy of the decoded
    // canvas is made (that copy doubled the peak for the largest images).
    let square = image::imageops::crop_imm(
        &image,
        (image.width() - side) / 2,
        (image.height() - side) / 2,
        side,
        side,
    );
    let scaled =
        image::imageops::resize(&*square, SIDE, SIDE, image::imageops::FilterType::Lanczos3);
    drop(image);
    let mut out = Vec::new();
    scaled
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|_| AvatarError::NotAnImage)?;
    Ok(out)
}

fn within_budget(width: u32, height: u32) -> bool {
    width <= MAX_SIDE && height <= MAX_SIDE && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

/// The storage key of `png` as `owner`'s avatar: 32 hex digits of a digest over both, so
/// keys are never shared between accounts and a changed picture gets a new key (responses
/// may be cached for good).
pub fn key_for(owner: uuid::Uuid, png: &[u8]) -> String {
    let mut keyed = owner.as_bytes().to_vec();
    keyed.extend_from_slice(png);
    let digest = domain::SecretDigest::of_bytes(&keyed);
    format!("{}.png", digest.as_str().get(..32).unwrap_or_default())
}

/// Re-encodes an upload and makes it the person's avatar, removing their previous file.
/// Uploads count against `Limits::uploads_per_account`; decodes wait for a free slot.
pub async fn replace(
    db: &Database,
    files: &dyn FileStore,
    throttle: &Throttle,
    user: &User,
    upload: bytes::Bytes,
    client: &ClientInfo,
) -> Result<User, ReplaceError> {
    throttle
        .check(
            &format!("uploads:account:{}", user.id),
            throttle.limits.uploads_per_account,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    let turn = DECODES
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| AccountError::Internal(e.to_string()))?;
    // The permit goes with the decode: a client that gives up does not free its slot while
    // the decode it started still runs.
    let png = tokio::task::spawn_blocking(move || {
        let png = reencode(&upload);
        drop(turn);
        png
    })
    .await
    .map_err(|e| AccountError::Internal(e.to_string()))??;
    let key = key_for(user.id, &png);
    files
        .put(&format!("avatars/{key}"), png)
        .await
        .map_err(AccountError::from)?;
    let updated = crate::profile::set_avatar(db, user.id, Some(key.clone()), client).await?;
    if let Some(old) = user.avatar_key.as_ref().filter(|old| **old != key) {
        // A key from before per-owner keys may still be someone else's picture.
        match store::users::avatar_in_use(db, old).await {
            Ok(false) => {
                if let Err(e) = files.delete(&format!("avatars/{old}")).await {
                    tracing::warn!(error = %e, "removing the previous avatar failed");
                }
            }
            Ok(true) => {}
            Err(e) => tracing::warn!(error = %e, "checking the previous avatar's owners failed"),
        }
    }
    Ok(updated)
}

/// A generated avatar for `seed` (demo accounts): a symmetric 5×5 pattern in a colour
/// from the seed, as a 256×256 PNG. No network, no fonts.
pub fn generate(seed: &str) -> Vec<u8> {
    let digest = domain::SecretDigest::of_bytes(seed.as_bytes());
    let bytes: Vec<u8> = digest
        .as_str()
        .as_bytes()
        .chunks(2)
        .filter_map(|pair| std::str::from_utf8(pair).ok())
        .filter_map(|hex| u8::from_str_radix(hex, 16).ok())
        .collect();
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(128);
    let colour = image::Rgba([byte(0) / 2 + 40, byte(1) / 2 + 40, byte(2) / 2 + 60, 255]);
    let background = image::Rgba([240, 240, 245, 255]);
    let cell = SIDE / 8;
    let image = image::RgbaImage::from_fn(SIDE, SIDE, |x, y| {
        let (cx, cy) = (x / cell, y / cell);
        if !(1..7).contains(&cx) || !(1..7).contains(&cy) {
            return background;
        }
        // Mirror the left half so the pattern reads as a face-like emblem.
        let column = if cx - 1 < 3 { cx - 1 } else { 5 - (cx - 1) };
        let on = byte(3 + (column * 6 + (cy - 1)) as usize) % 2 == 0;
        if on { colour } else { background }
    });
    let mut out = Vec::new();
    let _ = image.write_to(&mut Cursor::new(&mut out), ImageFormat::Png);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 30, 90]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn any_image_becomes_a_square_png() {
        let out = reencode(&png(640, 480)).unwrap();
        let back = image::load_from_memory(&out).unwrap();
        assert_eq!((back.width(), back.height()), (SIDE, SIDE));
        assert_eq!(image::guess_format(&out).unwrap(), ImageFormat::Png);
    }

    #[test]
    fn declared_dimensions_are_checked_before_decoding() {
        // A tiny file declaring a canvas past the budget: refused from its header alone.
        assert_eq!(
            reencode(&png(MAX_SIDE + 1, 1)),
            Err(AvatarError::TooManyPixels)
        );
        assert!(within_budget(MAX_SIDE, MAX_SIDE));
        assert!(!within_budget(MAX_SIDE, MAX_SIDE + 1));
        assert!(!within_budget(1, MAX_SIDE + 1));
    }

    #[test]
    fn keys_differ_between_owners_of_the_same_picture() {
        let picture = png(8, 8);
        let (ana, ben) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        assert_ne!(key_for(ana, &picture), key_for(ben, &picture));
        assert_eq!(key_for(ana, &picture), key_for(ana, &picture));
        assert_eq!(key_for(ana, &picture).len(), 36);
    }

    #[test]
    fn disguised_and_oversized_files_are_refused() {
        assert_eq!(
            reencode(b"%PDF-1.7 not an image"),
            Err(AvatarError::NotAnImage)
        );
        let mut truncated = png(64, 64);
        truncated.truncate(40);
        assert_eq!(reencode(&truncated), Err(AvatarError::NotAnImage));
        assert_eq!(
            reencode(&vec![0u8; MAX_UPLOAD_BYTES + 1]),
            Err(AvatarError::TooLarge)
        );
    }
}
