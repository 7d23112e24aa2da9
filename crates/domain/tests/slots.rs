//! The slot engine on explicit cases: the settings one at a time, and every kind of clock
//! change the world has (one hour, half an hour, 45-minute offsets, none at all).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use domain::schedule::{
    Availability, AvailabilityInput, Booked, Interval, OverrideInput, TimeOffInput, WeeklyInput,
    Window, free_slots,
};
use jiff::Timestamp;

fn at(text: &str) -> Timestamp {
    text.parse::<Timestamp>().unwrap()
}

fn utc(slots: &[Interval]) -> Vec<String> {
    slots
        .iter()
        .map(|s| {
            let t = Timestamp::from_second(s.start).unwrap().to_string();
            t.trim_end_matches(":00Z").to_owned()
        })
        .collect()
}

fn weekly(days: &[&str], start: &str, end: &str) -> Vec<WeeklyInput> {
    days.iter()
        .map(|d| WeeklyInput {
            weekday: (*d).into(),
            start: start.into(),
            end: end.into(),
        })
        .collect()
}

const ALL_DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn rules(zone: &str, weekly: Vec<WeeklyInput>) -> AvailabilityInput {
    AvailabilityInput {
        weekly,
        min_notice_minutes: 0,
        horizon_days: 365,
        ..AvailabilityInput::starting(zone, vec![30, 60, 90])
    }
}

fn parse(input: &AvailabilityInput) -> Availability {
    Availability::parse(input, &[30, 60, 90]).unwrap()
}

/// Free 30-minute slots between two instants, seen from well before.
fn slots(input: &AvailabilityInput, from: &str, to: &str) -> Vec<String> {
    slots_of(input, from, to, 30, &[], &[])
}

fn slots_of(
    input: &AvailabilityInput,
    from: &str,
    to: &str,
    minutes: u16,
    busy: &[Interval],
    booked: &[Booked],
) -> Vec<String> {
    let window = Window {
        from: at(from),
        to: at(to),
        now: at(from) - jiff::SignedDuration::from_hours(24),
        duration_minutes: minutes,
    };
    utc(&free_slots(&parse(input), busy, booked, window))
}

// --- Clock changes ---------------------------------------------------------------------

#[test]
fn new_york_spring_forward_skips_the_missing_hour() {
    // 2027-03-14: 02:00 EST becomes 03:00 EDT (07:00Z).
    let open = rules("America/New_York", weekly(&["sun"], "01:00", "04:00"));
    assert_eq!(
        slots(&open, "2027-03-14T00:00:00Z", "2027-03-15T00:00:00Z"),
        [
            "2027-03-14T06:00",
            "2027-03-14T06:30",
            "2027-03-14T07:00",
            "2027-03-14T07:30"
        ]
    );
    // A start inside the gap moves forward past it: 02:30 → 03:30 EDT.
    let late = rules("America/New_York", weekly(&["sun"], "02:30", "04:00"));
    assert_eq!(
        slots(&late, "2027-03-14T00:00:00Z", "2027-03-15T00:00:00Z"),
        ["2027-03-14T07:30"]
    );
    // An end inside the gap stops at the jump: nothing after 02:00 on the wall clock.
    let early = rules("America/New_York", weekly(&["sun"], "00:00", "02:30"));
    assert_eq!(
        slots(&early, "2027-03-14T00:00:00Z", "2027-03-15T00:00:00Z"),
        [
            "2027-03-14T05:00",
            "2027-03-14T05:30",
            "2027-03-14T06:00",
            "2027-03-14T06:30"
        ]
    );
}

#[test]
fn new_york_fall_back_takes_the_earlier_instant() {
    // 2027-11-07: 02:00 EDT becomes 01:00 EST (06:00Z); 01:00–02:00 happens twice.
    let open = rules("America/New_York", weekly(&["sun"], "01:00", "02:00"));
    assert_eq!(
        slots(&open, "2027-11-07T00:00:00Z", "2027-11-08T00:00:00Z"),
        // From the first 01:00 (EDT) to 02:00 EST: two real hours.
        [
            "2027-11-07T05:00",
            "2027-11-07T05:30",
            "2027-11-07T06:00",
            "2027-11-07T06:30"
        ]
    );
    // The week after, the same hours are one hour again, an hour later in UTC.
    assert_eq!(
        slots(&open, "2027-11-14T00:00:00Z", "2027-11-15T00:00:00Z"),
        ["2027-11-14T06:00", "2027-11-14T06:30"]
    );
}

