//! The availability rules as JSON: the API's request and response body, and what the
//! store keeps. Converted to and from the domain's input, which does the checking.

use domain::schedule::{AvailabilityInput, OverrideInput, TimeOffInput, WeeklyInput};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesDocument {
    pub time_zone: String,
    #[serde(default)]
    pub weekly: Vec<WeeklyDoc>,
    #[serde(default)]
    pub overrides: Vec<OverrideDoc>,
    #[serde(default)]
    pub time_off: Vec<TimeOffDoc>,
    #[serde(default)]
    pub buffer_before_minutes: i64,
    #[serde(default)]
    pub buffer_after_minutes: i64,
    #[serde(default = "default_notice")]
    pub min_notice_minutes: i64,
    #[serde(default = "default_horizon")]
    pub horizon_days: i64,
    /// Session lengths offered; left out, every length the expert has a price for.
    #[serde(default)]
    pub durations: Option<Vec<i64>>,
    #[serde(default = "default_step")]
    pub slot_step_minutes: i64,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyDoc {
    pub weekday: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntervalDoc {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideDoc {
    pub date: String,
    #[serde(default)]
    pub intervals: Vec<IntervalDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeOffDoc {
    pub from: String,
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
            durations: match &self.durations {
                Some(list) => list.clone(),
                None => offered.iter().map(|d| i64::from(*d)).collect(),
            },
            slot_step_minutes: self.slot_step_minutes,
            daily_cap: self.daily_cap,
            cancellation_policy: self.cancellation_policy.clone(),
        }
    }

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
            durations: Some(input.durations.clone()),
            slot_step_minutes: input.slot_step_minutes,
            daily_cap: input.daily_cap,
            cancellation_policy: input.cancellation_policy.clone(),
        }
    }
}
