//! The zone fields' suggestions: every canonical zone with the city it is named after and
//! the offset it has now ("New York · UTC-05:00"), and what a person types in them, read
//! as a zone name or a city.

use std::sync::{Arc, Mutex, OnceLock};

use domain::schedule::zones;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// How long the offsets in the suggestions are kept: a clock change shows within the hour.
const OFFSETS_KEPT_SECONDS: i64 = 3600;

/// One suggestion: the zone's IANA name (what the field sends) and what it shows.
pub struct ZoneOption {
    pub name: String,
    /// "New York · UTC-05:00".
    pub label: String,
}

/// Canonical zone names (no legacy aliases), sorted; read from the bundled database once.
pub fn names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .filter_map(|n| TimeZone::get(n.as_str()).ok())
            .map(|tz| zones::canonical_name(&tz))
            .filter(|n| n.contains('/') && !n.starts_with("Etc/"))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    })
}

/// The suggestions with the offsets each zone has at `now` (worked out at most once an
/// hour: some 400 zones on every profile view would be wasted work).
pub fn options(now: Timestamp) -> Arc<Vec<ZoneOption>> {
    static KEPT: Mutex<Option<(Timestamp, Arc<Vec<ZoneOption>>)>> = Mutex::new(None);
    let mut kept = KEPT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((at, options)) = kept.as_ref()
        && (now.as_second() - at.as_second()).abs() < OFFSETS_KEPT_SECONDS
    {
        return Arc::clone(options);
    }
    let options: Arc<Vec<ZoneOption>> = Arc::new(
        names()
            .iter()
            .filter_map(|name| {
                let tz = zones::named(name)?;
                let offset = zones::offset_label(zones::offset(&tz, now));
                Some(ZoneOption {
                    label: format!("{} · {offset}", zones::city(name)),
                    name: name.clone(),
                })
            })
            .collect(),
    );
    *kept = Some((now, Arc::clone(&options)));
    options
}

/// The canonical name of the zone someone typed (a name or a city), or None.
pub fn read(typed: &str) -> Option<String> {
    zones::find(typed, names().iter().map(String::as_str)).map(|tz| zones::canonical_name(&tz))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_name_the_city_and_its_offset_now() {
        let winter: Timestamp = "2027-01-15T12:00:00Z".parse().unwrap();
        let options = options(winter);
        let new_york = options
            .iter()
            .find(|o| o.name == "America/New_York")
            .unwrap();
        assert_eq!(new_york.label, "New York · UTC-05:00");
        assert!(options.iter().all(|o| !o.name.starts_with("Etc/")));
        assert_eq!(read("kolkata").as_deref(), Some("Asia/Kolkata"));
        assert_eq!(read("Asia/Calcutta").as_deref(), Some("Asia/Kolkata"));
        assert_eq!(read("Atlantis"), None);
    }
}
