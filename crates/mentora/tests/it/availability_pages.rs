//! The scheduling pages as a browser uses them, over real HTTP on both databases: the
//! availability editor (saving, inline errors that keep what was typed, time off typed in
//! the expert's zone, the preview), the slot picker on a profile (zones, week, clock
//! changes) and the chosen-slot page.

use reqwest::Method;
use serde_json::Value;

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

async fn expert(app: &TestApp, email: &str) -> store::users::User {
    let user = app
        .bookable_expert_with_rates(email, "Calm German lessons", &[(30, 2500), (60, 4000)])
        .await;
    app.log_in_as(email).await;
    user
}

/// A whole editor form: Monday 09:00–12:00 in Madrid, both lengths, usual settings.
fn form<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("time_zone", "Europe/Madrid"),
        ("mon_start", "09:00"),
        ("mon_end", "12:00"),
        ("mon_start", ""),
        ("mon_end", ""),
        ("tue_start", ""),
        ("tue_end", ""),
        ("override_date", ""),
        ("override_hours", ""),
        ("off_from", ""),
        ("off_to", ""),
        ("durations", "30"),
        ("durations", "60"),
        ("buffer_before_minutes", "0"),
        ("buffer_after_minutes", "10"),
        ("min_notice_minutes", "0"),
        ("horizon_days", "60"),
        ("slot_step_minutes", "30"),
        ("daily_cap", ""),
    ];
    for (name, value) in overrides {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

async fn stored_rules(app: &TestApp, user: &store::users::User) -> Option<Value> {
    store::availability::rules(&app.db, user.id)
        .await
        .unwrap()
        .map(|json| serde_json::from_str(&json).unwrap())
}

async fn the_editor_saves_and_previews(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = expert(&app, "greta@example.org").await;
    let page = app.get("/experts/availability").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(
        r#"name="time_zone" type="text" autocomplete="off" spellcheck="false" value="UTC""#
    ));
    assert!(html.contains("Save your hours to see a preview."));

    let res = app
        .submit(
            "/experts/availability",
            &form(&[
                ("override_date", "2027-01-04"),
                ("override_hours", "10:00-11:00, 15:00-16:00"),
            ]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/experts/availability?saved=1");
    let rules = stored_rules(&app, &user).await.unwrap();
    assert_eq!(rules["time_zone"], "Europe/Madrid");
    assert_eq!(rules["weekly"][0]["start"], "09:00");
    assert_eq!(rules["overrides"][0]["intervals"][1]["start"], "15:00");
    assert_eq!(rules["durations"], serde_json::json!([30, 60]));
    assert_eq!(rules["daily_cap"], Value::Null);
    assert_eq!(rules.get("align_to_blocks"), None, "off unless ticked");

    let html = app
        .get("/experts/availability?saved=1")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Availability saved."));
    // The saved values are shown again, with room for more.
    assert!(html.contains(r#"value="10:00-11:00, 15:00-16:00""#));
    // The preview lists Mondays with times from 09:00 in Madrid, 30 minutes each.
    assert!(html.contains("30-minute sessions, shown in your time zone (Europe/Madrid)."));
    assert!(html.contains("<dt class=\"font-semibold\">Mon, "), "{html}");
    assert!(html.contains(
        "9:00\u{202f}AM, 9:30\u{202f}AM, 10:00\u{202f}AM, 10:30\u{202f}AM, 11:00\u{202f}AM, 11:30\u{202f}AM"
    ));

    // Ticked, "start right after a block" is kept and shown ticked.
    let res = app
        .submit(
            "/experts/availability",
            &form(&[("align_to_blocks", "true")]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rules = stored_rules(&app, &user).await.unwrap();
    assert_eq!(rules["align_to_blocks"], true);
    let html = app.get("/experts/availability").await.text().await.unwrap();
    assert!(
        html.contains(
            r#"name="align_to_blocks" value="true" aria-describedby="align_to_blocks-hint" checked"#
        ),
        "{html}"
    );
    assert!(html.contains("60 days booked on 1 March runs through 30 April"));
}

async fn editor_errors_are_inline_and_keep_what_was_typed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = expert(&app, "hugo@example.org").await;
    let res = app
        .submit(
            "/experts/availability",
            &form(&[
                ("time_zone", "Mars/Olympus"),
                ("mon_start", "12:00"),
                ("mon_end", "09:00"),
                ("override_date", "2027-01-04"),
                ("override_hours", "mornings"),
                ("off_from", "2027-01-10T09:00"),
                ("off_to", ""),
                ("horizon_days", "lots"),
            ]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    for anchor in [
        "#time_zone",
        "#weekly.mon",
        "#overrides",
        "#time_off",
        "#horizon_days",
    ] {
        assert!(
            html.contains(&format!("href=\"{anchor}\"")),
            "summary links {anchor}"
        );
    }
    assert!(html.contains(r#"value="Mars/Olympus" aria-describedby="time_zone-hint time_zone-error" aria-invalid="true""#));
    // The day's problem names the interval, with its times as the page writes them.
    assert!(html.contains(
        "Monday, interval 1 (12:00\u{202f}PM–9:00\u{202f}AM): the end must be after the start."
    ));
    assert!(html.contains(
        r#"id="mon-start-0" name="mon_start" type="time" value="12:00" aria-invalid="true""#
    ));
    assert!(html.contains(r#"value="mornings""#));
    assert!(html.contains(r#"value="2027-01-10T09:00""#));
    assert!(html.contains(r#"value="lots""#));
    assert!(stored_rules(&app, &user).await.is_none(), "nothing stored");
}

async fn time_off_is_typed_in_the_experts_zone(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = expert(&app, "kenji@example.org").await;
    let res = app
        .submit(
            "/experts/availability",
            &form(&[
                ("time_zone", "Asia/Tokyo"),
                ("off_from", "2027-01-10T09:00"),
                ("off_to", "2027-01-12T18:30"),
                ("daily_cap", "4"),
            ]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rules = stored_rules(&app, &user).await.unwrap();
    assert_eq!(rules["time_off"][0]["from"], "2027-01-10T00:00:00Z");
    assert_eq!(rules["time_off"][0]["to"], "2027-01-12T09:30:00Z");
    assert_eq!(rules["daily_cap"], 4);
    // And it reads back in Tokyo time.
    let html = app.get("/experts/availability").await.text().await.unwrap();
    assert!(html.contains(r#"value="2027-01-10T09:00""#));
}

async fn people_without_an_expert_profile_are_pointed_to_the_application(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app.get("/experts/availability").await;
    assert_eq!(
        res.status().as_u16(),
        303,
        "anonymous visitors log in first"
    );
    app.create_user("lena@example.org", &[]).await;
    app.log_in_as("lena@example.org").await;
    let html = app.get("/experts/availability").await.text().await.unwrap();
    assert!(html.contains("Start your application"));
    assert!(!html.contains("name=\"time_zone\""));
}

/// The weekly part of the editor as a page with day switches posts it: Monday and
/// Wednesday on, Tuesday off with hours kept, plus `extra` (rows, ticks, a button).
fn week<'a>(mon: &[(&'a str, &'a str)], extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = form(&[])
        .into_iter()
        .filter(|(name, _)| !name.starts_with("mon_") && !name.starts_with("tue_"))
        .collect();
    fields.extend([("days_switched", "1"), ("open", "mon"), ("open", "wed")]);
    for (start, end) in mon {
        fields.extend([("mon_start", *start), ("mon_end", *end)]);
    }
    fields.extend([
        ("tue_start", "10:00"),
        ("tue_end", "11:00"),
        ("wed_start", "08:00"),
        ("wed_end", "09:00"),
    ]);
    fields.extend_from_slice(extra);
    fields
}

async fn weekly_hours_are_edited_day_by_day(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = expert(&app, "ines@example.org").await;

    // "Add an interval" adds one an hour long after the day's last, focused, and saves
    // nothing.
    let res = app
        .submit(
            "/experts/availability",
            &week(&[("09:00", "12:00")], &[("edit", "add.mon")]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r#"id="mon-start-1" name="mon_start" type="time" value="12:00" autofocus>"#),
        "{html}"
    );
    assert!(html.contains(r#"id="mon-end-1" name="mon_end" type="time" value="13:00">"#));
    assert!(html.contains("Changed, not saved yet"));
    assert!(stored_rules(&app, &user).await.is_none(), "nothing saved");
    // A button value the page never sends changes nothing and saves nothing either.
    let res = app
        .submit(
            "/experts/availability",
            &week(&[("09:00", "12:00")], &[("edit", "explode.mon")]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(r#"id="mon-start-0" name="mon_start" type="time" value="09:00">"#)
    );
    assert!(
        stored_rules(&app, &user).await.is_none(),
        "still nothing saved"
    );
    // Tuesday stays off, its hours kept for when it is switched back on.
    assert!(html.contains(r#"name="open" value="tue" id="open-tue"> Bookable"#));
    assert!(html.contains(r#"id="tue-start-0" name="tue_start" type="time" value="10:00">"#));

    let html = app
        .submit(
            "/experts/availability",
            &week(&[("09:00", "12:00")], &[("edit", "remove.mon.0")]),
        )
        .await
        .text()
        .await
        .unwrap();
    // Removing a day's only interval switches the day off; the focus goes to its switch
    // (its "add" is hidden with its hours).
    assert!(html.contains(r#"name="open" value="mon" id="open-mon" autofocus> Bookable"#));
    assert!(!html.contains("hx-swap=\"outerHTML\" autofocus>Add an interval"));

    // Copying Monday to the days ticked under it: Thursday and Saturday, not Friday.
    let html = app
        .submit(
            "/experts/availability",
            &week(
                &[("09:00", "12:00"), ("13:00", "15:00")],
                &[
                    ("copy.mon", "thu"),
                    ("copy.mon", "sat"),
                    ("copy.tue", "fri"),
                    ("edit", "copy.mon"),
                ],
            ),
        )
        .await
        .text()
        .await
        .unwrap();
    for day in ["thu", "sat"] {
        assert!(html.contains(&format!(
            r#"name="open" value="{day}" id="open-{day}" checked>"#
        )));
        assert!(html.contains(&format!(
            r#"id="{day}-start-1" name="{day}_start" type="time" value="13:00">"#
        )));
    }
    assert!(html.contains(r#"name="open" value="fri" id="open-fri"> Bookable"#));

    // Saving: only days switched on, and an end at 00:00 is midnight.
    let res = app
        .submit(
            "/experts/availability",
            &week(&[("09:00", "12:00"), ("20:00", "00:00")], &[]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rules = stored_rules(&app, &user).await.unwrap();
    let saved: Vec<(String, String, String)> = rules["weekly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["weekday"].as_str().unwrap().to_owned(),
                w["start"].as_str().unwrap().to_owned(),
                w["end"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("mon", "09:00", "12:00"),
        ("mon", "20:00", "24:00"),
        ("wed", "08:00", "09:00"),
    ];
    assert_eq!(saved.len(), expected.len(), "{saved:?}");
    for (d, s, e) in expected {
        assert!(saved.contains(&(d.into(), s.into(), e.into())), "{saved:?}");
    }
    let html = app.get("/experts/availability").await.text().await.unwrap();
    assert!(html.contains(r#"id="mon-end-1" name="mon_end" type="time" value="00:00">"#));
    assert!(
        html.contains(r#"name="open" value="tue" id="open-tue"> Bookable"#),
        "a day without hours is off"
    );
    // A whole day (00:00 to midnight) reads back as 00:00–00:00 and saves again as it is.
    let whole = week(&[("00:00", "00:00")], &[]);
    assert_eq!(
        app.submit("/experts/availability", &whole)
            .await
            .status()
            .as_u16(),
        303
    );
    let rules = stored_rules(&app, &user).await.unwrap();
    assert_eq!(rules["weekly"][0]["start"], "00:00");
    assert_eq!(rules["weekly"][0]["end"], "24:00");
    let html = app.get("/experts/availability").await.text().await.unwrap();
    assert!(html.contains(r#"id="mon-end-0" name="mon_end" type="time" value="00:00">"#));
    assert_eq!(
        app.submit("/experts/availability", &whole)
            .await
            .status()
            .as_u16(),
        303
    );

    // A wrong interval is named by day, number and times, and only it and the one it
    // overlaps are marked.
    let res = app
        .submit(
            "/experts/availability",
            &week(
                &[("09:00", "12:00"), ("14:00", "15:00"), ("11:00", "13:00")],
                &[],
            ),
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(
        "Monday, interval 3 (11:00\u{202f}AM–1:00\u{202f}PM) overlaps interval 1: make each interval end before the next one starts."
    ), "{html}");
    assert!(html.contains(
        r#"id="mon-start-0" name="mon_start" type="time" value="09:00" aria-invalid="true">"#
    ));
    assert!(html.contains(r#"id="mon-start-1" name="mon_start" type="time" value="14:00">"#));
    assert!(html.contains(
        r#"id="mon-start-2" name="mon_start" type="time" value="11:00" aria-invalid="true">"#
    ));
    // The same, in German: its own day name and 24-hour times.
    let res = app.submit("/language", &[("lang", "de")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let html = app
        .submit(
            "/experts/availability",
            &week(&[("09:00", "12:00"), ("11:00", "13:00")], &[]),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Montag, Intervall 2 (11:00–13:00) überschneidet sich mit Intervall 1"),
        "{html}"
    );
}

/// The expert's Madrid hours for every day, saved through the API.
async fn madrid_every_day(app: &TestApp, email: &str) -> String {
    let (token, _) = app.api_log_in(email).await;
    let weekly: Vec<Value> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .map(|d| serde_json::json!({"weekday": d, "start": "09:00", "end": "11:00"}))
        .collect();
    let res = app
        .bearer(Method::PUT, "/api/v1/experts/me/availability", &token)
        .json(&serde_json::json!({
            "time_zone": "Europe/Madrid", "weekly": weekly, "min_notice_minutes": 0, "horizon_days": 365
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let id = store::users::find_by_email(&app.db, &domain::EmailAddress::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    store::experts::find(&app.db, id)
        .await
        .unwrap()
        .unwrap()
        .slug
}

async fn the_profile_shows_a_week_of_slot_buttons_in_the_viewers_zone(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.bookable_expert_with_rates("ana@example.org", "Spanish", &[(30, 2000), (60, 3500)])
        .await;
    let slug = madrid_every_day(&app, "ana@example.org").await;
    let week = (chrono::Utc::now().date_naive() + chrono::Duration::days(2)).to_string();
    let html = app
        .get(&format!(
            "/experts/{slug}?tz=Asia/Kathmandu&week={week}&duration=60"
        ))
        .await
        .text()
        .await
        .unwrap();
    // Madrid 09:00 is 13:45 in Kathmandu in winter (UTC+01:00 vs UTC+05:45).
    // Written as the page's language reads times: English on a 12-hour clock.
    assert!(html.contains(">1:45\u{202f}PM</button>"), "{html}");
    assert!(html.contains("(Asia/Kathmandu), 60 minutes\">1:45\u{202f}PM</button>"));
    // 60 minutes between 09:00 and 11:00 every 30: 09:00, 09:30, 10:00, on seven days.
    assert_eq!(html.matches("class=\"slot-button\"").count(), 21);
    assert!(html.contains("The expert works in Europe/Madrid."));
    assert!(html.contains("<option value=\"60\" selected>"));
    // The week's days are headed in the viewer's zone, starting on the asked date, as
    // English writes a nearby day ("Wed, Dec 9").
    let first: jiff::civil::Date = week.parse().unwrap();
    let heading = first.strftime("%a, %b %-d</h3>").to_string();
    assert!(html.contains(&heading), "{heading}");
    // Times grouped by part of the day: 13:45 to 14:45 is afternoon, on each of the days.
    assert_eq!(
        html.matches("<h4 class=\"day-part\">Afternoon</h4>")
            .count(),
        7
    );
    assert!(!html.contains("<h4 class=\"day-part\">Morning</h4>"));
    // The chosen length's price stays in sight, and changing zone or length keeps the week.
    assert!(
        html.contains("Your session: <strong>60 minutes</strong> · <strong><bdi>"),
        "{html}"
    );
    assert!(html.contains(&format!(
        r#"<input type="hidden" name="week" value="{week}">"#
    )));
    // The month: the asked day is a link marked current, the days it shows highlighted.
    assert!(html.contains(&format!(
        r#"<a class="calendar-day free shown" id="cal-{week}" href="/experts/{slug}?week={week}&#38;tz=Asia%2FKathmandu&#38;duration=60#slots" aria-label="{}: free times, shown below" aria-current="true">"#,
        first.strftime("%a, %b %-d, %Y")
    )), "{html}");
    let next_month = first.last_of_month().tomorrow().unwrap();
    assert!(html.contains(&format!("week={next_month}&#38;tz=Asia%2FKathmandu")));
    // Zones suggested by city with today's offset.
    assert!(html.contains(r#"<option value="Asia/Kathmandu">Kathmandu · UTC+05:45</option>"#));

    // A city works as well as the zone's name.
    let html = app
        .get(&format!(
            "/experts/{slug}?tz=kathmandu&week={week}&duration=60"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("(Asia/Kathmandu), 60 minutes\">1:45\u{202f}PM</button>"));
    // A name nobody knows is an error beside the field, never a quiet UTC.
    let html = app
        .get(&format!("/experts/{slug}?tz=Atlantis&week={week}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(
            r#"value="Atlantis" aria-describedby="tz-hint tz-error" aria-invalid="true""#
        )
    );
    assert!(
        html.contains("“Atlantis” is not a city or time zone we know: pick one from the list.")
    );
}

async fn a_week_with_a_clock_change_says_so(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.bookable_expert_with_rates("ana@example.org", "Spanish", &[(30, 2000)])
        .await;
    let slug = madrid_every_day(&app, "ana@example.org").await;
    // Europe changes clocks on Sunday 28 March 2027; the viewer in Kolkata never does.
    let html = app
        .get(&format!("/experts/{slug}?tz=Asia/Kolkata&week=2027-03-24"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(
            "Clocks change in Europe/Madrid on Sun, Mar 28: UTC+01:00 becomes UTC+02:00."
        ),
        "{html}"
    );
    assert!(!html.contains("Clocks change in Asia/Kolkata"));
    // A viewer in New York sees their own change (14 March) in that week instead.
    let html = app
        .get(&format!(
            "/experts/{slug}?tz=America/New_York&week=2027-03-10"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(
        "Clocks change in America/New_York on Sun, Mar 14: UTC-05:00 becomes UTC-04:00."
    ));
    assert!(!html.contains("Clocks change in Europe/Madrid"));
    // An unknown zone is pointed out, and times fall back to UTC meanwhile.
    let html = app
        .get(&format!("/experts/{slug}?tz=Nowhere/Land"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"value="Nowhere/Land""#) && html.contains("aria-invalid=\"true\""));
    assert!(html.contains("(UTC), 30 minutes"));
}

async fn a_chosen_slot_shows_both_times_and_whether_it_is_still_free(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let ana = app
        .bookable_expert_with_rates("ana@example.org", "Spanish", &[(30, 2000)])
        .await;
    let slug = madrid_every_day(&app, "ana@example.org").await;
    let (status, body) = {
        let res = app
            .get(&format!(
                "/api/v1/experts/{}/slots?from={}",
                ana.id,
                chrono::Utc::now().date_naive() + chrono::Duration::days(2)
            ))
            .await;
        (res.status().as_u16(), res.json::<Value>().await.unwrap())
    };
    assert_eq!(status, 200);
    let start = body["slots"][0]["start"].as_str().unwrap().to_owned();
    let res = app
        .get(&format!(
            "/experts/{slug}/book?start={start}&duration=30&tz=America/New_York"
        ))
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("(America/New_York)</bdi></dd>")
            && html.contains("(Europe/Madrid)</bdi></dd>")
    );
    assert!(html.contains("€20.00"));
    // A time that is not a free slot (a minute off) is said to be gone.
    let off = chrono::DateTime::parse_from_rfc3339(&start).unwrap() + chrono::Duration::minutes(1);
    let res = app
        .get(&format!(
            "/experts/{slug}/book?start={}&duration=30",
            off.to_utc().format("%Y-%m-%dT%H:%M:%SZ")
        ))
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("This time is no longer free.")
    );
}

async fn the_calendar_marks_dates_and_starts_overrides(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    expert(&app, "greta@example.org").await;
    let (token, _) = app.api_log_in("greta@example.org").await;
    let today = chrono::Utc::now().date_naive();
    let closed = today + chrono::Duration::days(3);
    let off = today + chrono::Duration::days(5);
    let res = app
        .bearer(Method::PUT, "/api/v1/experts/me/availability", &token)
        .json(&serde_json::json!({
            "time_zone": "UTC",
            "weekly": [{"weekday": "mon", "start": "09:00", "end": "10:00"}],
            "overrides": [{"date": closed.to_string(), "intervals": []}],
            "time_off": [{"from": format!("{off}T10:00:00Z"), "to": format!("{off}T11:00:00Z")}],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let html = app.get("/experts/availability").await.text().await.unwrap();
    let link = |date: chrono::NaiveDate, state: &str| {
        format!(
            r#"class="calendar-day state-{state}" href="/experts/availability?override={date}#overrides""#
        )
    };
    assert!(html.contains(&link(closed, "closed")), "{html}");
    assert!(html.contains(&link(off, "time-off")));
    assert!(html.contains(": Closed. Set other hours for this date."));
    // Picking a date starts an override row for it.
    let picked = today + chrono::Duration::days(7);
    let html = app
        .get(&format!("/experts/availability?override={picked}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&format!(
        r#"id="override-date-1" name="override_date" type="date" value="{picked}""#
    )));
}

both_backends!(
    the_calendar_marks_dates_and_starts_overrides,
    the_editor_saves_and_previews,
    editor_errors_are_inline_and_keep_what_was_typed,
    weekly_hours_are_edited_day_by_day,
    time_off_is_typed_in_the_experts_zone,
    people_without_an_expert_profile_are_pointed_to_the_application,
    the_profile_shows_a_week_of_slot_buttons_in_the_viewers_zone,
    a_week_with_a_clock_change_says_so,
    a_chosen_slot_shows_both_times_and_whether_it_is_still_free,
);
