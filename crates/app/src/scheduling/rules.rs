//! An expert's own availability rules: reading them (or sensible starting rules) and
//! replacing them, after which slots and the directory reflect the change at once.

use crate::live::AvailabilityChange;
use domain::schedule::{Availability, AvailabilityInput};
use store::Database;
use store::users::User;

use super::document::RulesDocument;
use super::schedule::stored_rules;
use super::{ScheduleCache, SchedulingError};
use crate::FieldError;

/// The caller's rules as a document, and whether they were ever saved.
#[derive(Debug, Clone)]
pub struct OwnRules {
    /// The rules as the editor and the API show them.
    pub document: RulesDocument,
    /// False while the expert has never saved rules (the document holds starting settings).
    pub saved: bool,
    /// Session lengths the expert has a price for (the ones rules may offer).
    pub priced_durations: Vec<i32>,
}

/// The caller's rules, or starting rules in their account's zone.
pub async fn own(db: &Database, user: &User) -> Result<OwnRules, SchedulingError> {
    let profile = store::experts::find(db, user.id)
        .await?
        .ok_or(SchedulingError::NoExpertProfile)?;
    let priced: Vec<i32> = profile.rates.iter().map(|(m, _)| *m).collect();
    let (document, saved) = match store::availability::rules(db, user.id).await? {
        Some(json) => {
            let rules = stored_rules(&json, &profile)?;
            (RulesDocument::from_input(&rules.to_input()), true)
        }
        None => {
            let durations = priced.iter().map(|d| i64::from(*d)).collect();
            let start = AvailabilityInput::starting(&user.time_zone, durations);
            (RulesDocument::from_input(&start), false)
        }
    };
    Ok(OwnRules {
        document,
        saved,
        priced_durations: priced,
    })
}

/// Checks and stores new rules (all problems reported at once, nothing stored on any),
/// then tells every instance and refreshes the directory's first free slot.
pub async fn replace(
    db: &Database,
    cache: &ScheduleCache,
    user: &User,
    document: &RulesDocument,
) -> Result<Availability, SchedulingError> {
    let profile = store::experts::find(db, user.id)
        .await?
        .ok_or(SchedulingError::NoExpertProfile)?;
    let priced: Vec<i32> = profile.rates.iter().map(|(m, _)| *m).collect();
    let rules = Availability::parse(&document.to_input(&priced), &priced).map_err(|problems| {
        SchedulingError::Invalid(
            problems
                .into_iter()
                .map(|p| FieldError {
                    field: p.field,
                    message_id: p.code,
                })
                .collect(),
        )
    })?;
    let normalised = RulesDocument::from_input(&rules.to_input());
    let json =
        serde_json::to_string(&normalised).map_err(|e| SchedulingError::Internal(e.to_string()))?;
    store::availability::save_rules(db, user.id, &json).await?;
    cache
        .changed(user.id, AvailabilityChange::RulesChanged)
        .await;
    refresh_after_commit(db, cache, user.id).await;
    Ok(rules)
}

/// Replaces the busy times one calendar reported for the expert (the seam calendar sync
/// writes through), then tells every instance.
pub async fn replace_busy_times(
    db: &Database,
    cache: &ScheduleCache,
    expert: uuid::Uuid,
    source: &str,
    intervals: &[(jiff::Timestamp, jiff::Timestamp)],
) -> Result<(), SchedulingError> {
    store::availability::replace_busy_times(db, expert, source, intervals).await?;
    cache
        .changed(expert, AvailabilityChange::RulesChanged)
        .await;
    refresh_after_commit(db, cache, expert).await;
    Ok(())
}

/// Tells every instance that the expert's busy times changed (written elsewhere, in a
/// transaction of the caller's), and refreshes their first free slot.
pub async fn busy_times_changed(db: &Database, cache: &ScheduleCache, expert: uuid::Uuid) {
    cache
        .changed(expert, AvailabilityChange::RulesChanged)
        .await;
    refresh_after_commit(db, cache, expert).await;
}

/// The directory's first free slot, after a change is committed. A failure here is logged,
/// not returned: the change itself is saved, and the periodic sweep catches up.
async fn refresh_after_commit(db: &Database, cache: &ScheduleCache, expert: uuid::Uuid) {
    if let Err(e) = super::next_available::refresh(db, cache, expert).await {
        tracing::error!(error = %e, %expert, "refreshing the first free slot failed; the sweep will retry");
    }
}
