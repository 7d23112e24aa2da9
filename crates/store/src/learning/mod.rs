//! The learning record as stored: reviews and their marks, shared and private session
//! notes, resources, goals, and NPS answers. Notes, resources and goal links belong to a
//! session *series* (a moved session keeps them); a review belongs to the booking that
//! was completed.

pub mod goals;
pub mod notes;
pub mod nps;
pub mod resources;
pub mod reviews;
pub mod timeline;

/// A limit as SQL binds it.
fn limit(n: u64) -> sea_orm::Value {
    i64::try_from(n).unwrap_or(i64::MAX).into()
}
