//! Reads of bookings: one by id, a series' timeline, what blocks an expert's time, a
//! person's lists and feed, and what is due to expire.

use super::*;

pub async fn find(db: &Database, id: Uuid) -> Result<Option<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM bookings WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// The booking that stands for a session series now: the one a move did not replace.
pub async fn current_of_series(
    db: &Database,
    series: Uuid,
) -> Result<Option<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE series_id = $1 AND status <> 'rescheduled' \
             ORDER BY created_at DESC, id DESC LIMIT 1"
        ),
        vec![series.into()],
    ))
    .one(db.conn())
    .await?)
}

pub(super) async fn find_in(
    backend: Backend,
    txn: &DatabaseTransaction,
    id: Uuid,
) -> Result<Option<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        backend,
        &format!("SELECT {COLUMNS} FROM bookings WHERE id = $1"),
        vec![id.into()],
    ))
    .one(txn)
    .await?)
}

/// The timeline of a session across its reschedules (every booking of the series),
/// oldest first. Event ids are UUIDv7, so they keep order within one second.
pub async fn events(db: &Database, series: Uuid) -> Result<Vec<EventRow>, StoreError> {
    Ok(EventRow::find_by_statement(statement(
        db.backend(),
        "SELECT e.from_status, e.to_status, e.actor, e.actor_id, e.reason, e.at \
         FROM booking_events e JOIN bookings b ON b.id = e.booking_id \
         WHERE b.series_id = $1 ORDER BY e.at, e.id",
        vec![series.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Whether `user` has a confirmed session (as learner or expert) that has not ended by
/// `now`.
pub async fn has_session_ahead(
    db: &Database,
    user: Uuid,
    now: Timestamp,
) -> Result<bool, StoreError> {
    #[derive(FromQueryResult)]
    struct One {
        #[allow(dead_code)]
        id: Uuid,
    }
    Ok(One::find_by_statement(statement(
        db.backend(),
        "SELECT id FROM bookings WHERE status = 'confirmed' AND end_at > $1 \
         AND (learner_id = $2 OR expert_id = $2) LIMIT 1",
        vec![secs(now), user.into()],
    ))
    .one(db.conn())
    .await?
    .is_some())
}

/// When booking `id` came into `status` (its last transition from another status into
/// it): the moment an outcome was recorded, whatever changed on the booking since (a
/// refund touches it without changing what was decided).
pub async fn entered(
    db: &Database,
    id: Uuid,
    status: BookingStatus,
) -> Result<Option<Timestamp>, StoreError> {
    #[derive(FromQueryResult)]
    struct At {
        at: Option<i64>,
    }
    let row = At::find_by_statement(statement(
        db.backend(),
        "SELECT MAX(at) AS at FROM booking_events WHERE booking_id = $1 AND to_status = $2 \
         AND (from_status IS NULL OR from_status <> to_status)",
        vec![id.into(), status.as_str().into()],
    ))
    .one(db.conn())
    .await?;
    Ok(row
        .and_then(|r| r.at)
        .and_then(|s| Timestamp::from_second(s).ok()))
}

/// The expert's bookings that block time now (unexpired holds and confirmed ones) and
/// end after `from`.
pub async fn blocking(
    db: &Database,
    expert: Uuid,
    from: Timestamp,
    now: Timestamp,
) -> Result<Vec<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE expert_id = $1 AND blocked_to > $2 \
             AND (status = 'confirmed' OR (status = 'held' AND hold_expires_at > $3)) \
             ORDER BY start_at"
        ),
        vec![expert.into(), secs(from), secs(now)],
    ))
    .all(db.conn())
    .await?)
}

/// Which side of bookings a list is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Learner,
    Expert,
}

/// Which of a user's bookings to list.
#[derive(Debug, Clone, Copy)]
pub struct ListQuery<'a> {
    pub side: Side,
    pub statuses: &'a [BookingStatus],
    /// Starting in `[from, to)`.
    pub from: Timestamp,
    pub to: Timestamp,
    /// Earliest first.
    pub ascending: bool,
    pub limit: u64,
    /// Only bookings after this one in the list's order: its start and id (keyset
    /// pagination; ties on the start are broken by id).
    pub after: Option<(Timestamp, Uuid)>,
}

