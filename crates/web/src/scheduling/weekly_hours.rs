//! The weekly hours in the availability editor: a switch per day, time pickers for each
//! interval, and the edits that change the rows before saving (add an interval, remove
//! one, copy a day to others). Edits are form buttons the server answers, so they work
//! without JavaScript; htmx swaps just this part of the page when it can.

use domain::schedule::{WEEKDAYS, WrongInterval, day_hours, limits};
use jiff::civil::Time;

use crate::pages::shell::Shell;

/// What a new or reopened day starts with.
const USUAL_HOURS: (&str, &str) = ("09:00", "17:00");
/// How long an added interval is, after the day's last one.
const ADDED_MINUTES: i64 = 60;

/// One weekday as the form shows it.
#[derive(Debug, Clone, Default)]
pub struct DayRows {
    pub key: &'static str,
    /// Bookable that day: off keeps the rows on the page (switching back restores them)
    /// but saves none.
    pub open: bool,
    /// (start, end) as a time picker holds them, "HH:MM"; midnight at the end of the day
    /// is "00:00" (a time picker has no "24:00").
    pub rows: Vec<(String, String)>,
}

impl DayRows {
    /// The day as saved rules give it: open when it has hours.
    pub fn saved(key: &'static str, rows: Vec<(String, String)>) -> Self {
        let rows: Vec<_> = rows
            .into_iter()
            .map(|(start, end)| {
                let end = if end == "24:00" { "00:00".into() } else { end };
                (start, end)
            })
            .collect();
        Self {
            key,
            open: !rows.is_empty(),
            rows,
        }
        .tidied()
    }

    /// A day whose rows are all empty is closed, and offers the usual hours for when it is
    /// switched on again. (An empty row on an open day stays: "Add" may have put it there
    /// to be filled in, and saving skips it.)
    pub fn tidied(mut self) -> Self {
        if self.rows.iter().all(|(s, e)| s.is_empty() && e.is_empty()) {
            self.rows.clear();
            self.open = false;
            self.rows
                .push((USUAL_HOURS.0.to_owned(), USUAL_HOURS.1.to_owned()));
        }
        self
    }

    /// The rows with something in them, with their place on the page; none on a closed day.
    fn filled(&self) -> impl Iterator<Item = (usize, &(String, String))> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, (s, e))| self.open && (!s.is_empty() || !e.is_empty()))
    }

    /// The rows to save, in the rules' words; none on a closed day. An end at 00:00 is
    /// midnight at the day's end ("24:00"): an interval never ends where its day starts.
    pub fn to_save(&self) -> Vec<(String, String)> {
        self.filled()
            .map(|(_, (start, end))| {
                let end = if end == "00:00" { "24:00" } else { end };
                (start.clone(), end.to_owned())
            })
            .collect()
    }

    /// The row the rules refuse, if any, counted as the page shows the rows.
    pub fn wrong(&self) -> Option<WrongInterval> {
        let places: Vec<usize> = self.filled().map(|(i, _)| i).collect();
        let rows = self.to_save();
        let rows: Vec<(&str, &str)> = rows.iter().map(|(s, e)| (s.as_str(), e.as_str())).collect();
        let wrong = day_hours(&rows).err()?;
        let place = |row: usize| places.get(row).copied().unwrap_or(row);
        Some(WrongInterval {
            row: place(wrong.row),
            overlaps: wrong.overlaps.map(place),
            code: wrong.code,
        })
    }

    /// One more interval: an hour from where the last row with an end ends; an empty row
    /// to fill in when that is midnight or not a time; the usual hours on a day without
    /// rows.
    fn add(&mut self) {
        if !self.open {
            self.open = true;
            return;
        }
        let next = self
            .rows
            .iter()
            .rev()
            .find(|(_, end)| !end.is_empty())
            .and_then(|(_, end)| end.parse::<Time>().ok())
            .filter(|end| *end != Time::midnight())
            .map(|end| {
                let after = end
                    .checked_add(jiff::SignedDuration::from_mins(ADDED_MINUTES))
                    .ok()
                    .filter(|after| *after > end)
                    .unwrap_or(Time::midnight());
                (clock(end), clock(after))
            });
        self.rows.push(next.unwrap_or_else(|| {
            if self.rows.is_empty() {
                (USUAL_HOURS.0.to_owned(), USUAL_HOURS.1.to_owned())
            } else {
                (String::new(), String::new())
            }
        }));
    }
}

