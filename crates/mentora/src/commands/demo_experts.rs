//! Demo experts: about thirty approved, bookable experts across specialties, languages,
//! currencies and time zones, each with a generated avatar, so the directory looks alive.
//! They go through the same use cases a real applicant and verifier do.

use app::experts::application::{self, Amount, ApplicationInput, RateInput};
use app::files::FileStore;
use domain::expert::Decision;
use domain::{EmailAddress, PasswordHash, Role};
use store::Database;
use store::experts::{self, PayoutState};
use store::logins::ClientInfo;
use store::users::{self, NewUser, ProfileChanges};

/// name, zone, currency, languages, specialties, headline, hourly price (major units).
type Demo = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
);

pub const EXPERTS: &[Demo] = &[
    (
        "Ana García",
        "Europe/Madrid",
        "EUR",
        &["es", "en"],
        &["spanish", "english"],
        "Spanish conversation coach for busy professionals",
        "35",
    ),
    (
        "Ben Carter",
        "America/New_York",
        "USD",
        &["en"],
        &["rust", "devops"],
        "Rust mentor for backend engineers",
        "95",
    ),
    (
        "Chen Wei",
        "Asia/Shanghai",
        "CNY",
        &["zh", "en"],
        &["mandarin"],
        "Mandarin from zero to HSK 4",
        "220",
    ),
    (
        "Dalia Haddad",
        "Asia/Dubai",
        "AED",
        &["ar", "en"],
        &["arabic", "writing"],
        "Modern Standard Arabic and academic writing",
        "180",
    ),
    (
        "Emma Schmidt",
        "Europe/Berlin",
        "EUR",
        &["de", "en"],
        &["german", "interview-prep"],
        "German for job interviews in DACH",
        "45",
    ),
    (
        "Felipe Souza",
        "America/Sao_Paulo",
        "BRL",
        &["pt", "en", "es"],
        &["python", "data-science"],
        "Python and pandas for analysts",
        "250",
    ),
    (
        "Grace Okafor",
        "Africa/Lagos",
        "NGN",
        &["en"],
        &["product-management", "leadership"],
        "Product management, from idea to launch",
        "60000",
    ),
    (
        "Hiro Tanaka",
        "Asia/Tokyo",
        "JPY",
        &["ja", "en"],
        &["japanese", "music-production"],
        "Japanese for anime fans and travellers",
        "6000",
    ),
    (
        "Isabel Rossi",
        "Europe/Rome",
        "EUR",
        &["it", "en", "fr"],
        &["ux-design", "ui-design"],
        "UX research and interface design reviews",
        "70",
    ),
    (
        "Jonas Berg",
        "Europe/Stockholm",
        "SEK",
        &["sv", "en"],
        &["machine-learning", "statistics"],
        "Machine learning foundations without the hype",
        "950",
    ),
    (
        "Kavya Iyer",
        "Asia/Kolkata",
        "INR",
        &["hi", "en", "ta"],
        &["mathematics", "physics"],
        "Maths and physics for competitive exams",
        "2500",
    ),
    (
        "Liam O'Brien",
        "Europe/Dublin",
        "EUR",
        &["en", "ga"],
        &["guitar", "singing"],
        "Acoustic guitar and songwriting",
        "40",
    ),
    (
        "Maya Cohen",
        "Asia/Jerusalem",
        "ILS",
        &["he", "en"],
        &["javascript", "web-development"],
        "Modern JavaScript and TypeScript for the web",
        "300",
    ),
    (
        "Nikolai Petrov",
        "Europe/Warsaw",
        "PLN",
        &["pl", "ru", "en"],
        &["go", "sql"],
        "Go services and SQL performance",
        "320",
    ),
    (
        "Olivia Brown",
        "Australia/Sydney",
        "AUD",
        &["en"],
        &["marketing", "entrepreneurship"],
        "Growth marketing for early-stage startups",
        "140",
    ),
    (
        "Pablo Martínez",
        "America/Mexico_City",
        "MXN",
        &["es", "en"],
        &["spanish", "illustration"],
        "Latin American Spanish through stories",
        "600",
    ),
    (
        "Quinn Murphy",
        "America/Chicago",
        "USD",
        &["en"],
        &["java", "interview-prep"],
        "Java and system design interview practice",
        "110",
    ),
    (
        "Rania Aziz",
        "Africa/Cairo",
        "EGP",
        &["ar", "en", "fr"],
        &["arabic", "french"],
        "Egyptian Arabic and French conversation",
        "1200",
    ),
    (
        "Sofia Lindqvist",
        "Europe/Helsinki",
        "EUR",
        &["fi", "sv", "en"],
        &["piano"],
        "Classical and jazz piano for adults",
        "55",
    ),
    (
        "Tomás Silva",
        "Europe/Lisbon",
        "EUR",
        &["pt", "es", "en"],
        &["mobile-development", "javascript"],
        "React Native apps from prototype to store",
        "65",
    ),
    (
        "Uma Patel",
        "Europe/London",
        "GBP",
        &["en", "gu", "hi"],
        &["data-science", "sql"],
        "Data storytelling with SQL and notebooks",
        "75",
    ),
    (
        "Viktor Novák",
        "Europe/Prague",
        "CZK",
        &["cs", "de", "en"],
        &["chemistry", "mathematics"],
        "Chemistry tutoring for university entrance",
        "900",
    ),
    (
        "Wen Li",
        "Asia/Singapore",
        "SGD",
        &["en", "zh"],
        &["leadership", "product-management"],
        "Engineering leadership coaching",
        "180",
    ),
    (
        "Ximena Torres",
        "America/Bogota",
        "COP",
        &["es", "en"],
        &["ui-design", "illustration"],
        "Digital illustration for beginners",
        "150000",
    ),
    (
        "Yusuf Demir",
        "Europe/Istanbul",
        "TRY",
        &["tr", "en", "de"],
        &["python", "machine-learning"],
        "Deep learning with PyTorch, step by step",
        "2800",
    ),
    (
        "Zara Khan",
        "Asia/Karachi",
        "PKR",
        &["ur", "en"],
        &["english", "writing"],
        "IELTS writing and speaking",
        "9000",
    ),
    (
        "Aiko Suzuki",
        "Pacific/Auckland",
        "NZD",
        &["en", "ja"],
        &["japanese", "ux-design"],
        "Japanese business etiquette and language",
        "120",
    ),
    (
        "Bruno Costa",
        "Atlantic/Azores",
        "EUR",
        &["pt", "en"],
        &["music-production", "guitar"],
        "Home studio music production",
        "50",
    ),
    (
        "Chloé Martin",
        "Europe/Paris",
        "EUR",
        &["fr", "en"],
        &["french", "writing"],
        "French for expats, from A2 to B2",
        "48",
    ),
    (
        "Diego Ramírez",
        "America/Los_Angeles",
        "USD",
        &["es", "en"],
        &["devops", "go"],
        "Kubernetes and cloud infrastructure mentoring",
        "130",
    ),
];

