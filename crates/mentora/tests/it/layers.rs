//! The layers hold: checks over the source that fail the build when a shortcut creeps
//! back (see ARCHITECTURE.md).

/// Below the binary, time is only ever read through `Clock` (the system clock's one read
/// is `domain::clock::SystemClock`), record ids included. Monotonic `Instant`s for cache
/// ages and rate windows are durations, not times of day, and stay.
#[test]
fn nothing_below_the_binary_reads_the_system_time() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut offenders = Vec::new();
    for krate in ["domain", "store", "app", "payments", "web"] {
        visit(&root.join(krate).join("src"), &mut |path, text| {
            if path.ends_with("domain/src/clock.rs") {
                return;
            }
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if [
                    "Utc::now",
                    "Local::now",
                    "Timestamp::now(",
                    "Zoned::now(",
                    "SystemTime::now(",
                    // UUIDv7 carries the time it was made: record ids come from the
                    // clock (`Database::new_id`); other ids are random (v4).
                    "now_v7",
                ]
                .iter()
                .any(|call| code.contains(call))
                {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        });
    }
    assert!(
        offenders.is_empty(),
        "read the time through the injected Clock instead:\n{}",
        offenders.join("\n")
    );
}

/// One instant type above the database (ADR 0006): chrono lives only inside the store,
/// where sea-orm's columns need it, so the domain, the use cases and the web layer
/// neither depend on it nor name it.
#[test]
fn chrono_stays_inside_the_store() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut offenders = Vec::new();
    for krate in ["domain", "app", "web"] {
        let manifest = std::fs::read_to_string(root.join(krate).join("Cargo.toml"))
            .unwrap_or_else(|e| panic!("{krate}/Cargo.toml: {e}"));
        if manifest
            .lines()
            .any(|l| l.trim_start().starts_with("chrono"))
        {
            offenders.push(format!("{krate}/Cargo.toml depends on chrono"));
        }
        visit(&root.join(krate).join("src"), &mut |path, text| {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if code.contains("chrono::") || code.contains("use chrono") {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        });
    }
    assert!(
        offenders.is_empty(),
        "use jiff::Timestamp / jiff::SignedDuration (store::instant converts):\n{}",
        offenders.join("\n")
    );
}

/// Every transaction in the store that writes begins with `Database::begin_write`, which
/// takes SQLite's write lock at `BEGIN`: a deferred transaction that reads, then writes
/// after another commit, fails at once with "database is locked" (see
/// `experts::racing_edits_of_an_application_all_land`).
#[test]
fn store_transactions_take_the_write_lock_as_they_begin() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut offenders = Vec::new();
    visit(&root.join("store").join("src"), &mut |path, text| {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(".begin()") || code.contains(".transaction(") {
                offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    });
    assert!(
        offenders.is_empty(),
        "begin with db.begin_write():\n{}",
        offenders.join("\n")
    );
}

/// Web handlers call use cases (`app`), never a repository: what a page shows and what
/// the API answers come from the same function, and rules are not re-derived in a
/// handler. Store *types* pass through (converted into view models for templates).
#[test]
fn the_web_layer_calls_no_repository() {
    let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
    let mut offenders = Vec::new();
    visit(&web, &mut |path, text| {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if repository_calls(code).next().is_some() || imports_a_repository(code) {
                offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    });
    assert!(
        offenders.is_empty(),
        "call a use case in app instead:\n{}",
        offenders.join("\n")
    );
}

/// The modules of `store::module::function(` calls in `code`.
fn repository_calls(code: &str) -> impl Iterator<Item = &str> {
    let word = |c: char| c.is_ascii_lowercase() || c == '_';
    code.match_indices("store::").filter_map(move |(at, _)| {
        let rest = &code[at + "store::".len()..];
        let module_end = rest.find(|c: char| !word(c))?;
        let (module, rest) = rest.split_at(module_end);
        let rest = rest.strip_prefix("::")?;
        let function_end = rest.find(|c: char| !word(c))?;
        (function_end > 0 && rest[function_end..].starts_with('(')).then_some(module)
    })
}

/// Whether `code` imports a store module itself (`use store::users;`,
/// `use store::{users, …}`, `use store::users::{self, …}`), to call it unqualified.
fn imports_a_repository(code: &str) -> bool {
    let Some(path) = code.trim().strip_prefix("use store::") else {
        return false;
    };
    let path = path.trim_end_matches(';');
    let lowercase = |name: &str| name.starts_with(|c: char| c.is_ascii_lowercase());
    if let Some(names) = path.strip_prefix('{') {
        // Modules are lowercase; types (`Database`, `StoreError`) are not.
        return names
            .trim_end_matches('}')
            .split(',')
            .map(str::trim)
            .any(|name| lowercase(name) && !name.contains("::") && name != "instant");
    }
    path.contains("{self") || (lowercase(path) && !path.contains("::"))
}

#[test]
fn repository_calls_are_told_from_types() {
    let found: Vec<&str> =
        repository_calls("let u = store::users::find_by_id(&db, id); let t: store::users::User;")
            .collect();
    assert_eq!(found, ["users"]);
    assert_eq!(
        repository_calls("use store::taxonomy::Category;").count(),
        0
    );
    assert!(imports_a_repository("use store::users;"));
    assert!(imports_a_repository("use store::{Database, users};"));
    assert!(imports_a_repository(
        "use store::logins::{self, ClientInfo};"
    ));
    assert!(!imports_a_repository("use store::logins::ClientInfo;"));
    assert!(!imports_a_repository("use store::{Database, StoreError};"));
}

fn visit(dir: &std::path::Path, check: &mut dyn FnMut(&std::path::Path, &str)) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, check);
        } else if path.extension().is_some_and(|e| e == "rs") {
            check(&path, &std::fs::read_to_string(&path).unwrap());
        }
    }
}