#[test]
fn london_and_berlin_keep_wall_clock_hours_across_the_change() {
    // 2027-03-28 01:00 GMT → 02:00 BST.
    let london = rules("Europe/London", weekly(&["sun"], "00:30", "03:00"));
    assert_eq!(
        slots(&london, "2027-03-28T00:00:00Z", "2027-03-29T00:00:00Z"),
        ["2027-03-28T00:30", "2027-03-28T01:00", "2027-03-28T01:30"]
    );
    // Berlin's Monday 09:00 is 08:00Z before the change and 07:00Z after it.
    let berlin = rules("Europe/Berlin", weekly(&["mon"], "09:00", "09:30"));
    assert_eq!(
        slots(&berlin, "2027-03-22T00:00:00Z", "2027-04-05T00:00:00Z"),
        ["2027-03-22T08:00", "2027-03-29T07:00"]
    );
    // And back in October (2027-10-31).
    assert_eq!(
        slots(&berlin, "2027-10-25T00:00:00Z", "2027-11-08T00:00:00Z"),
        ["2027-10-25T07:00", "2027-11-01T08:00"]
    );
}

#[test]
fn sydney_both_changes() {
    // 2027-04-04 03:00 AEDT → 02:00 AEST: 02:00–03:00 happens twice.
    let fold = rules("Australia/Sydney", weekly(&["sun"], "02:00", "03:00"));
    assert_eq!(
        slots(&fold, "2027-04-03T00:00:00Z", "2027-04-04T12:00:00Z"),
        [
            "2027-04-03T15:00",
            "2027-04-03T15:30",
            "2027-04-03T16:00",
            "2027-04-03T16:30"
        ]
    );
    // 2026-10-04 02:00 AEST → 03:00 AEDT: 02:00–03:00 does not exist.
    let gap = rules("Australia/Sydney", weekly(&["sun"], "01:00", "04:00"));
    assert_eq!(
        slots(&gap, "2026-10-03T00:00:00Z", "2026-10-04T12:00:00Z"),
        [
            "2026-10-03T15:00",
            "2026-10-03T15:30",
            "2026-10-03T16:00",
            "2026-10-03T16:30"
        ]
    );
}

#[test]
fn lord_howe_moves_half_an_hour() {
    // 2026-10-04 02:00 +10:30 → 02:30 +11:00.
    let gap = rules("Australia/Lord_Howe", weekly(&["sun"], "01:30", "03:00"));
    assert_eq!(
        slots(&gap, "2026-10-03T00:00:00Z", "2026-10-04T12:00:00Z"),
        // 01:30 +10:30 = 15:00Z; the jump at 15:30Z; 03:00 +11:00 = 16:00Z.
        ["2026-10-03T15:00", "2026-10-03T15:30"]
    );
    // 2027-04-04 02:00 +11:00 → 01:30 +10:30: 01:30–02:00 happens twice.
    let fold = rules("Australia/Lord_Howe", weekly(&["sun"], "01:30", "02:30"));
    assert_eq!(
        slots(&fold, "2027-04-03T00:00:00Z", "2027-04-04T12:00:00Z"),
        ["2027-04-03T14:30", "2027-04-03T15:00", "2027-04-03T15:30"]
    );
}

