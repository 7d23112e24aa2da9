//! The demo learning record: past sessions that took place, with reviews of varied
//! ratings (so the directory's rating order and filter show real differences), experts'
//! replies, helpful votes, NPS answers, and Lena Learner's own notes, resources, chat and
//! goals.
//!
//! Every row has an id derived from its name (`demo_id`), and each step first looks for
//! what it would write, so seeding again (or after a run that stopped halfway) adds only
//! what is missing. The sessions are written straight through the store (held, confirmed,
//! completed) at times in the past, which no booking flow allows; they carry no payment,
//! so they never appear among paid bookings or reach an expert's payouts.

use domain::booking::{Actor, BookingStatus, PolicyPreset};
use domain::{EmailAddress, PasswordHash};
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use store::Database;
use store::bookings::{self, Attribution, HoldOutcome, NewBooking, TransitionUpdates};
use store::learning::{goals, notes, nps, resources, reviews};
use store::users::{self, NewUser, User};
use uuid::Uuid;

/// Learners who wrote the demo reviews (reviews show first names only).
const REVIEWERS: &[&str] = &[
    "Marco Rossi",
    "Sofia Lindqvist",
    "Yuki Tanaka",
    "Omar Haddad",
    "Priya Nair",
    "Jonas Weber",
];

const REVIEW_TEXTS: &[&str] = &[
    "Clear explanations and a plan I could follow the week after.",
    "Very patient. We went through every question I brought.",
    "Good session, though we ran a little over time.",
    "Exactly the feedback I needed before my interview.",
    "Friendly and well prepared; the exercises were spot on.",
    "Useful, but I would have liked more practice and less theory.",
    "",
    "I finally understand the topic that blocked me for months.",
    "Started late and felt rushed at the end.",
    "Great energy, concrete examples, and homework that made sense.",
];

const REPLIES: &[&str] = &[
    "Thank you! Looking forward to our next session.",
    "Thanks for the feedback — next time we will keep more time for practice.",
    "So glad it helped. Good luck with the interview!",
];

/// How many reviews each demo expert gets (by position in the demo list, cycling), and
/// the stars they centre on: from a single 5★ review to many excellent or mixed ones.
const PLAN: &[(usize, i32)] = &[
    (1, 5),
    (11, 5),
    (6, 4),
    (0, 0),
    (9, 4),
    (3, 3),
    (7, 5),
    (2, 4),
    (5, 3),
    (12, 4),
];

/// Offsets from an expert's centre, so ratings spread.
const SPREAD: &[i32] = &[0, 0, -1, 0, 1, 0, -2, 0, -1, 1];

pub async fn seed(
    db: &Database,
    files: &dyn app::files::FileStore,
    hash: &PasswordHash,
    domain_name: &str,
) -> anyhow::Result<()> {
    let lena = find(db, &format!("learner@{domain_name}")).await?;
    let now = db.clock().now();
    let mut reviewers = Vec::new();
    for (i, name) in REVIEWERS.iter().enumerate() {
        let email = format!("reviewer{}@{domain_name}", i + 1);
        reviewers.push(account(db, hash, &email, name).await?);
    }
    // Every demo session gets its own hour, three hours apart, from 60 days ago on (a
    // session seeded before keeps the time it was given then).
    let mut slot = 0_i64;
    let mut next_start = || {
        slot += 1;
        now - SignedDuration::from_hours(60 * 24) + SignedDuration::from_hours(3 * slot)
    };
    let mut review_number = 0_usize;
    for i in 0..super::demo_experts::EXPERTS.len() {
        let expert = find(db, &format!("expert{}@{domain_name}", i + 1)).await?;
        let (count, centre) = PLAN[i % PLAN.len()];
        for k in 0..count {
            let learner = &reviewers[(i + k) % reviewers.len()];
            let id = demo_id(&format!("booking:{}:{k}", expert.email));
            let Some(booking) = completed(db, id, &expert, learner, next_start()).await? else {
                continue;
            };
            let stars = (centre + SPREAD[(i + k) % SPREAD.len()]).clamp(1, 5);
            let verdict = reviews::Verdict {
                rating: stars,
                clarity: k.is_multiple_of(2).then_some(stars),
                preparation: k.is_multiple_of(3).then_some((stars + 1).min(5)),
                punctuality: (k % 4 == 1).then_some(stars),
                body: REVIEW_TEXTS[review_number % REVIEW_TEXTS.len()].to_owned(),
            };
            // Each of these is a no-op when the seed ran before.
            let written = booking.end_at + SignedDuration::from_hours(20);
            reviews::insert(db, booking.id, expert.id, learner.id, &verdict, written).await?;
            if review_number.is_multiple_of(3) {
                let reply = REPLIES[review_number % REPLIES.len()];
                let at = written + SignedDuration::from_hours(5);
                reviews::reply(db, booking.id, reply, at).await?;
            }
            // Some reviews helped other learners choose.
            for voter in reviewers.iter().filter(|r| r.id != learner.id).take(k % 4) {
                reviews::mark(db, booking.id, voter.id, reviews::Mark::Helpful, "", now).await?;
            }
            review_number += 1;
        }
    }
    for (i, reviewer) in reviewers.iter().enumerate() {
        let (score, comment) = [
            (10, "Booking is easy and the experts are great."),
            (9, ""),
            (8, "Good, but I would like more evening times."),
            (6, "Prices are high in my currency."),
            (10, ""),
            (7, ""),
        ][i % 6];
        // Once: a later seed finds this answer and adds nothing.
        let id = demo_id(&format!("nps:{}", reviewer.email));
        let since = now - SignedDuration::from_hours(24 * 3650);
        nps::answer(db, id, reviewer.id, Some(score), comment, since, now).await?;
    }
    lenas_record(db, files, &lena, domain_name, now).await
}