/// A user's bookings on one side. Rescheduled ones are left out by their callers' status
/// lists (their successor stands for them).
pub async fn for_user(
    db: &Database,
    user: Uuid,
    q: ListQuery<'_>,
) -> Result<Vec<BookingRow>, StoreError> {
    let ListQuery {
        side,
        statuses,
        from,
        to,
        ascending,
        limit,
        after,
    } = q;
    let column = match side {
        Side::Learner => "learner_id",
        Side::Expert => "expert_id",
    };
    let placeholders: Vec<String> = (0..statuses.len()).map(|i| format!("${}", i + 5)).collect();
    let (order, beyond) = if ascending {
        ("ASC", ">")
    } else {
        ("DESC", "<")
    };
    let mut values: Vec<Value> = vec![user.into(), secs(from), secs(to), (limit as i64).into()];
    values.extend(statuses.iter().map(|s| Value::from(s.as_str())));
    let after = match after {
        None => String::new(),
        Some((start, id)) => {
            let (s, i) = (values.len() + 1, values.len() + 2);
            values.push(secs(start));
            values.push(id.into());
            format!(" AND (start_at {beyond} ${s} OR (start_at = ${s} AND id {beyond} ${i}))")
        }
    };
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE {column} = $1 AND start_at >= $2 \
             AND start_at < $3 AND status IN ({}){after} ORDER BY start_at {order}, id {order} \
             LIMIT $4",
            placeholders.join(", ")
        ),
        values,
    ))
    .all(db.conn())
    .await?)
}

/// Every booking of `user` on `side`, by start (then id), if there are at most `cap`;
/// None when there are more. A dashboard kept in memory works out its tabs from it.
pub async fn whole_list(
    db: &Database,
    user: Uuid,
    side: Side,
    cap: u64,
) -> Result<Option<Vec<BookingRow>>, StoreError> {
    let column = match side {
        Side::Learner => "learner_id",
        Side::Expert => "expert_id",
    };
    let rows = BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE {column} = $1 ORDER BY start_at, id LIMIT $2"
        ),
        vec![
            user.into(),
            i64::try_from(cap.saturating_add(1))
                .unwrap_or(i64::MAX)
                .into(),
        ],
    ))
    .all(db.conn())
    .await?;
    Ok((rows.len() as u64 <= cap).then_some(rows))
}

/// Every non-rescheduled booking of the user on either side (for their calendar feed),
/// starting after `from`.
pub async fn feed_for(
    db: &Database,
    user: Uuid,
    from: Timestamp,
) -> Result<Vec<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE (learner_id = $1 OR expert_id = $1) \
             AND start_at >= $2 AND status IN ('confirmed', 'cancelled', 'completed') \
             ORDER BY start_at LIMIT 1000"
        ),
        vec![user.into(), secs(from)],
    ))
    .all(db.conn())
    .await?)
}

/// Holds that ran out by `now` and are still marked held: at most `limit`, with experts.
pub async fn expire_due(
    db: &Database,
    now: Timestamp,
    limit: u64,
) -> Result<Vec<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Due {
        id: Uuid,
        expert_id: Uuid,
    }
    let due = Due::find_by_statement(statement(
        db.backend(),
        "SELECT id, expert_id FROM bookings WHERE status = 'held' AND hold_expires_at <= $1 \
         ORDER BY hold_expires_at LIMIT $2",
        vec![secs(now), (limit as i64).into()],
    ))
    .all(db.conn())
    .await?;
    let mut experts = Vec::new();
    for d in due {
        let by = Attribution {
            actor: Actor::System,
            actor_id: None,
            reason: Some("hold expired"),
            now,
        };
        let moved = transition(
            db,
            d.id,
            BookingStatus::Held,
            BookingStatus::Expired,
            &TransitionUpdates::default(),
            by,
        )
        .await?;
        if moved.is_some() && !experts.contains(&d.expert_id) {
            experts.push(d.expert_id);
        }
    }
    Ok(experts)
}