fn clock(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A change to the rows asked for by one of the editor's buttons (`edit=…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Add(usize),
    Remove(usize, usize),
    /// Copy this day's hours to the days ticked under it.
    Copy(usize),
}

impl Edit {
    /// Reads a button's value: `add.mon`, `remove.mon.2`, `copy.mon`.
    pub fn parse(value: &str) -> Option<Self> {
        let mut parts = value.split('.');
        let action = parts.next()?;
        let named = parts.next()?;
        let day = WEEKDAYS.iter().position(|d| *d == named)?;
        let edit = match action {
            "add" => Edit::Add(day),
            "copy" => Edit::Copy(day),
            "remove" => Edit::Remove(day, parts.next()?.parse().ok()?),
            _ => return None,
        };
        parts.next().is_none().then_some(edit)
    }

    /// Changes `days`; `copy_to` are the days ticked under each day's copy button.
    /// Returns the focus the page should give back: the id of an input or button.
    pub fn apply(&self, days: &mut [DayRows], copy_to: &[(usize, usize)]) -> Option<String> {
        match *self {
            Edit::Add(day) => {
                let d = days.get_mut(day)?;
                d.add();
                Some(format!(
                    "{}-start-{}",
                    d.key,
                    d.rows.len().saturating_sub(1)
                ))
            }
            Edit::Remove(day, row) => {
                let d = days.get_mut(day)?;
                if row < d.rows.len() {
                    d.rows.remove(row);
                }
                *d = std::mem::take(d).tidied();
                // A day left without hours is switched off and its "add" hidden: the
                // focus goes to its switch.
                Some(if d.open {
                    format!("add-{}", d.key)
                } else {
                    format!("open-{}", d.key)
                })
            }
            Edit::Copy(day) => {
                let source = days.get(day)?.clone();
                for &(_, target) in copy_to
                    .iter()
                    .filter(|(from, to)| *from == day && *to != day)
                {
                    if let Some(d) = days.get_mut(target) {
                        d.open = source.open;
                        d.rows = source.rows.clone();
                    }
                }
                Some(format!("copy-{}", source.key))
            }
        }
    }
}

