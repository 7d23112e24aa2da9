//! `mentora backup --to DIR|FILE.tar` and `mentora restore --from DIR|FILE.tar`.

use std::path::Path;

use crate::backup::{self, Report};
use crate::config::Config;

pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<()> {
    let report = backup::backup(config, to).await?;
    println!(
        "Backed up the {} database (schema: {} migrations) and {} files, {} bytes, to {}",
        report.backend,
        report.migrations,
        report.files,
        report.bytes,
        report.location.display()
    );
    Ok(())
}

pub async fn restore(config: &Config, from: &Path) -> anyhow::Result<()> {
    let Report {
        backend,
        migrations,
        files,
        ..
    } = backup::restore(config, from).await?;
    println!(
        "Restored the {backend} database (schema: {migrations} migrations) and {files} files \
         from {}. Start the server as usual; it applies any newer migrations.",
        from.display()
    );
    Ok(())
}
