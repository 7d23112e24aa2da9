//! Operators editing the specialty taxonomy. Slugs come from names and never change (links
//! and filters use them); names can be corrected.

use store::logins::ClientInfo;
use store::users::User;
use store::{Database, StoreError, audit, taxonomy};

use super::{ExpertError, field};

/// Every category with its specialties, as the directory filter, the application form
/// and the operators' editor show them.
pub async fn all(db: &Database) -> Result<Vec<taxonomy::Category>, StoreError> {
    taxonomy::all(db).await
}

/// The names of those of `slugs` that are specialties (unknown slugs are left out).
pub async fn names_of(db: &Database, slugs: &[String]) -> Result<Vec<String>, StoreError> {
    Ok(taxonomy::existing(db, slugs)
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect())
}

/// The shortest specialty name, in characters.
pub const NAME_MIN_CHARS: usize = 2;
/// The longest specialty name, in characters (the operators' editor says so too).
pub const NAME_MAX_CHARS: usize = 80;

/// A specialty's name: `NAME_MIN_CHARS` to `NAME_MAX_CHARS` characters, no control
/// characters.
fn parse_name(raw: &str) -> Result<String, ExpertError> {
    let name = raw.trim();
    let length = name.chars().count();
    if !(NAME_MIN_CHARS..=NAME_MAX_CHARS).contains(&length) || name.chars().any(char::is_control) {
        return Err(ExpertError::Invalid(vec![field(
            "name",
            "specialty-name-invalid",
        )]));
    }
    Ok(name.to_owned())
}

/// Adds a specialty to `category`, its slug made from the name; audited.
pub async fn add_specialty(
    db: &Database,
    admin: &User,
    category: &str,
    name: &str,
    client: &ClientInfo,
) -> Result<(), ExpertError> {
    let name = parse_name(name)?;
    // The slug is the name in URL-safe ASCII, without the profile suffix.
    let slug = domain::expert::slug(&name, "")
        .trim_end_matches('-')
        .to_owned();
    match taxonomy::add_specialty(db, category.trim(), &slug, &name).await {
        Ok(()) => {}
        Err(StoreError::NotFound(_)) => {
            return Err(ExpertError::Invalid(vec![field(
                "category",
                "specialty-category-unknown",
            )]));
        }
        Err(StoreError::AlreadyExists(_)) => {
            return Err(ExpertError::Invalid(vec![field(
                "name",
                "specialty-exists",
            )]));
        }
        Err(e) => return Err(e.into()),
    }
    audit::record(
        db,
        audit::NewAuditEvent {
            user_id: None,
            actor_id: Some(admin.id),
            kind: "taxonomy.specialty_added",
            client,
            detail: serde_json::json!({ "slug": slug, "name": name, "category": category })
                .to_string(),
        },
    )
    .await?;
    Ok(())
}

/// Corrects a specialty's name (its slug stays) and re-indexes the experts who hold it; audited.
pub async fn rename_specialty(
    db: &Database,
    admin: &User,
    slug: &str,
    name: &str,
    client: &ClientInfo,
) -> Result<(), ExpertError> {
    let name = parse_name(name)?;
    if !taxonomy::rename_specialty(db, slug, &name).await? {
        return Err(ExpertError::NotFound);
    }
    // Experts are found by their specialties' names: search the new one.
    for expert_id in store::experts::holding_specialty(db, slug).await? {
        if let Some(expert) = store::users::find_by_id(db, expert_id).await? {
            super::application::reindex(db, &expert).await?;
        }
    }
    audit::record(
        db,
        audit::NewAuditEvent {
            user_id: None,
            actor_id: Some(admin.id),
            kind: "taxonomy.specialty_renamed",
            client,
            detail: serde_json::json!({ "slug": slug, "name": name }).to_string(),
        },
    )
    .await?;
    Ok(())
}
