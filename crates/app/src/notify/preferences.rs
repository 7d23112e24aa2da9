//! Each person's choice, per topic, of the centre and email. Reminders keep theirs in the
//! profile's reminder channels (one place for one choice); every other topic in
//! `notification_preferences`, defaulting to both channels.

use domain::notification::{Channels, DEFAULT_CHANNELS, TOPICS, Topic};
use store::Database;
use store::notifications::Preference;
use store::users::{ProfileChanges, User};

/// What `user` chose for `topic`.
pub async fn channels(
    db: &Database,
    user: &User,
    topic: Topic,
) -> Result<Channels, store::StoreError> {
    if topic == Topic::Reminders {
        return Ok(reminders(user));
    }
    let stored = store::notifications::preferences(db, user.id).await?;
    Ok(chosen(user, &stored, topic))
}

/// Every topic with what `user` chose, in the settings page's order.
pub async fn all(db: &Database, user: &User) -> Result<Vec<(Topic, Channels)>, store::StoreError> {
    let stored = store::notifications::preferences(db, user.id).await?;
    Ok(TOPICS
        .into_iter()
        .map(|topic| (topic, chosen(user, &stored, topic)))
        .collect())
}

/// `topic`'s channels from the stored rows (reminders from the account), else the default.
fn chosen(user: &User, stored: &[Preference], topic: Topic) -> Channels {
    if topic == Topic::Reminders {
        return reminders(user);
    }
    stored
        .iter()
        .find(|p| p.topic == topic.as_str())
        .map_or(DEFAULT_CHANNELS, |p| Channels {
            in_app: p.in_app,
            email: p.email,
        })
}

/// Records what `user` chose for `topic`.
pub async fn set(
    db: &Database,
    user: &User,
    topic: Topic,
    channels: Channels,
) -> Result<(), store::StoreError> {
    if topic == Topic::Reminders {
        let mut list = Vec::new();
        if channels.in_app {
            list.push("in_app".to_owned());
        }
        if channels.email {
            list.push("email".to_owned());
        }
        let changes = ProfileChanges {
            reminder_channels: Some(list),
            ..ProfileChanges::default()
        };
        store::users::update_profile(db, user.id, changes).await?;
        return Ok(());
    }
    let preference = Preference {
        topic: topic.as_str().to_owned(),
        in_app: channels.in_app,
        email: channels.email,
    };
    store::notifications::set_preference(db, user.id, &preference, db.clock().now()).await
}

/// Records what `user` chose for each topic given (others stay as they were); returns
/// every topic's channels as now stored.
pub async fn set_all(
    db: &Database,
    user: &User,
    chosen: &[(Topic, Channels)],
) -> Result<Vec<(Topic, Channels)>, store::StoreError> {
    let mut user = user.clone();
    for (topic, channels) in chosen {
        set(db, &user, *topic, *channels).await?;
        // Reminders live on the account: read it again for what follows.
        if *topic == Topic::Reminders
            && let Some(updated) = store::users::find_by_id(db, user.id).await?
        {
            user = updated;
        }
    }
    all(db, &user).await
}

fn reminders(user: &User) -> Channels {
    Channels {
        in_app: user.reminder_channels.iter().any(|c| c == "in_app"),
        email: user.reminder_channels.iter().any(|c| c == "email"),
    }
}
