//! The availability rules as JSON: the API's request and response body, and what the
//! store keeps. Converted to and from the domain's input, which does the checking.

use domain::schedule::{AvailabilityInput, OverrideInput, TimeOffInput, WeeklyInput};
use serde::{Deserialize, Serialize};

/// An expert's availability rules as `GET`/`PUT /experts/me/availability` carry them and
/// as the store keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesDocument {
    /// The IANA zone every time below is written in.
    pub time_zone: String,
    /// Open hours per weekday.
    #[serde(default)]
    pub weekly: Vec<WeeklyDoc>,
    /// Dates with other hours, or closed.
    #[serde(default)]
    pub overrides: Vec<OverrideDoc>,
    /// Absolute stretches when no session may take place.
    #[serde(default)]
    pub time_off: Vec<TimeOffDoc>,
    /// Free minutes kept before each session (default 0).
    #[serde(default)]
    pub buffer_before_minutes: i64,
    /// Free minutes kept after each session (default 0).
    #[serde(default)]
    pub buffer_after_minutes: i64,
    /// How long before its start a session must be booked, in minutes (default 240).
    #[serde(default = "default_notice")]
    pub min_notice_minutes: i64,
    /// How many calendar days ahead sessions may be booked (default 60): starts run
    /// through the end of the N-th day after today in the expert's zone.
    #[serde(default = "default_horizon")]
    pub horizon_days: i64,
    /// After a booking or busy time that ends off the grid, the next start follows its
    /// end (plus the buffer) instead of the next step (default false; left out when
    /// false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub align_to_blocks: bool,
    /// Session lengths offered; left out, every length the expert has a price for.
    #[serde(default)]
    pub durations: Option<Vec<i64>>,
    /// Minutes between slot starts (default 30).
    #[serde(default = "default_step")]
    pub slot_step_minutes: i64,
    /// Most sessions starting on one local date; absent for no cap.
    #[serde(default)]
    pub daily_cap: Option<i64>,
    /// `flexible`, `moderate` (the default) or `strict`.
    #[serde(default = "default_policy")]
    pub cancellation_policy: String,
}

fn default_policy() -> String {
    domain::booking::PolicyPreset::default().as_str().to_owned()
}

fn default_notice() -> i64 {
    240
}

fn default_horizon() -> i64 {
    60
}

fn default_step() -> i64 {
    30
}

/// One weekly interval: `{"weekday": "mon", "start": "09:00", "end": "12:30"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklyDoc {
    /// `mon` … `sun`.
    pub weekday: String,
    /// Opening, "HH:MM" in the expert's zone.
    pub start: String,
    /// Closing, "HH:MM" in the expert's zone; "24:00" for midnight.
    pub end: String,
}

/// Open hours on an override date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntervalDoc {
    /// Opening, "HH:MM".
    pub start: String,
    /// Closing, "HH:MM"; "24:00" for midnight.
    pub end: String,
}

/// A date whose hours replace the weekly ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OverrideDoc {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    /// Its open hours; empty closes the day.
    #[serde(default)]
    pub intervals: Vec<IntervalDoc>,
}

/// A stretch of time off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeOffDoc {
    /// First instant off, RFC 3339.
    pub from: String,
    /// First instant back, RFC 3339.
    pub to: String,
}

impl RulesDocument {
    /// The domain's input; `offered` fills in durations that were left out.
    pub fn to_input(&self, offered: &[i32]) -> AvailabilityInput {
        AvailabilityInput {
            time_zone: self.time_zone.clone(),
            weekly: self
                .weekly
                .iter()
                .map(|w| WeeklyInput {
                    weekday: w.weekday.clone(),
                    start: w.start.clone(),
                    end: w.end.clone(),
                })
                .collect(),
            overrides: self
                .overrides
                .iter()
                .map(|o| OverrideInput {
                    date: o.date.clone(),
                    intervals: o
                        .intervals
                        .iter()
                        .map(|i| (i.start.clone(), i.end.clone()))
                        .collect(),
                })
                .collect(),
            time_off: self
                .time_off
                .iter()
                .map(|t| TimeOffInput {
                    from: t.from.clone(),
                    to: t.to.clone(),
                })
                .collect(),
            buffer_before_minutes: self.buffer_before_minutes,
            buffer_after_minutes: self.buffer_after_minutes,
            min_notice_minutes: self.min_notice_minutes,
            horizon_days: self.horizon_days,
            align_to_blocks: self.align_to_blocks,
            durations: match &self.durations {
                Some(list) => list.clone(),
                None => offered.iter().map(|d| i64::from(*d)).collect(),
            },
            slot_step_minutes: self.slot_step_minutes,
            daily_cap: self.daily_cap,
            cancellation_policy: self.cancellation_policy.clone(),
        }
    }

    /// The document for checked (or starting) input, as stored and returned.
    pub fn from_input(input: &AvailabilityInput) -> Self {
        Self {
            time_zone: input.time_zone.clone(),
            weekly: input
                .weekly
                .iter()
                .map(|w| WeeklyDoc {
                    weekday: w.weekday.clone(),
                    start: w.start.clone(),
                    end: w.end.clone(),
                })
                .collect(),
            overrides: input
                .overrides
                .iter()
                .map(|o| OverrideDoc {
                    date: o.date.clone(),
                    intervals: o
                        .intervals
                        .iter()
                        .map(|(start, end)| IntervalDoc {
                            start: start.clone(),
                            end: end.clone(),
                        })
                        .collect(),
                })
                .collect(),
            time_off: input
                .time_off
                .iter()
                .map(|t| TimeOffDoc {
                    from: t.from.clone(),
                    to: t.to.clone(),
                })
                .collect(),
            buffer_before_minutes: input.buffer_before_minutes,
            buffer_after_minutes: input.buffer_after_minutes,
            min_notice_minutes: input.min_notice_minutes,
            horizon_days: input.horizon_days,
            align_to_blocks: input.align_to_blocks,
            durations: Some(input.durations.clone()),
            slot_step_minutes: input.slot_step_minutes,
            daily_cap: input.daily_cap,
            cancellation_policy: input.cancellation_policy.clone(),
        }
    }
}
