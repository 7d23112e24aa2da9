//! Embeds `assets/` into the binary under content-hashed names (`app.3f2a9c1b0d.css`),
//! pre-compressed with brotli and gzip, so they can be cached for a year and served
//! without compressing on each request.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use sha2::{Digest, Sha256};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let assets_dir = Path::new("assets");
    println!("cargo:rerun-if-changed=assets");
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);

    let mut files: Vec<PathBuf> = fs::read_dir(assets_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();

    let mut table = String::from("pub static ASSETS: &[Asset] = &[\n");
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("asset names must be UTF-8")?
            .to_owned();
        println!("cargo:rerun-if-changed=assets/{name}");
        let raw = fs::read(&path)?;
        let digest = Sha256::digest(&raw);
        let hash: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
        let (stem, ext) = name.rsplit_once('.').ok_or("assets need an extension")?;
        let hashed = format!("{stem}.{hash}.{ext}");
        let content_type = match ext {
            "css" => "text/css; charset=utf-8",
            "js" => "text/javascript; charset=utf-8",
            "svg" => "image/svg+xml",
            "png" => "image/png",
            "ico" => "image/x-icon",
            "txt" => "text/plain; charset=utf-8",
            "webmanifest" => "application/manifest+json",
            "woff2" => "font/woff2",
            other => return Err(format!("no content type known for .{other} ({name})").into()),
        };
        let compressible = matches!(ext, "css" | "js" | "svg" | "txt" | "webmanifest" | "ico");
        let abs = fs::canonicalize(&path)?;
        let (gzip, br) = if compressible {
            let gz_path = out_dir.join(format!("{hashed}.gz"));
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&raw)?;
            fs::write(&gz_path, gz.finish()?)?;

            let br_path = out_dir.join(format!("{hashed}.br"));
            let mut br = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params)?;
            fs::write(&br_path, br)?;
            (
                format!("Some(include_bytes!({:?}))", gz_path.display().to_string()),
                format!("Some(include_bytes!({:?}))", br_path.display().to_string()),
            )
        } else {
            ("None".to_owned(), "None".to_owned())
        };
        writeln!(
            table,
            "    Asset {{ name: {name:?}, hashed_name: {hashed:?}, etag: \"\\\"{hash}\\\"\", content_type: {content_type:?}, raw: include_bytes!({abs:?}), gzip: {gzip}, br: {br} }},",
            abs = abs.display().to_string()
        )?;
    }
    table.push_str("];\n");
    fs::write(out_dir.join("assets.rs"), table)?;
    Ok(())
}
