#![allow(clippy::panic)] // a benchmark that cannot set up has nothing to measure
//! What an authenticated API request pays for its token: verifying the JWT (signature,
//! expiry, issuer, key lookup in the in-memory key cache). Run with `cargo bench -p app`.

use app::api_tokens::TokenKeys;
use criterion::{Criterion, criterion_group, criterion_main};

fn tokens(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let (keys, token) = runtime.block_on(async {
        let db = store::Database::connect(&url, 2)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        store::migrations::apply(&db)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let keys = TokenKeys::new(db);
        let token = keys
            .sign(uuid::Uuid::now_v7(), uuid::Uuid::now_v7())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        (keys, token)
    });
    c.bench_function("access_token/verify", |b| {
        b.iter(|| runtime.block_on(keys.verify(&token)))
    });
    c.bench_function("access_token/sign", |b| {
        b.iter(|| runtime.block_on(keys.sign(uuid::Uuid::nil(), uuid::Uuid::nil())))
    });
}

criterion_group!(benches, tokens);
criterion_main!(benches);