/// How many confirmed bookings the expert cancelled themselves.
pub async fn expert_cancellations(db: &Database, expert: Uuid) -> Result<i64, StoreError> {
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let count = Count::find_by_statement(statement(
        db.backend(),
        "SELECT COUNT(*) AS n FROM bookings b JOIN booking_events e ON e.booking_id = b.id \
         WHERE b.expert_id = $1 AND e.to_status = 'cancelled' AND e.actor = 'expert'",
        vec![expert.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(count.map_or(0, |c| c.n))
}

/// The latest booking carrying payment `payment_ref` (a move copies the payment to the
/// booking that replaces it).
pub async fn with_payment(
    db: &Database,
    payment_ref: &str,
) -> Result<Option<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE payment_ref = $1 \
             ORDER BY created_at DESC, id LIMIT 1"
        ),
        vec![payment_ref.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Bookings of `provider` whose payment was started and has not arrived, held or lapsed
/// since `since`: reconciliation asks the provider about each (a missed webhook).
pub async fn awaiting_payment(
    db: &Database,
    provider: &str,
    since: Timestamp,
    limit: u64,
) -> Result<Vec<BookingRow>, StoreError> {
    Ok(BookingRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE payment_provider = $1 \
             AND status IN ('held', 'expired') AND paid_amount = 0 \
             AND payment_ref IS NOT NULL AND hold_expires_at >= $2 \
             ORDER BY hold_expires_at LIMIT $3"
        ),
        vec![
            provider.into(),
            secs(since),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}

/// Stores the provider's payment for a held booking unless one is stored already; the
/// one that stands.
pub async fn set_payment_ref(
    db: &Database,
    id: Uuid,
    payment_ref: &str,
) -> Result<Option<String>, StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE bookings SET payment_ref = $2 WHERE id = $1 AND payment_ref IS NULL",
            vec![id.into(), payment_ref.into()],
        ))
        .await?;
    let row = find(db, id).await?;
    if let Some(row) = &row {
        announce(db, &[row.parties()]).await;
    }
    Ok(row.and_then(|row| row.payment_ref))
}

/// A paid booking as operators search for it.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct PaidBooking {
    pub id: Uuid,
    pub status: String,
    pub start_at: i64,
    pub price_amount: i64,
    pub currency: String,
    pub paid_amount: i64,
    pub refunded_amount: i64,
    pub payment_provider: String,
    pub learner_email: String,
    pub expert_email: String,
}

/// Paid bookings matching `query` (a booking or session id, or part of the learner's or
/// the expert's email or name; everything when empty), latest session first. A session
/// moved to another time is found as the booking that now stands for it.
pub async fn paid_matching(
    db: &Database,
    query: &str,
    limit: u64,
) -> Result<Vec<PaidBooking>, StoreError> {
    let query = query.trim();
    let id = Uuid::parse_str(query).unwrap_or(Uuid::nil());
    let escaped: String = query
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    Ok(PaidBooking::find_by_statement(statement(
        db.backend(),
        "SELECT b.id, b.status, b.start_at, b.price_amount, b.currency, b.paid_amount, \
         b.refunded_amount, b.payment_provider, le.email AS learner_email, \
         ex.email AS expert_email FROM bookings b \
         JOIN users le ON le.id = b.learner_id JOIN users ex ON ex.id = b.expert_id \
         WHERE b.paid_amount > 0 AND b.status <> 'rescheduled' AND ($1 = '' OR b.id = $2 OR b.series_id = $2 \
         OR LOWER(le.email) LIKE $3 ESCAPE '\\' OR LOWER(ex.email) LIKE $3 ESCAPE '\\' \
         OR LOWER(le.display_name) LIKE $3 ESCAPE '\\' \
         OR LOWER(ex.display_name) LIKE $3 ESCAPE '\\') \
         ORDER BY b.start_at DESC, b.id LIMIT $4",
        vec![
            query.into(),
            id.into(),
            format!("%{escaped}%").into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}