/// What is wrong with a day, naming the interval: "Monday, interval 2 (3:00 PM–1:00 PM):
/// the end must be after the start…".
pub fn explain(shell: &Shell, day: &DayRows, wrong: WrongInterval) -> String {
    let name = shell.t(&format!("weekday-{}", day.key));
    let shown = |text: &str| {
        text.parse::<Time>()
            .map_or_else(|_| text.to_owned(), |t| shell.locale.time(t))
    };
    let (from, to) = day
        .rows
        .get(wrong.row)
        .map(|(s, e)| (shown(s), shown(e)))
        .unwrap_or_default();
    let id = match wrong.code {
        "availability-interval-order" => "availability-row-order",
        "availability-interval-overlap" => "availability-row-overlap",
        "availability-too-many-intervals" => "availability-row-too-many",
        _ => "availability-row-time-invalid",
    };
    shell.t_args(
        id,
        &[
            ("day", name),
            ("n", (wrong.row + 1).to_string()),
            (
                "other",
                wrong.overlaps.map(|o| o + 1).unwrap_or(0).to_string(),
            ),
            ("from", from),
            ("to", to),
            ("most", limits::INTERVALS_PER_DAY.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(open: bool, rows: &[(&str, &str)]) -> DayRows {
        DayRows {
            key: "mon",
            open,
            rows: rows
                .iter()
                .map(|(s, e)| ((*s).to_owned(), (*e).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn buttons_name_their_day_and_row() {
        assert_eq!(Edit::parse("add.tue"), Some(Edit::Add(1)));
        assert_eq!(Edit::parse("remove.sun.3"), Some(Edit::Remove(6, 3)));
        assert_eq!(Edit::parse("copy.mon"), Some(Edit::Copy(0)));
        for bad in [
            "add",
            "add.funday",
            "remove.mon",
            "remove.mon.x",
            "add.mon.1",
            "drop.mon",
        ] {
            assert_eq!(Edit::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_added_interval_follows_the_last_one() {
        let mut days = vec![day(true, &[("09:00", "12:00")])];
        assert_eq!(
            Edit::Add(0).apply(&mut days, &[]).as_deref(),
            Some("mon-start-1")
        );
        assert_eq!(days[0].rows[1], ("12:00".into(), "13:00".into()));
        // Up to midnight at most, written as a time picker holds it.
        let mut late = vec![day(true, &[("20:00", "23:30")])];
        Edit::Add(0).apply(&mut late, &[]);
        assert_eq!(late[0].rows[1], ("23:30".into(), "00:00".into()));
        assert_eq!(late[0].to_save()[1], ("23:30".into(), "24:00".into()));
        // Adding on a closed day opens it with the hours it offers.
        let mut closed = vec![DayRows::saved("mon", Vec::new())];
        Edit::Add(0).apply(&mut closed, &[]);
        assert!(closed[0].open);
        assert_eq!(closed[0].to_save(), [("09:00".into(), "17:00".into())]);
    }

    #[test]
    fn removing_the_last_interval_closes_the_day() {
        let mut days = vec![day(true, &[("09:00", "12:00")])];
        assert_eq!(
            Edit::Remove(0, 0).apply(&mut days, &[]).as_deref(),
            Some("open-mon")
        );
        assert!(!days[0].open);
        assert!(days[0].to_save().is_empty());
    }

    #[test]
    fn a_day_is_copied_only_to_the_days_ticked_under_it() {
        let mut days: Vec<DayRows> = WEEKDAYS
            .iter()
            .map(|k| DayRows::saved(k, Vec::new()))
            .collect();
        days[0] = DayRows::saved("mon", vec![("08:00".into(), "24:00".into())]);
        Edit::Copy(0).apply(&mut days, &[(0, 2), (0, 4), (1, 5)]);
        assert_eq!(days[2].to_save(), [("08:00".into(), "24:00".into())]);
        assert!(days[4].open);
        assert!(!days[5].open, "ticked under Tuesday, not Monday");
        assert_eq!(days[2].key, "wed", "each day keeps its name");
    }

    #[test]
    fn a_whole_day_reads_back_and_saves_again() {
        let day = DayRows::saved("mon", vec![("00:00".into(), "24:00".into())]);
        assert_eq!(day.rows[0], ("00:00".into(), "00:00".into()));
        assert_eq!(day.to_save(), [("00:00".into(), "24:00".into())]);
        assert!(day.wrong().is_none());
    }

    #[test]
    fn adding_after_midnight_leaves_a_row_to_fill_in() {
        let mut days = vec![day(true, &[("20:00", "00:00")])];
        assert_eq!(
            Edit::Add(0).apply(&mut days, &[]).as_deref(),
            Some("mon-start-1")
        );
        let day = std::mem::take(&mut days[0]).tidied();
        assert_eq!(day.rows.len(), 2, "the empty row stays to be filled in");
        assert_eq!(day.to_save().len(), 1, "and is not saved empty");
    }

    #[test]
    fn a_wrong_row_is_named_as_the_page_counts_rows() {
        // An empty row between: the overlap is of rows 3 and 1 on the page.
        let wrong = day(true, &[("09:00", "12:00"), ("", ""), ("11:00", "13:00")])
            .wrong()
            .map(|w| (w.row, w.overlaps));
        assert_eq!(wrong, Some((2, Some(0))));
    }

    #[test]
    fn a_closed_day_saves_nothing_and_a_wrong_row_is_found() {
        assert!(day(false, &[("09:00", "12:00")]).to_save().is_empty());
        let wrong = day(true, &[("09:00", "12:00"), ("15:00", "13:00")])
            .wrong()
            .map(|w| w.row);
        assert_eq!(wrong, Some(1));
    }
}