/// Lena's own learning: two sessions with Aiko Suzuki (reviewed, with notes, resources,
/// chat, goals), and one with Bruno Costa two days ago, still waiting for her review.
async fn lenas_record(
    db: &Database,
    files: &dyn app::files::FileStore,
    lena: &User,
    domain_name: &str,
    now: Timestamp,
) -> anyhow::Result<()> {
    let aiko = find(db, &format!("expert27@{domain_name}")).await?;
    let bruno = find(db, &format!("expert28@{domain_name}")).await?;
    let days_ago = |d: i64| {
        let day = now - SignedDuration::from_hours(24 * d);
        // On the hour, so the sessions read naturally.
        Timestamp::from_second(day.as_second() - day.as_second().rem_euclid(3600)).unwrap_or(day)
    };
    let first = completed(db, demo_id("booking:lena:1"), &aiko, lena, days_ago(12)).await?;
    let second = completed(db, demo_id("booking:lena:2"), &aiko, lena, days_ago(5)).await?;
    completed(db, demo_id("booking:lena:3"), &bruno, lena, days_ago(2)).await?;
    let (Some(first), Some(second)) = (first, second) else {
        return Ok(());
    };
    for (booking, stars, text) in [
        (
            &first,
            5,
            "Aiko found exactly where my listening breaks down. Great start.",
        ),
        (
            &second,
            4,
            "Lots of speaking practice. I want more kanji next time.",
        ),
    ] {
        let verdict = reviews::Verdict {
            rating: stars,
            clarity: Some(5),
            preparation: Some(stars),
            punctuality: Some(5),
            body: text.to_owned(),
        };
        let written = booking.end_at + SignedDuration::from_hours(3);
        reviews::insert(db, booking.id, aiko.id, lena.id, &verdict, written).await?;
    }
    reviews::reply(
        db,
        first.id,
        "Thank you, Lena! Keep shadowing ten minutes a day.",
        first.end_at + SignedDuration::from_hours(8),
    )
    .await?;
    notes::save_shared(
        db,
        first.series_id,
        0,
        "**Session 1**\n\n- Self-introduction: *jikoshoukai*\n- Particles **wa** and **ga**\n\n\
         Homework: shadow the dialogue in lesson 3 for ten minutes a day.",
        aiko.id,
        first.end_at,
    )
    .await?;
    // Her own words, once: a later seed never overwrites what she wrote since.
    if notes::private(db, first.series_id, lena.id)
        .await?
        .is_empty()
    {
        let text = "Ask about the difference between *wa* and *ga* again.";
        notes::save_private(db, first.series_id, lena.id, text, first.end_at).await?;
    }
    let link_id = demo_id("resource:lena:jisho");
    if resources::find(db, first.series_id, link_id)
        .await?
        .is_none()
    {
        let link = resources::Resource {
            id: link_id,
            series_id: first.series_id,
            added_by: aiko.id,
            title: "Jisho — Japanese dictionary".into(),
            url: Some("https://jisho.org/".into()),
            file_key: None,
            file_name: None,
            content_type: None,
            size_bytes: None,
            created_at: first.end_at.as_second(),
        };
        already_there(resources::add(db, &link, u64::MAX).await)?;
    }
    let file_id = demo_id("resource:lena:kana");
    if resources::find(db, first.series_id, file_id)
        .await?
        .is_none()
    {
        let pdf = kana_chart();
        let key = format!(
            "resources/{}/{}",
            first.series_id.simple(),
            file_id.simple()
        );
        files.put(&key, pdf.clone()).await?;
        let file = resources::Resource {
            id: file_id,
            series_id: first.series_id,
            added_by: aiko.id,
            title: "Kana chart".into(),
            url: None,
            file_key: Some(key),
            file_name: Some("Kana chart.pdf".into()),
            content_type: Some("application/pdf".into()),
            size_bytes: Some(i64::try_from(pdf.len()).unwrap_or(0)),
            created_at: first.end_at.as_second(),
        };
        already_there(resources::add(db, &file, u64::MAX).await)?;
    }
    if store::rooms::messages(db, first.id, 1).await?.is_empty() {
        for (who, minutes, text) in [
            (aiko.id, 5, "Welcome! Can you hear me well?"),
            (lena.id, 6, "Yes, perfectly."),
            (
                aiko.id,
                40,
                "The dialogue is on page 12 of the PDF I attached.",
            ),
        ] {
            let message = store::rooms::Message {
                id: demo_id(&format!("chat:lena:{minutes}")),
                booking_id: first.id,
                account_id: who,
                body: text.into(),
                created_at: (first.start_at + SignedDuration::from_mins(minutes)).as_second(),
            };
            already_there(store::rooms::add_message(db, &message).await)?;
        }
    }
    let goal = |title: &str, detail: &str, target_days: Option<i64>, shared: bool| {
        let target = target_days.map(|d| {
            (now + SignedDuration::from_hours(24 * d))
                .strftime("%Y-%m-%d")
                .to_string()
        });
        goals::GoalRow {
            id: demo_id(&format!("goal:lena:{title}")),
            learner_id: lena.id,
            title: title.into(),
            detail: detail.into(),
            status: "active".into(),
            target_date: target,
            shared,
            created_at: days_ago(14).as_second(),
            updated_at: days_ago(14).as_second(),
        }
    };
    let talk = goal(
        "Hold a 10-minute conversation in Japanese",
        "About my work and my weekend, without switching to English.",
        Some(90),
        true,
    );
    let exam = goal("Pass the JLPT N5", "", Some(200), false);
    let reading = goal("Read one NHK Easy article a day", "", None, false);
    for g in [&talk, &exam, &reading] {
        if goals::find(db, lena.id, g.id).await?.is_none() {
            already_there(goals::create(db, g, u64::MAX).await)?;
        }
    }
    // Reached three days ago (the timeline shows the change), unless it changed since.
    let untouched = goals::find(db, lena.id, reading.id)
        .await?
        .is_some_and(|g| g.status == "active" && g.updated_at == g.created_at);
    if untouched {
        let mut reached = reading.clone();
        reached.status = "achieved".into();
        goals::update(db, &reached, days_ago(3)).await?;
    }
    for booking in [&first, &second] {
        goals::link(db, talk.id, booking.series_id, booking.start_at).await?;
    }
    Ok(())
}

