//! Avatars: whatever image a person uploads is decoded under strict limits, cropped to a
//! square, scaled to 256×256 and re-encoded as PNG. Re-encoding drops metadata (location
//! in EXIF) and anything hiding in the file besides pixels.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};

/// Largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Side of the stored square, in pixels.
pub const SIDE: u32 = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AvatarError {
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("the file is not a PNG, JPEG, WebP or GIF image")]
    NotAnImage,
    #[error("the image is larger than 8000×8000 pixels")]
    TooManyPixels,
}

impl AvatarError {
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
    let mut reader = ImageReader::with_format(Cursor::new(upload), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(8000);
    limits.max_image_height = Some(8000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => AvatarError::TooManyPixels,
        _ => AvatarError::NotAnImage,
    })?;
    let side = image.width().min(image.height());
    let square = image.crop_imm(
        (image.width() - side) / 2,
        (image.height() - side) / 2,
        side,
        side,
    );
    let scaled = square.resize_exact(SIDE, SIDE, image::imageops::FilterType::Lanczos3);
    let mut out = Vec::new();
    scaled
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|_| AvatarError::NotAnImage)?;
    Ok(out)
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