#[test]
fn offsets_of_half_and_quarter_hours() {
    let kolkata = rules("Asia/Kolkata", weekly(&["tue"], "09:00", "10:00"));
    assert_eq!(
        slots(&kolkata, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"),
        ["2026-12-01T03:30", "2026-12-01T04:00"]
    );
    let kathmandu = rules("Asia/Kathmandu", weekly(&["tue"], "09:00", "10:00"));
    assert_eq!(
        slots(&kathmandu, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"),
        ["2026-12-01T03:15", "2026-12-01T03:45"]
    );
}

#[test]
fn chatham_changes_at_a_quarter_to_three() {
    // 2026-09-27 02:45 +12:45 → 03:45 +13:45.
    let gap = rules("Pacific/Chatham", weekly(&["sun"], "02:00", "04:00"));
    assert_eq!(
        slots(&gap, "2026-09-26T00:00:00Z", "2026-09-27T12:00:00Z"),
        // 02:00 +12:45 = 13:15Z; the jump at 14:00Z; 04:00 +13:45 = 14:15Z.
        ["2026-09-26T13:15", "2026-09-26T13:45"]
    );
    // 2027-04-04 03:45 +13:45 → 02:45 +12:45.
    let fold = rules("Pacific/Chatham", weekly(&["sun"], "02:45", "03:45"));
    assert_eq!(
        slots(&fold, "2027-04-03T00:00:00Z", "2027-04-04T12:00:00Z"),
        [
            "2027-04-03T13:00",
            "2027-04-03T13:30",
            "2027-04-03T14:00",
            "2027-04-03T14:30"
        ]
    );
}

#[test]
fn sao_paulo_has_no_clock_changes_any_more() {
    let open = rules("America/Sao_Paulo", weekly(&["mon"], "09:00", "09:30"));
    // November used to be DST there; 09:00 is 12:00Z all year now.
    assert_eq!(
        slots(&open, "2026-10-26T00:00:00Z", "2026-12-01T00:00:00Z"),
        [
            "2026-10-26T12:00",
            "2026-11-02T12:00",
            "2026-11-09T12:00",
            "2026-11-16T12:00",
            "2026-11-23T12:00",
            "2026-11-30T12:00"
        ]
    );
}

// --- The settings ----------------------------------------------------------------------

fn utc_weekdays(start: &str, end: &str) -> AvailabilityInput {
    rules("UTC", weekly(&ALL_DAYS, start, end))
}

#[test]
fn sessions_run_across_adjacent_intervals_and_midnight() {
    let mut open = utc_weekdays("22:00", "24:00");
    open.weekly.extend(weekly(&ALL_DAYS, "00:00", "01:00"));
    assert_eq!(
        slots_of(
            &open,
            "2026-12-01T22:00:00Z",
            "2026-12-02T01:00:00Z",
            90,
            &[],
            &[]
        ),
        [
            "2026-12-01T22:00",
            "2026-12-01T22:30",
            "2026-12-01T23:00",
            "2026-12-01T23:30"
        ]
    );
}

#[test]
fn buffers_widen_the_slot_against_busy_times_and_bookings() {
    let mut open = utc_weekdays("09:00", "13:00");
    open.buffer_before_minutes = 15;
    open.buffer_after_minutes = 10;
    let busy = [Interval::between(
        at("2026-12-01T10:00:00Z"),
        at("2026-12-01T10:30:00Z"),
    )];
    // 09:00–09:30 needs until 09:40 free: fine. 09:30 would end at 10:00 +10: busy.
    // 10:30 needs from 10:15: busy until 10:30. 11:00 needs from 10:45: fine.
    assert_eq!(
        slots_of(
            &open,
            "2026-12-01T09:00:00Z",
            "2026-12-01T12:00:00Z",
            30,
            &busy,
            &[]
        ),
        ["2026-12-01T09:00", "2026-12-01T11:00", "2026-12-01T11:30"]
    );
    // A booking 11:00–11:30 booked with the same buffers blocks 10:45–11:40: 10:00
    // (widened 09:45–10:40) still fits, 10:30 (10:15–11:10) does not, 12:00 (from 11:45) does.
    let booked = [Booked::new(
        at("2026-12-01T11:00:00Z"),
        at("2026-12-01T11:30:00Z"),
        15,
        10,
    )];
    assert_eq!(
        slots_of(
            &open,
            "2026-12-01T09:00:00Z",
            "2026-12-01T13:00:00Z",
            30,
            &[],
            &booked
        ),
        [
            "2026-12-01T09:00",
            "2026-12-01T09:30",
            "2026-12-01T10:00",
            "2026-12-01T12:00",
            "2026-12-01T12:30"
        ]
    );
}

#[test]
fn notice_horizon_and_window_bound_the_starts() {
    let mut open = utc_weekdays("00:00", "24:00");
    open.min_notice_minutes = 240;
    open.horizon_days = 1;
    open.slot_step_minutes = 60;
    let window = Window {
        from: at("2026-12-01T00:00:00Z"),
        to: at("2026-12-10T00:00:00Z"),
        now: at("2026-12-01T10:20:00Z"),
        duration_minutes: 60,
    };
    let found = free_slots(&parse(&open), &[], &[], window);
    // From 14:20 (notice), on the hour grid: 15:00; one day ahead runs through the end of
    // tomorrow (a calendar day, not 24 hours from now): the last start is 23:00 on the 2nd.
    assert_eq!(
        found.first().map(|s| s.start_at()),
        Some(at("2026-12-01T15:00:00Z"))
    );
    assert_eq!(
        found.last().map(|s| s.start_at()),
        Some(at("2026-12-02T23:00:00Z"))
    );
    assert_eq!(found.len(), 9 + 24);
}

#[test]
fn the_horizon_is_the_end_of_the_nth_calendar_day_in_the_experts_zone() {
    // Tokyo is UTC+9. Two days ahead, asked a minute before and a minute after local
    // midnight: the last start moves by a whole day, as the form says ("through the end of
    // the 2nd day after today"), not by two minutes.
    let mut open = rules("Asia/Tokyo", weekly(&ALL_DAYS, "00:00", "24:00"));
    open.horizon_days = 2;
    open.slot_step_minutes = 60;
    let rules = parse(&open);
    let last_start = |now: &str| {
        let window = Window {
            from: at(now),
            to: at("2027-01-01T00:00:00Z"),
            now: at(now),
            duration_minutes: 60,
        };
        free_slots(&rules, &[], &[], window)
            .last()
            .map(|s| s.start_at())
    };
    // 23:59 on 1 Dec in Tokyo: days 2 and 3 Dec are ahead; the last start is 23:00 on 3 Dec.
    assert_eq!(
        rules.horizon_end(at("2026-12-01T14:59:00Z")),
        at("2026-12-03T15:00:00Z")
    );
    assert_eq!(
        last_start("2026-12-01T14:59:00Z"),
        Some(at("2026-12-03T14:00:00Z"))
    );
    // 00:01 on 2 Dec: now 4 Dec is the 2nd day.
    assert_eq!(
        rules.horizon_end(at("2026-12-01T15:01:00Z")),
        at("2026-12-04T15:00:00Z")
    );
    assert_eq!(
        last_start("2026-12-01T15:01:00Z"),
        Some(at("2026-12-04T14:00:00Z"))
    );
    // At midnight exactly, the new day has begun.
    assert_eq!(
        rules.horizon_end(at("2026-12-01T15:00:00Z")),
        at("2026-12-04T15:00:00Z")
    );
}

#[test]
fn the_horizon_counts_local_days_across_a_dst_change() {
    // Madrid leaves summer time on 25 Oct 2026: the 7th day's end is local midnight,
    // which is 23:00 UTC after the change (not 22:00, as 7 × 24 h would land).
    let mut open = rules("Europe/Madrid", weekly(&ALL_DAYS, "00:00", "24:00"));
    open.horizon_days = 7;
    let rules = parse(&open);
    assert_eq!(
        rules.horizon_end(at("2026-10-22T10:00:00Z")),
        at("2026-10-29T23:00:00Z")
    );
}

#[test]
fn after_an_off_grid_booking_the_next_start_waits_for_the_grid_unless_aligned() {
    // Open 10:00–11:00 on a 30-minute grid; a 15-minute booking at 10:00 ends at 10:15.
    let mut open = rules("UTC", weekly(&["tue"], "10:00", "11:00"));
    open.slot_step_minutes = 30;
    let booked = [Booked::new(
        at("2026-12-01T10:00:00Z"),
        at("2026-12-01T10:15:00Z"),
        0,
        0,
    )];
    let found = |aligned: bool| {
        let mut input = open.clone();
        input.align_to_blocks = aligned;
        let window = Window {
            from: at("2026-12-01T00:00:00Z"),
            to: at("2026-12-02T00:00:00Z"),
            now: at("2026-11-30T00:00:00Z"),
            duration_minutes: 30,
        };
        free_slots(&parse(&input), &[], &booked, window)
            .iter()
            .map(|s| s.start_at())
            .collect::<Vec<_>>()
    };
    // Off (the default): the grid's 10:30 only; 10:15–10:30 is wasted.
    assert_eq!(found(false), vec![at("2026-12-01T10:30:00Z")]);
    // On: the 30 free minutes after the booking are offered from its end.
    assert_eq!(found(true), vec![at("2026-12-01T10:15:00Z")]);
    // And a hold, which asks for that one instant, finds it too.
    let mut aligned = open.clone();
    aligned.align_to_blocks = true;
    let one_instant = Window {
        from: at("2026-12-01T10:15:00Z"),
        to: at("2026-12-01T10:15:01Z"),
        now: at("2026-11-30T00:00:00Z"),
        duration_minutes: 30,
    };
    assert_eq!(
        free_slots(&parse(&aligned), &[], &booked, one_instant)
            .iter()
            .map(|s| s.start_at())
            .collect::<Vec<_>>(),
        vec![at("2026-12-01T10:15:00Z")]
    );
    assert!(
        !open.align_to_blocks,
        "aligning is off unless the expert turns it on"
    );
}

#[test]
fn aligning_follows_a_busy_time_and_the_buffer_before() {
    // A calendar busy time 09:00–09:05 and a 10-minute buffer before each session:
    // aligned, the first start is 09:15 (09:05 + 10) and the 30-minute grid runs on from
    // there; not aligned, the grid of the day's own opening (09:30, 10:00, 10:30).
    let mut open = rules("UTC", weekly(&["tue"], "09:00", "11:00"));
    open.buffer_before_minutes = 10;
    let busy = [Interval::new(
        at("2026-12-01T09:00:00Z").as_second(),
        at("2026-12-01T09:05:00Z").as_second(),
    )];
    let starts = |aligned: bool| {
        let mut input = open.clone();
        input.align_to_blocks = aligned;
        let window = Window {
            from: at("2026-12-01T00:00:00Z"),
            to: at("2026-12-02T00:00:00Z"),
            now: at("2026-11-30T00:00:00Z"),
            duration_minutes: 30,
        };
        free_slots(&parse(&input), &busy, &[], window)
            .iter()
            .map(|s| s.start_at())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        starts(true),
        vec![
            at("2026-12-01T09:15:00Z"),
            at("2026-12-01T09:45:00Z"),
            at("2026-12-01T10:15:00Z")
        ]
    );
    assert_eq!(
        starts(false),
        vec![
            at("2026-12-01T09:30:00Z"),
            at("2026-12-01T10:00:00Z"),
            at("2026-12-01T10:30:00Z")
        ]
    );
}

#[test]
fn overrides_replace_a_day_and_time_off_removes_hours() {
    let mut open = utc_weekdays("09:00", "10:00");
    open.overrides = vec![
        OverrideInput {
            date: "2026-12-01".into(),
            intervals: vec![],
        },
        OverrideInput {
            date: "2026-12-02".into(),
            intervals: vec![("15:00".into(), "16:00".into())],
        },
    ];
    open.time_off = vec![TimeOffInput {
        from: "2026-12-03T09:30:00Z".into(),
        to: "2026-12-04T00:00:00Z".into(),
    }];
    assert_eq!(
        slots(&open, "2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z"),
        [
            "2026-12-02T15:00",
            "2026-12-02T15:30",
            "2026-12-03T09:00",
            "2026-12-04T09:00",
            "2026-12-04T09:30"
        ]
    );
}

#[test]
fn the_daily_cap_counts_sessions_on_the_experts_local_date() {
    let mut open = rules("Asia/Tokyo", weekly(&ALL_DAYS, "08:00", "12:00"));
    open.daily_cap = Some(2);
    // Two sessions on Tokyo's 2 December (one of them late on 1 December in UTC).
    let booked = [
        Booked::new(at("2026-12-01T23:00:00Z"), at("2026-12-01T23:30:00Z"), 0, 0),
        Booked::new(at("2026-12-02T00:00:00Z"), at("2026-12-02T00:30:00Z"), 0, 0),
    ];
    let found = slots_of(
        &open,
        "2026-12-01T00:00:00Z",
        "2026-12-04T00:00:00Z",
        30,
        &[],
        &booked,
    );
    assert!(
        found.iter().any(|s| s.starts_with("2026-12-01T0")),
        "1 Dec is open"
    );
    assert!(
        !found
            .iter()
            .any(|s| s.starts_with("2026-12-01T23") || s.starts_with("2026-12-02T0")),
        "2 Dec (Tokyo) is full: {found:?}"
    );
    assert!(
        found.iter().any(|s| s.starts_with("2026-12-02T23")),
        "3 Dec is open"
    );
}

#[test]
fn steps_follow_each_open_range_from_its_start() {
    let mut open = utc_weekdays("09:10", "10:30");
    open.slot_step_minutes = 20;
    assert_eq!(
        slots(&open, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"),
        ["2026-12-01T09:10", "2026-12-01T09:30", "2026-12-01T09:50"]
    );
}

#[test]
fn no_hours_no_slots() {
    let closed = rules("Europe/Paris", Vec::new());
    assert!(slots(&closed, "2026-12-01T00:00:00Z", "2027-01-31T00:00:00Z").is_empty());
}
