//! The specialty taxonomy as pages show it (the directory's filter, the application form,
//! the operators' editor): slugs and names, so templates never read the store's rows.

use store::taxonomy::{Category, Specialty};

/// A category with its specialties, in display order.
pub(crate) struct CategoryView {
    pub slug: String,
    pub name: String,
    pub specialties: Vec<SpecialtyView>,
}

/// A specialty: its slug (filters and forms send it) and its name.
pub(crate) struct SpecialtyView {
    pub slug: String,
    pub name: String,
}

impl From<Category> for CategoryView {
    fn from(category: Category) -> Self {
        Self {
            slug: category.slug,
            name: category.name,
            specialties: category
                .specialties
                .into_iter()
                .map(SpecialtyView::from)
                .collect(),
        }
    }
}

impl From<Specialty> for SpecialtyView {
    fn from(specialty: Specialty) -> Self {
        Self {
            slug: specialty.slug,
            name: specialty.name,
        }
    }
}

/// Every category, as `app::experts::taxonomy::all` returns them, for a page.
pub(crate) fn categories(all: Vec<Category>) -> Vec<CategoryView> {
    all.into_iter().map(CategoryView::from).collect()
}
