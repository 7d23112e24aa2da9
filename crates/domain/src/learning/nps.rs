//! "How likely are you to recommend Mentora to a friend?" — the 0–10 question asked of
//! learners after some completed sessions, once per period, and the score it adds up to.

use jiff::{SignedDuration, Timestamp};

/// The longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;

/// An answer from 0 (not at all likely) to 10 (extremely likely).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct NpsScore(u8);

impl NpsScore {
    /// The score, if 0 to 10.
    pub fn new(value: i64) -> Option<Self> {
        u8::try_from(value).ok().filter(|v| *v <= 10).map(Self)
    }

    /// The number.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// When to ask: after `after_sessions` completed sessions, at most once per `period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NpsSchedule {
    /// Completed sessions a learner needs before the first question.
    pub after_sessions: u32,
    /// How long after an answer (or a "not now") the question stays away.
    pub period: SignedDuration,
}

impl Default for NpsSchedule {
    fn default() -> Self {
        Self {
            after_sessions: 3,
            period: SignedDuration::from_hours(90 * 24),
        }
    }
}

impl NpsSchedule {
    /// Whether to ask someone with `completed` sessions whose last answer or dismissal was
    /// at `last` (none yet: `None`) at `now`.
    pub fn due(&self, completed: u64, last: Option<Timestamp>, now: Timestamp) -> bool {
        completed >= u64::from(self.after_sessions)
            && last.is_none_or(|last| now >= last + self.period)
    }
}

/// The Net Promoter Score of `scores`: the percentage of promoters (9–10) minus that of
/// detractors (0–6), rounded to a whole number, from −100 to 100; `None` without answers.
pub fn net_promoter_score(scores: &[NpsScore]) -> Option<i64> {
    if scores.is_empty() {
        return None;
    }
    let n = i64::try_from(scores.len()).ok()?;
    let promoters = i64::try_from(scores.iter().filter(|s| s.0 >= 9).count()).ok()?;
    let detractors = i64::try_from(scores.iter().filter(|s| s.0 <= 6).count()).ok()?;
    let diff = (promoters - detractors) * 100;
    // Rounded half away from zero.
    Some((diff * 2 + diff.signum() * n) / (n * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(values: &[i64]) -> Vec<NpsScore> {
        values.iter().filter_map(|v| NpsScore::new(*v)).collect()
    }

    #[test]
    fn scores_are_zero_to_ten() {
        assert!(NpsScore::new(-1).is_none());
        assert!(NpsScore::new(11).is_none());
        assert_eq!(NpsScore::new(0).map(NpsScore::get), Some(0));
        assert_eq!(NpsScore::new(10).map(NpsScore::get), Some(10));
    }

    #[test]
    fn the_score_is_promoters_minus_detractors() {
        assert_eq!(net_promoter_score(&[]), None);
        assert_eq!(net_promoter_score(&scores(&[10, 9, 8, 7, 0])), Some(20));
        assert_eq!(net_promoter_score(&scores(&[0, 6])), Some(-100));
        assert_eq!(net_promoter_score(&scores(&[10, 10, 10])), Some(100));
        // 1 promoter, 2 detractors of 3: −33.3 → −33.
        assert_eq!(net_promoter_score(&scores(&[9, 3, 4])), Some(-33));
    }

    #[test]
    fn asked_after_enough_sessions_and_once_per_period() {
        let schedule = NpsSchedule::default();
        let now: Timestamp = "2026-12-05T10:00:00Z"
            .parse()
            .unwrap_or(Timestamp::UNIX_EPOCH);
        assert!(!schedule.due(2, None, now));
        assert!(schedule.due(3, None, now));
        let answered = now - SignedDuration::from_hours(24);
        assert!(!schedule.due(10, Some(answered), now));
        assert!(schedule.due(10, Some(now - schedule.period), now));
    }
}