const BIO: &str = "I have taught this for years, one person at a time.\n\n\
**In our sessions** we start from where you are, set one goal per session and practise \
with real material. You leave each session with notes and one thing to try before the next.";

/// Creates every demo expert that does not exist yet, approved by `verifier` and with
/// test-mode payouts set up.
pub async fn seed(
    db: &Database,
    files: &dyn FileStore,
    password_hash: &PasswordHash,
    verifier: uuid::Uuid,
    domain_name: &str,
) -> anyhow::Result<()> {
    let client = ClientInfo::default();
    for (i, (name, zone, currency, languages, specialties, headline, hourly)) in
        EXPERTS.iter().enumerate()
    {
        let email = EmailAddress::parse(&format!("expert{}@{domain_name}", i + 1))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if users::find_by_email(db, &email).await?.is_some() {
            continue;
        }
        let created = users::create(
            db,
            NewUser {
                email,
                display_name: (*name).to_owned(),
                password_hash: password_hash.clone(),
                email_verified: true,
                extra_roles: vec![Role::Expert],
                locale: "en".into(),
                time_zone: (*zone).into(),
                currency: (*currency).into(),
            },
        )
        .await;
        let user = match created {
            Ok(user) => user,
            // Another process seeded it in between.
            Err(store::StoreError::AlreadyExists(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        let png = app::avatar::generate(name);
        let key = app::avatar::key_for(user.id, &png);
        files.put(&format!("avatars/{key}"), png).await?;
        let user = users::update_profile(
            db,
            user.id,
            ProfileChanges {
                avatar_key: Some(Some(key)),
                languages: Some(languages.iter().map(|l| (*l).to_owned()).collect()),
                ..ProfileChanges::default()
            },
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo expert vanished"))?;
        let hour: i64 = hourly.parse()?;
        application::save(
            db,
            &user,
            ApplicationInput {
                headline: Some((*headline).to_owned()),
                bio: Some(BIO.to_owned()),
                specialties: Some(specialties.iter().map(|s| (*s).to_owned()).collect()),
                languages: Some(languages.iter().map(|l| (*l).to_owned()).collect()),
                currency: Some((*currency).to_owned()),
                rates: Some(vec![
                    RateInput {
                        duration_minutes: 30,
                        amount: Amount::Major((hour * 55 / 100).to_string()),
                    },
                    RateInput {
                        duration_minutes: 60,
                        amount: Amount::Major(hour.to_string()),
                    },
                    RateInput {
                        duration_minutes: 90,
                        amount: Amount::Major((hour * 140 / 100).to_string()),
                    },
                ]),
                intro_video_url: None,
            },
            &client,
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo expert {name}: {e}"))?;
        experts::submit(db, user.id).await?.map_err(refused)?;
        experts::decide(
            db,
            user.id,
            Decision::Approve,
            "Demo expert: documents checked.",
            verifier,
        )
        .await?
        .map_err(refused)?;
        let account = format!("acct_sandbox_{}", user.id.simple());
        experts::set_payout_account(db, user.id, &account).await?;
        experts::update_payout_state(
            db,
            &account,
            &PayoutState {
                account_id: Some(account.clone()),
                charges_enabled: true,
                payouts_enabled: true,
                requirements: Vec::new(),
            },
            db.clock().now(),
        )
        .await?;
    }
    Ok(())
}

/// Weekly hours the demo experts keep, in their own zones, by pattern: (weekdays, start,
/// end) pieces.
const HOURS: &[&[(&[&str], &str, &str)]] = &[
    &[
        (&["mon", "tue", "wed", "thu", "fri"], "09:00", "12:00"),
        (&["mon", "tue", "wed", "thu", "fri"], "14:00", "18:00"),
    ],
    &[
        (&["mon", "tue", "wed", "thu"], "17:00", "21:00"),
        (&["sat"], "10:00", "14:00"),
    ],
    &[
        (&["tue", "wed", "thu", "fri", "sat"], "08:00", "11:30"),
        (&["tue", "thu"], "13:00", "16:00"),
    ],
];

/// Gives every demo expert without rules their weekly hours (so demo databases seeded
/// before scheduling existed get them too), then their first free slot.
pub async fn seed_availability(db: &Database, domain_name: &str) -> anyhow::Result<()> {
    let cache = app::scheduling::ScheduleCache::in_process();
    for i in 0..EXPERTS.len() {
        let email = EmailAddress::parse(&format!("expert{}@{domain_name}", i + 1))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let Some(user) = users::find_by_email(db, &email).await? else {
            continue;
        };
        if store::availability::rules(db, user.id).await?.is_some() {
            continue;
        }
        let weekly = HOURS[i % HOURS.len()]
            .iter()
            .flat_map(|(days, start, end)| {
                days.iter().map(|day| app::scheduling::document::WeeklyDoc {
                    weekday: (*day).to_owned(),
                    start: (*start).to_owned(),
                    end: (*end).to_owned(),
                })
            })
            .collect();
        let document = app::scheduling::document::RulesDocument {
            time_zone: user.time_zone.clone(),
            weekly,
            overrides: Vec::new(),
            time_off: Vec::new(),
            buffer_before_minutes: 0,
            buffer_after_minutes: if i % 2 == 0 { 10 } else { 0 },
            min_notice_minutes: 240,
            horizon_days: 60,
            align_to_blocks: false,
            durations: None,
            slot_step_minutes: 30,
            daily_cap: Some(6),
            cancellation_policy: "moderate".into(),
        };
        app::scheduling::rules::replace(db, &cache, &user, &document)
            .await
            .map_err(|e| anyhow::anyhow!("demo availability for {}: {e}", user.email))?;
    }
    Ok(())
}

fn refused(r: store::experts::Refused) -> anyhow::Error {
    anyhow::anyhow!("demo expert could not advance: {r:?}")
}

/// Words generated experts are made of: enough variety that a text search narrows the
/// directory the way real profiles would.
const TOPICS: &[(&str, &str)] = &[
    ("rust", "Rust systems programming"),
    ("python", "Python for data work"),
    ("javascript", "TypeScript and modern web apps"),
    ("go", "Go services and concurrency"),
    ("machine-learning", "machine learning in practice"),
    ("sql", "SQL query tuning"),
    ("ux-design", "UX research and prototyping"),
    ("spanish", "Spanish conversation"),
    ("german", "German grammar made simple"),
    ("japanese", "Japanese for travellers"),
    ("product-management", "product discovery"),
    ("interview-prep", "coding interview practice"),
    ("guitar", "fingerstyle guitar"),
    ("piano", "jazz piano harmony"),
    ("mathematics", "calculus and linear algebra"),
    ("writing", "academic writing and editing"),
];
const GIVEN: &[&str] = &[
    "Alex", "Bea", "Carlos", "Dina", "Elif", "Farid", "Greta", "Hana", "Ivan", "Jade", "Kofi",
    "Lucía", "Mateo", "Noor", "Omar", "Priya", "Rosa", "Sami", "Tariq", "Yara",
];
const FAMILY: &[&str] = &[
    "Andersen",
    "Bakr",
    "Chowdhury",
    "Díaz",
    "Eriksen",
    "Fischer",
    "González",
    "Haddad",
    "Ito",
    "Jovanović",
    "Kowalski",
    "Lopes",
    "Mensah",
    "Nakamura",
    "Okoro",
    "Petrov",
];
const CURRENCIES: &[(&str, i64)] = &[
    ("USD", 6000),
    ("EUR", 5500),
    ("GBP", 4800),
    ("JPY", 9000),
    ("INR", 250000),
    ("BRL", 30000),
];
const LANGUAGES: &[&str] = &["en", "es", "de", "fr", "ja", "ar", "pt", "hi"];

/// Adds `count` generated, approved and bookable experts (`bench-expert-N@…`), straight
/// through the store: load tests need thousands, and the use cases' own checks are covered
/// by the tests. Returns how many it added (existing ones are skipped).
pub async fn seed_synthetic(db: &Database, count: u32) -> anyhow::Result<u32> {
    let hash = domain::NewPassword::parse(super::demo::PASSWORD)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .hash()?;
    let mut added = 0;
    for i in 0..count as usize {
        let email = EmailAddress::parse(&format!("bench-expert-{i}@{}", super::demo::DOMAIN))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if users::find_by_email(db, &email).await?.is_some() {
            continue;
        }
        let name = format!(
            "{} {}",
            GIVEN[i % GIVEN.len()],
            FAMILY[(i / GIVEN.len()) % FAMILY.len()]
        );
        let (currency, base) = CURRENCIES[i % CURRENCIES.len()];
        let topic = TOPICS[i % TOPICS.len()];
        let second = TOPICS[(i * 7 + 3) % TOPICS.len()];
        let user = users::create(
            db,
            NewUser {
                email,
                display_name: name.clone(),
                password_hash: hash.clone(),
                email_verified: true,
                extra_roles: vec![Role::Expert],
                locale: "en".into(),
                time_zone: "UTC".into(),
                currency: currency.into(),
            },
        )
        .await?;
        // Prices spread over ±50 % of the currency's base hour.
        let hour = base / 2 + (base * ((i * 37) % 100) as i64) / 100;
        let headline = format!("{} and {}", topic.1, second.1);
        let mut specialties = vec![topic.0.to_owned(), second.0.to_owned()];
        specialties.dedup();
        let languages = vec![LANGUAGES[i % LANGUAGES.len()].to_owned(), "en".to_owned()];
        let hourly = domain::profile::CurrencyCode::parse(currency)
            .ok()
            .map(|c| domain::money::Money::new(hour, c));
        let content = experts::ApplicationContent {
            headline: headline.clone(),
            bio: BIO.to_owned(),
            bio_html: domain::markdown::to_safe_html(BIO),
            currency: currency.to_owned(),
            intro_video_url: None,
            languages: {
                let mut l = languages;
                l.dedup();
                l
            },
            specialties,
            rates: vec![(60, hour)],
            hourly_from_minor: Some(hour),
            hourly_from_usd_cents: hourly.and_then(domain::money::usd_cents),
            search_text: domain::expert::fold_for_search(&format!(
                "{name} {headline} {}",
                domain::markdown::plain_excerpt(BIO, 5000)
            )),
        };
        let slug = domain::expert::slug(&name, &format!("b{i}"));
        experts::save_content(db, user.id, &slug, content)
            .await?
            .map_err(refused)?;
        experts::submit(db, user.id).await?.map_err(refused)?;
        experts::decide(db, user.id, Decision::Approve, "Generated expert.", user.id)
            .await?
            .map_err(refused)?;
        let account = format!("acct_sandbox_{}", user.id.simple());
        experts::set_payout_account(db, user.id, &account).await?;
        let state = PayoutState {
            account_id: Some(account.clone()),
            charges_enabled: true,
            payouts_enabled: true,
            requirements: Vec::new(),
        };
        experts::update_payout_state(db, &account, &state, jiff::Timestamp::UNIX_EPOCH).await?;
        // A third have a free slot within the week, so "available" and "soonest" have work.
        if i % 3 == 0 {
            let soon =
                db.clock().now() + jiff::SignedDuration::from_hours((i % 7) as i64 * 24 + 24);
            experts::set_next_available(db, user.id, Some(soon)).await?;
        }
        added += 1;
    }
    Ok(added)
}