async fn find(db: &Database, email: &str) -> anyhow::Result<User> {
    let address = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    users::find_by_email(db, &address)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo account {email} is missing"))
}

async fn account(
    db: &Database,
    hash: &PasswordHash,
    email: &str,
    name: &str,
) -> anyhow::Result<User> {
    let address = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(user) = users::find_by_email(db, &address).await? {
        return Ok(user);
    }
    let created = users::create(
        db,
        NewUser {
            email: address.clone(),
            display_name: name.to_owned(),
            password_hash: hash.clone(),
            email_verified: true,
            extra_roles: Vec::new(),
            locale: "en".into(),
            time_zone: "UTC".into(),
            currency: "USD".into(),
        },
    )
    .await;
    match created {
        Ok(user) => Ok(user),
        // Another seed (a second instance starting) made it meanwhile.
        Err(store::StoreError::AlreadyExists(_)) => find(db, email).await,
        Err(e) => Err(e.into()),
    }
}

/// A row another seed wrote meanwhile is the row this one meant to write.
fn already_there<T>(written: Result<T, store::StoreError>) -> Result<(), store::StoreError> {
    match written {
        Ok(_) | Err(store::StoreError::AlreadyExists(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The one-hour session `id` of `expert` with `learner` at `start`, completed (taken on
/// from where an earlier seed left it); `None` when that earlier run left it where it
/// cannot be completed (a hold that expired meanwhile).
async fn completed(
    db: &Database,
    id: Uuid,
    expert: &User,
    learner: &User,
    start: Timestamp,
) -> anyhow::Result<Option<store::bookings::BookingRow>> {
    if let Some(row) = bookings::find(db, id).await? {
        return finish(db, row).await;
    }
    let profile = store::experts::find(db, expert.id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("{} has no expert profile", expert.email))?;
    let price = profile
        .rates
        .iter()
        .find(|(minutes, _)| *minutes == 60)
        .or(profile.rates.first())
        .map_or(5000, |(minutes, minor)| {
            minor * 60 / i64::from((*minutes).max(1))
        });
    let end = start + SignedDuration::from_hours(1);
    let new = NewBooking {
        id,
        expert_id: expert.id,
        learner_id: learner.id,
        status: BookingStatus::Held,
        start_at: start,
        end_at: end,
        blocked_from: start,
        blocked_to: end,
        duration_minutes: 60,
        hold_expires_at: start,
        price_amount: price,
        currency: profile.currency.clone(),
        policy: PolicyPreset::Flexible.policy().to_stored(),
        note: None,
        series_id: id,
        sequence: 0,
        rescheduled_from: None,
        payment_provider: ::app::bookings::SANDBOX_PROVIDER.into(),
        payment_ref: None,
        paid_amount: 0,
        refunded_amount: 0,
        policy_start_at: start,
        reschedule_count: 0,
        commission_bps: i32::from(domain::payment::commission::DEFAULT_BPS),
    };
    let at = start - SignedDuration::from_hours(48);
    let held = bookings::hold(db, &new, None, demo(at)).await;
    if let Ok(HoldOutcome::Created(row)) = held {
        return finish(db, row).await;
    }
    // Another seed held it meanwhile: take it on from there.
    match bookings::find(db, id).await? {
        Some(row) => finish(db, row).await,
        None => anyhow::bail!("the demo session could not be made: {held:?}"),
    }
}

/// Takes a demo session on from where it stands (held, confirmed) to completed; `None`
/// when it stands anywhere else.
async fn finish(
    db: &Database,
    row: store::bookings::BookingRow,
) -> anyhow::Result<Option<store::bookings::BookingRow>> {
    let none = TransitionUpdates::default();
    let mut status = row.status()?;
    if status == BookingStatus::Held {
        let at = row.start_at - SignedDuration::from_hours(47);
        bookings::transition(
            db,
            row.id,
            status,
            BookingStatus::Confirmed,
            &none,
            demo(at),
        )
        .await?;
        status = BookingStatus::Confirmed;
    }
    if status == BookingStatus::Confirmed {
        let at = row.end_at + SignedDuration::from_mins(30);
        bookings::transition(
            db,
            row.id,
            status,
            BookingStatus::Completed,
            &none,
            demo(at),
        )
        .await?;
    }
    let done = bookings::find(db, row.id)
        .await?
        .filter(|r| r.status == BookingStatus::Completed.as_str());
    if done.is_none() {
        tracing::warn!(booking = %row.id, "a demo session was left where it cannot be completed");
    }
    Ok(done)
}

/// Who made a demo change, and when.
fn demo(now: Timestamp) -> Attribution<'static> {
    Attribution {
        actor: Actor::System,
        actor_id: None,
        reason: Some("demo data"),
        now,
    }
}

/// An id fixed by `name`, so a second seed finds what the first wrote.
fn demo_id(name: &str) -> Uuid {
    let digest = Sha256::digest(format!("mentora-demo:{name}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Uuid::from_bytes(bytes)
}

/// A one-page PDF that says "Kana chart", small enough to keep in the binary's source.
fn kana_chart() -> Vec<u8> {
    let content = "BT /F1 24 Tf 72 720 Td (Kana chart: a i u e o) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
