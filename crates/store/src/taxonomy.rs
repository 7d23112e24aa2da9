//! The specialty taxonomy: categories, each with its specialties, in the order operators
//! set. Experts pick specialties; the directory filters by them.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::{specialty, specialty_category};
use crate::{Database, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Specialty {
    pub slug: String,
    pub name: String,
    pub category_slug: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub specialties: Vec<Specialty>,
}

/// Every category with its specialties, in display order.
pub async fn all(db: &Database) -> Result<Vec<Category>, StoreError> {
    let categories = specialty_category::Entity::find()
        .order_by_asc(specialty_category::Column::Position)
        .order_by_asc(specialty_category::Column::Slug)
        .all(db.conn())
        .await?;
    let specialties = specialty::Entity::find()
        .order_by_asc(specialty::Column::Position)
        .order_by_asc(specialty::Column::Slug)
        .all(db.conn())
        .await?;
    Ok(categories
        .into_iter()
        .map(|c| Category {
            specialties: specialties
                .iter()
                .filter(|s| s.category_slug == c.slug)
                .map(to_specialty)
                .collect(),
            slug: c.slug,
            name: c.name,
        })
        .collect())
}

/// The specialties among `slugs` that exist.
pub async fn existing(db: &Database, slugs: &[String]) -> Result<Vec<Specialty>, StoreError> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    Ok(specialty::Entity::find()
        .filter(specialty::Column::Slug.is_in(slugs.iter().cloned()))
        .all(db.conn())
        .await?
        .iter()
        .map(to_specialty)
        .collect())
}

/// Adds a category at the end. Fails with `AlreadyExists` when the slug is taken.
pub async fn add_category(db: &Database, slug: &str, name: &str) -> Result<(), StoreError> {
    let position = specialty_category::Entity::find()
        .all(db.conn())
        .await?
        .len();
    specialty_category::ActiveModel {
        slug: Set(slug.to_owned()),
        name: Set(name.to_owned()),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
    }
    .insert(db.conn())
    .await
    .map_err(|e| StoreError::unique_as(e, "a category with this slug"))?;
    Ok(())
}

/// Adds a specialty at the end of its category. Fails with `AlreadyExists` when the slug
/// is taken, and with `NotFound` when the category does not exist.
pub async fn add_specialty(
    db: &Database,
    category_slug: &str,
    slug: &str,
    name: &str,
) -> Result<(), StoreError> {
    if specialty_category::Entity::find_by_id(category_slug.to_owned())
        .one(db.conn())
        .await?
        .is_none()
    {
        return Err(StoreError::NotFound("category"));
    }
    let position = specialty::Entity::find()
        .filter(specialty::Column::CategorySlug.eq(category_slug))
        .all(db.conn())
        .await?
        .len();
    specialty::ActiveModel {
        slug: Set(slug.to_owned()),
        category_slug: Set(category_slug.to_owned()),
        name: Set(name.to_owned()),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
    }
    .insert(db.conn())
    .await
    .map_err(|e| StoreError::unique_as(e, "a specialty with this slug"))?;
    Ok(())
}

/// Renames a specialty (its slug, which links and filters use, stays). False when none.
pub async fn rename_specialty(db: &Database, slug: &str, name: &str) -> Result<bool, StoreError> {
    let updated = specialty::Entity::update_many()
        .col_expr(
            specialty::Column::Name,
            sea_orm::sea_query::Expr::value(name),
        )
        .filter(specialty::Column::Slug.eq(slug))
        .exec(db.conn())
        .await?;
    Ok(updated.rows_affected == 1)
}

fn to_specialty(m: &specialty::Model) -> Specialty {
    Specialty {
        slug: m.slug.clone(),
        name: m.name.clone(),
        category_slug: m.category_slug.clone(),
    }
}
