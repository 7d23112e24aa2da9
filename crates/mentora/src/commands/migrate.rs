//! `mentora migrate [up|status]`.

use crate::app;
use crate::config::Config;

pub async fn up(config: &Config) -> anyhow::Result<()> {
    let db = app::open_database(config).await?;
    let applied = store::migrations::apply(&db).await?;
    if applied.is_empty() {
        println!("Database is up to date.");
    } else {
        for name in &applied {
            println!("applied  {name}");
        }
        println!("Applied {} migration(s).", applied.len());
    }
    db.close().await;
    Ok(())
}

pub async fn status(config: &Config) -> anyhow::Result<()> {
    let db = app::open_database(config).await?;
    let states = store::migrations::status(&db).await?;
    let pending = states.iter().filter(|s| !s.applied).count();
    for state in &states {
        let mark = if state.applied { "applied" } else { "pending" };
        println!("{mark:8} {}", state.name);
    }
    println!(
        "{} applied, {pending} pending ({})",
        states.len() - pending,
        db.backend().as_str()
    );
    db.close().await;
    Ok(())
}
