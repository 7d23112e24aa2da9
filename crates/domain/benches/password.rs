#![allow(clippy::panic)] // a benchmark that cannot set up has nothing to measure
//! The cost of one password hash and one check: argon2id at the parameters Mentora uses
//! (OWASP: m = 19 MiB, t = 2, p = 1). Run with `cargo bench -p domain`.

use criterion::{Criterion, criterion_group, criterion_main};
use domain::NewPassword;

fn password(c: &mut Criterion) {
    let password =
        NewPassword::parse("correct horse battery staple").unwrap_or_else(|e| panic!("{e}"));
    let hash = password.hash().unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("argon2id");
    group.sample_size(20);
    group.bench_function("hash", |b| b.iter(|| password.hash()));
    group.bench_function("verify", |b| {
        b.iter(|| hash.verify("correct horse battery staple"))
    });
    group.finish();
    c.bench_function("totp/check", |b| {
        let key = domain::totp::TotpKey::generate();
        let code = key.code_at(1_800_000_000);
        b.iter(|| key.matching_step(&code, 1_800_000_000))
    });
}

criterion_group!(benches, password);
criterion_main!(benches);
