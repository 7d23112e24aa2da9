//! A month laid out as a calendar: weeks Monday first, the days of other months left
//! empty. Shared by the editor's override calendar and the slot picker's month.

use jiff::civil::Date;

/// The weeks of the month holding `day`, each day made into a cell by `cell`.
pub fn weeks<T>(day: Date, mut cell: impl FnMut(Date) -> T) -> Vec<Vec<Option<T>>> {
    let first = day.first_of_month();
    let mut weeks: Vec<Vec<Option<T>>> = Vec::new();
    let mut week: Vec<Option<T>> = (0..first.weekday().to_monday_zero_offset())
        .map(|_| None)
        .collect();
    let mut date = first;
    while date.month() == first.month() && date.year() == first.year() {
        week.push(Some(cell(date)));
        if week.len() == 7 {
            weeks.push(std::mem::take(&mut week));
        }
        match date.tomorrow() {
            Ok(next) => date = next,
            Err(_) => break,
        }
    }
    if !week.is_empty() {
        week.resize_with(7, || None);
        weeks.push(week);
    }
    weeks
}

/// The first day of the month after the one holding `day`.
pub fn next_month(day: Date) -> Date {
    day.last_of_month()
        .tomorrow()
        .unwrap_or_else(|_| day.last_of_month())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_whole_weeks_monday_first() {
        // 1 December 2026 is a Tuesday; the 31st a Thursday.
        let weeks = weeks("2026-12-10".parse().unwrap(), |d| d.day());
        assert_eq!(weeks.len(), 5);
        assert!(weeks.iter().all(|w| w.len() == 7));
        assert_eq!(weeks[0][0], None);
        assert_eq!(weeks[0][1], Some(1));
        assert_eq!(weeks[4][3], Some(31));
        assert_eq!(weeks[4][4], None);
        assert_eq!(
            next_month("2026-12-10".parse().unwrap()).to_string(),
            "2027-01-01"
        );
    }
}
