//! Stars and what they add up to on a profile and in the directory.
//!
//! # The directory's rating order (a Bayesian average)
//!
//! An expert's plain average says little after a handful of reviews: one 5★ review would
//! outrank a hundred reviews averaging 4.9★. The directory therefore orders by
//!
//! ```text
//!            PRIOR_WEIGHT × PRIOR_MEAN + sum of stars
//! score  =  ----------------------------------------
//!                 PRIOR_WEIGHT + number of reviews
//! ```
//!
//! as if every expert started with `PRIOR_WEIGHT` (5) reviews of `PRIOR_MEAN` (4.0★). With
//! few reviews the score stays near 4.0; with many it approaches the plain average. One
//! 5★ review scores (20 + 5) / 6 = 4.17; a hundred averaging 4.9★ score (20 + 490) / 105
//! = 4.86. An expert with no reviews scores 4.0, so a new expert is listed above one whose
//! reviews average well below that, and below one whose many reviews are excellent.
//!
//! Profiles and cards show the plain average and the count; the "at least N★" filter
//! compares the plain average (what the person sees), among experts with a review.

/// Reviews' prior: the average every expert is assumed to start from, in hundredths of
/// a star.
pub const PRIOR_MEAN_CENTI: i64 = 400;
/// How many reviews the prior counts as.
pub const PRIOR_WEIGHT: i64 = 5;

/// A rating of one to five stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stars(u8);

impl Stars {
    /// Stars from a number, if it is 1 to 5.
    pub fn new(value: i64) -> Option<Self> {
        u8::try_from(value)
            .ok()
            .filter(|v| (1..=5).contains(v))
            .map(Self)
    }

    /// The number of stars.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// The Bayesian score of `count` reviews whose stars add up to `sum`, in ten-thousandths
/// of a star (4.1667★ is 41_667), rounded half up.
pub fn bayesian_score(sum: i64, count: i64) -> i64 {
    let count = count.max(0);
    let numerator = (PRIOR_WEIGHT * PRIOR_MEAN_CENTI + sum * 100) * 100;
    let denominator = PRIOR_WEIGHT + count;
    (numerator * 2 + denominator) / (denominator * 2)
}

/// The plain average of `count` reviews adding up to `sum`, in hundredths of a star,
/// rounded half up; 0 without reviews.
pub fn average_centi(sum: i64, count: i64) -> i64 {
    if count <= 0 {
        return 0;
    }
    (sum * 100 * 2 + count) / (count * 2)
}

/// An expert's visible reviews, summed up for the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RatingSummary {
    /// How many reviews gave 1, 2, 3, 4 and 5 stars (index 0 is 1★).
    pub by_stars: [i64; 5],
}

impl RatingSummary {
    /// The number of reviews.
    pub fn count(&self) -> i64 {
        self.by_stars.iter().sum()
    }

    /// The sum of their stars.
    pub fn sum(&self) -> i64 {
        self.by_stars
            .iter()
            .zip(1..)
            .map(|(n, stars)| n * stars)
            .sum()
    }

    /// The plain average in hundredths of a star (0 without reviews).
    pub fn average_centi(&self) -> i64 {
        average_centi(self.sum(), self.count())
    }

    /// The directory's order key (see the module): the Bayesian score.
    pub fn bayesian_score(&self) -> i64 {
        bayesian_score(self.sum(), self.count())
    }

    /// The share of reviews with `stars`, in whole percent (0 without reviews).
    pub fn percent(&self, stars: Stars) -> i64 {
        let count = self.count();
        if count == 0 {
            return 0;
        }
        let n = self.by_stars[usize::from(stars.get() - 1)];
        (n * 100 * 2 + count) / (count * 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(by_stars: [i64; 5]) -> RatingSummary {
        RatingSummary { by_stars }
    }

    #[test]
    fn stars_are_one_to_five() {
        assert_eq!(Stars::new(0), None);
        assert_eq!(Stars::new(6), None);
        assert_eq!(Stars::new(-1), None);
        assert_eq!(Stars::new(1).map(Stars::get), Some(1));
        assert_eq!(Stars::new(5).map(Stars::get), Some(5));
    }

    #[test]
    fn one_five_star_review_does_not_outrank_a_hundred_averaging_four_point_nine() {
        let one = summary([0, 0, 0, 0, 1]);
        // 90 fives and 10 fours: 4.9 on average.
        let hundred = summary([0, 0, 0, 10, 90]);
        assert_eq!(one.average_centi(), 500);
        assert_eq!(hundred.average_centi(), 490);
        assert_eq!(one.bayesian_score(), 41_667);
        assert_eq!(hundred.bayesian_score(), 48_571);
        assert!(hundred.bayesian_score() > one.bayesian_score());
    }

    #[test]
    fn without_reviews_the_score_is_the_prior_and_many_reviews_approach_their_average() {
        assert_eq!(bayesian_score(0, 0), PRIOR_MEAN_CENTI * 100);
        // A thousand 3★ reviews: within 0.02★ of 3.
        let many = bayesian_score(3000, 1000);
        assert!((29_800..=30_100).contains(&many), "{many}");
        // A few poor reviews rank below a newcomer; many good ones above.
        assert!(bayesian_score(4, 2) < bayesian_score(0, 0));
        assert!(bayesian_score(5 * 20, 20) > bayesian_score(0, 0));
    }

    #[test]
    fn averages_and_shares_round_half_up() {
        // 5 + 4 = 9 over 2: 4.5.
        let s = summary([0, 0, 0, 1, 1]);
        assert_eq!(s.count(), 2);
        assert_eq!(s.sum(), 9);
        assert_eq!(s.average_centi(), 450);
        // 1, 1, 2 → 4/3 = 1.333… → 133.
        assert_eq!(summary([2, 1, 0, 0, 0]).average_centi(), 133);
        let three = summary([1, 0, 0, 0, 2]);
        assert_eq!(three.percent(Stars::new(5).unwrap_or(Stars(5))), 67);
        assert_eq!(three.percent(Stars::new(1).unwrap_or(Stars(1))), 33);
        assert_eq!(summary([0; 5]).average_centi(), 0);
        assert_eq!(summary([0; 5]).percent(Stars(3)), 0);
    }
}
