//! Writes that change a booking: holds, transitions, notes, late payments and moves, each
//! in one transaction (see the module above for the two rules against double booking).

use super::queries::find_in;
use super::*;
use crate::idempotency::IDEMPOTENCY_SCOPE;

/// Places a hold (or, for a reschedule, a confirmed booking) if nothing active overlaps.
pub async fn hold(
    db: &Database,
    new: &NewBooking,
    key: Option<&IdempotencyKey>,
    by: Attribution<'_>,
) -> Result<HoldOutcome, StoreError> {
    hold_limited(db, new, key, by, HoldLimits::NONE).await
}

/// The caps a hold is placed under, and what it was checked against, both verified in
/// its own transaction.
#[derive(Debug, Clone, Copy)]
pub struct HoldLimits<'a> {
    /// Unpaid holds one learner may have at once.
    pub max_held: u64,
    /// The expert's daily cap for the local day the session starts on.
    pub day_cap: Option<DayCap>,
    /// The expert's rules document the slot was found free under; `Some(None)` when the
    /// expert had none, `None` to skip the check.
    pub rules_seen: Option<Option<&'a str>>,
}

impl HoldLimits<'_> {
    pub const NONE: Self = Self {
        max_held: u64::MAX,
        day_cap: None,
        rules_seen: None,
    };
}

/// At most `cap` active sessions of the expert may start in `[from, to)` (one local day in
/// the expert's zone).
#[derive(Debug, Clone, Copy)]
pub struct DayCap {
    pub cap: i64,
    pub from: Timestamp,
    pub to: Timestamp,
}

/// `hold`, refused with `Conflict::HoldLimit` when the learner already has `max_held`
/// unpaid holds, and with `Conflict::SlotTaken` when the expert's day is full. The counts
/// are taken in the hold's own transaction, serialised (SQLite's single writer; on
/// PostgreSQL locks on the learner's row, then on the expert's profile), so concurrent
/// requests cannot all slip under a cap. Locks are always taken in that order.
pub async fn hold_limited(
    db: &Database,
    new: &NewBooking,
    key: Option<&IdempotencyKey>,
    by: Attribution<'_>,
    limits: HoldLimits<'_>,
) -> Result<HoldOutcome, StoreError> {
    let max_held = limits.max_held;
    if let Some(key) = key
        && let Some(done) = replay(db, new.learner_id, key).await?
    {
        return Ok(done);
    }
    let txn = db.begin_write().await?;
    // Lapsed holds first, so the overlap checks below see their slots as free.
    let mut changed =
        release_expired(db.backend(), &txn, new.expert_id, new.learner_id, by.now).await?;
    if let Some(key) = key {
        let claimed = txn
            .execute_raw(statement(
                db.backend(),
                "INSERT INTO idempotency_keys (user_id, scope, key, fingerprint, resource_id, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                vec![
                    new.learner_id.into(),
                    IDEMPOTENCY_SCOPE.into(),
                    key.key.clone().into(),
                    key.fingerprint.clone().into(),
                    new.id.into(),
                    secs(by.now),
                ],
            ))
            .await;
        match claimed {
            Ok(_) => {}
            // A twin request got there first; on PostgreSQL this waited for it to commit.
            Err(e) if is_unique_violation(&e) => {
                txn.rollback().await?;
                return replay(db, new.learner_id, key)
                    .await?
                    .ok_or(StoreError::NotFound("idempotent booking"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if new.status == BookingStatus::Held && max_held < u64::MAX {
        if db.backend() == Backend::Postgres {
            txn.execute_raw(statement(
                db.backend(),
                "SELECT id FROM users WHERE id = $1 FOR UPDATE",
                vec![new.learner_id.into()],
            ))
            .await?;
        }
        #[derive(FromQueryResult)]
        struct Count {
            n: i64,
        }
        let held = Count::find_by_statement(statement(
            db.backend(),
            "SELECT COUNT(*) AS n FROM bookings WHERE learner_id = $1 AND status = 'held' \
             AND hold_expires_at > $2",
            vec![new.learner_id.into(), secs(by.now)],
        ))
        .one(&txn)
        .await?
        .map_or(0, |c| c.n);
        if u64::try_from(held).unwrap_or(0) >= max_held {
            txn.rollback().await?;
            return Ok(HoldOutcome::Refused(Conflict::HoldLimit));
        }
    }
    if let Some(conflict) = expert_limits(db.backend(), &txn, new, limits, by.now).await? {
        txn.rollback().await?;
        return Ok(HoldOutcome::Refused(conflict));
    }
    // PostgreSQL's exclusion constraints refuse an overlap at the INSERT itself; SQLite
    // has none, so it looks first (holding the write lock, nobody can slip in between).
    if db.backend() == Backend::Sqlite
        && let Some(conflict) = overlap(db.backend(), &txn, new, None).await?
    {
        txn.rollback().await?;
        return Ok(HoldOutcome::Refused(conflict));
    }
    if let Err(e) = insert(db.backend(), &txn, new, by).await {
        txn.rollback().await?;
        return match exclusion_violated(&e) {
            Some(conflict) => Ok(HoldOutcome::Refused(conflict)),
            None => Err(e.into()),
        };
    }
    match txn.commit().await {
        Ok(()) => {
            changed.push((new.learner_id, new.expert_id));
            announce(db, &changed).await;
            Ok(HoldOutcome::Created(inserted(new, by.now)))
        }
        Err(e) => match exclusion_violated(&e) {
            Some(conflict) => Ok(HoldOutcome::Refused(conflict)),
            None => Err(e.into()),
        },
    }
}

/// What the expert's side asks of a new active booking, checked in its transaction: the
/// rules it was found free under are still the stored ones, and its day has room.
pub(super) async fn expert_limits(
    backend: Backend,
    txn: &DatabaseTransaction,
    new: &NewBooking,
    limits: HoldLimits<'_>,
    now: Timestamp,
) -> Result<Option<Conflict>, StoreError> {
    if let Some(seen) = limits.rules_seen
        && stored_rules(backend, txn, new.expert_id).await?.as_deref() != seen
    {
        return Ok(Some(Conflict::RulesChanged));
    }
    if let Some(day) = limits.day_cap
        && day_is_full(backend, txn, new.expert_id, day, now).await?
    {
        return Ok(Some(Conflict::SlotTaken));
    }
    Ok(None)
}

/// The expert's rules document as stored now, read inside the booking's transaction. On
/// SQLite the transaction holds the write lock; on PostgreSQL a rules change racing this
/// read commits after the check and its cache drop follows, which is the same order as a
/// change made just after the hold.
pub(super) async fn stored_rules(
    backend: Backend,
    txn: &DatabaseTransaction,
    expert: Uuid,
) -> Result<Option<String>, StoreError> {
    #[derive(FromQueryResult)]
    struct Rules {
        rules: String,
    }
    Ok(Rules::find_by_statement(statement(
        backend,
        "SELECT rules FROM expert_availability WHERE user_id = $1",
        vec![expert.into()],
    ))
    .one(txn)
    .await?
    .map(|r| r.rules))
}

/// Whether the expert already has `day.cap` active sessions starting that day, counted
/// with the expert serialised (PostgreSQL: their profile row locked until commit).
pub(super) async fn day_is_full(
    backend: Backend,
    txn: &DatabaseTransaction,
    expert: Uuid,
    day: DayCap,
    now: Timestamp,
) -> Result<bool, StoreError> {
    if backend == Backend::Postgres {
        txn.execute_raw(statement(
            backend,
            "SELECT user_id FROM expert_profiles WHERE user_id = $1 FOR UPDATE",
            vec![expert.into()],
        ))
        .await?;
    }
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let active = Count::find_by_statement(statement(
        backend,
        "SELECT COUNT(*) AS n FROM bookings WHERE expert_id = $1 AND start_at >= $2 \
         AND start_at < $3 AND (status = 'confirmed' OR (status = 'held' AND hold_expires_at > $4))",
        vec![expert.into(), secs(day.from), secs(day.to), secs(now)],
    ))
    .one(txn)
    .await?
    .map_or(0, |c| c.n);
    Ok(active >= day.cap)
}

pub async fn replay(
    db: &Database,
    user: Uuid,
    key: &IdempotencyKey,
) -> Result<Option<HoldOutcome>, StoreError> {
    #[derive(FromQueryResult)]
    struct Claimed {
        fingerprint: String,
        resource_id: Uuid,
    }
    let claimed = Claimed::find_by_statement(statement(
        db.backend(),
        "SELECT fingerprint, resource_id FROM idempotency_keys \
         WHERE user_id = $1 AND scope = $2 AND key = $3",
        vec![
            user.into(),
            IDEMPOTENCY_SCOPE.into(),
            key.key.clone().into(),
        ],
    ))
    .one(db.conn())
    .await?;
    let Some(claimed) = claimed else {
        return Ok(None);
    };
    if claimed.fingerprint != key.fingerprint {
        return Ok(Some(HoldOutcome::KeyReused));
    }
    Ok(find(db, claimed.resource_id)
        .await?
        .map(HoldOutcome::Replayed))
}

/// Marks holds of this expert or learner that ran out as expired, with their events.
/// Returns the people of the holds it released, to announce once the transaction commits.
pub(super) async fn release_expired(
    backend: Backend,
    txn: &DatabaseTransaction,
    expert: Uuid,
    learner: Uuid,
    now: Timestamp,
) -> Result<Vec<Parties>, StoreError> {
    #[derive(FromQueryResult)]
    struct Released {
        id: Uuid,
        learner_id: Uuid,
        expert_id: Uuid,
    }
    let released = Released::find_by_statement(statement(
        backend,
        "UPDATE bookings SET status = 'expired', updated_at = $1 \
         WHERE status = 'held' AND hold_expires_at <= $1 AND (expert_id = $2 OR learner_id = $3) \
         RETURNING id, learner_id, expert_id",
        vec![secs(now), expert.into(), learner.into()],
    ))
    .all(txn)
    .await?;
    let parties = released
        .iter()
        .map(|r| (r.learner_id, r.expert_id))
        .collect();
    for r in released {
        record(
            backend,
            txn,
            r.id,
            Some(BookingStatus::Held),
            BookingStatus::Expired,
            Attribution {
                actor: Actor::System,
                actor_id: None,
                reason: Some("hold expired"),
                now,
            },
        )
        .await?;
    }
    Ok(parties)
}

/// Whether `new` would overlap an active booking, other than `except`.
pub(super) async fn overlap(
    backend: Backend,
    txn: &DatabaseTransaction,
    new: &NewBooking,
    except: Option<Uuid>,
) -> Result<Option<Conflict>, StoreError> {
    #[derive(FromQueryResult)]
    struct Hit {
        expert_side: i32,
    }
    let except = except.unwrap_or(Uuid::nil());
    let hit = Hit::find_by_statement(statement(
        backend,
        "SELECT CASE WHEN expert_id = $1 AND blocked_from < $3 AND blocked_to > $2 \
         THEN 1 ELSE 0 END AS expert_side FROM bookings \
         WHERE status IN ('held', 'confirmed') AND id <> $7 AND ( \
           (expert_id = $1 AND blocked_from < $3 AND blocked_to > $2) \
           OR (learner_id = $4 AND start_at < $6 AND end_at > $5)) \
         ORDER BY expert_side DESC LIMIT 1",
        vec![
            new.expert_id.into(),
            secs(new.blocked_from),
            secs(new.blocked_to),
            new.learner_id.into(),
            secs(new.start_at),
            secs(new.end_at),
            except.into(),
        ],
    ))
    .one(txn)
    .await?;
    Ok(hit.map(|h| {
        if h.expert_side == 1 {
            Conflict::SlotTaken
        } else {
            Conflict::LearnerBusy
        }
    }))
}

pub(super) async fn insert(
    backend: Backend,
    txn: &DatabaseTransaction,
    new: &NewBooking,
    by: Attribution<'_>,
) -> Result<(), DbErr> {
    txn.execute_raw(statement(
        backend,
        &format!(
            "INSERT INTO bookings ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, NULL, $18, $19, $20, $25, $21, $21, $22, $23, $24)"
        ),
        vec![
            new.id.into(),
            new.expert_id.into(),
            new.learner_id.into(),
            new.status.as_str().into(),
            secs(new.start_at),
            secs(new.end_at),
            secs(new.blocked_from),
            secs(new.blocked_to),
            new.duration_minutes.into(),
            secs(new.hold_expires_at),
            new.price_amount.into(),
            new.currency.clone().into(),
            new.policy.clone().into(),
            new.note.clone().into(),
            new.series_id.into(),
            new.sequence.into(),
            new.rescheduled_from.into(),
            new.payment_provider.clone().into(),
            new.payment_ref.clone().into(),
            new.paid_amount.into(),
            secs(by.now),
            secs(new.policy_start_at),
            new.reschedule_count.into(),
            new.commission_bps.into(),
            new.refunded_amount.into(),
        ],
    ))
    .await?;
    let from = new.rescheduled_from.map(|_| BookingStatus::Rescheduled);
    record_raw(backend, txn, new.id, from, new.status, by).await
}

pub(super) async fn record(
    backend: Backend,
    txn: &DatabaseTransaction,
    booking: Uuid,
    from: Option<BookingStatus>,
    to: BookingStatus,
    by: Attribution<'_>,
) -> Result<(), StoreError> {
    Ok(record_raw(backend, txn, booking, from, to, by).await?)
}

pub(super) async fn record_raw(
    backend: Backend,
    txn: &DatabaseTransaction,
    booking: Uuid,
    from: Option<BookingStatus>,
    to: BookingStatus,
    by: Attribution<'_>,
) -> Result<(), DbErr> {
    txn.execute_raw(statement(
        backend,
        "INSERT INTO booking_events (id, booking_id, from_status, to_status, actor, actor_id, \
         reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        vec![
            crate::ids::at(by.now).into(),
            booking.into(),
            from.map(|s| s.as_str().to_owned()).into(),
            to.as_str().into(),
            by.actor.as_str().into(),
            by.actor_id.into(),
            by.reason.map(str::to_owned).into(),
            secs(by.now),
        ],
    ))
    .await?;
    Ok(())
}

/// Moves a booking `from → to` if it is still in `from`; returns the updated booking, or
/// None when it was not (someone else moved it first, or it is in another state).
pub async fn transition(
    db: &Database,
    id: Uuid,
    from: BookingStatus,
    to: BookingStatus,
    changes: &TransitionUpdates,
    by: Attribution<'_>,
) -> Result<Option<BookingRow>, StoreError> {
    let txn = db.begin_write().await?;
    let moved = apply(db.backend(), &txn, id, from, to, changes, by).await?;
    if !moved {
        txn.rollback().await?;
        return Ok(None);
    }
    enqueue_caused(db, &txn, id, changes, by.now).await?;
    let row = find_in(db.backend(), &txn, id).await?;
    txn.commit().await?;
    if let Some(row) = &row {
        announce(db, &[row.parties()]).await;
    }
    Ok(row)
}

/// Records, in the change's transaction, what it causes: its jobs, the money it moves and
/// the refunds it decides.
async fn enqueue_caused(
    db: &Database,
    txn: &DatabaseTransaction,
    id: Uuid,
    changes: &TransitionUpdates,
    now: Timestamp,
) -> Result<(), StoreError> {
    for job in &changes.enqueue {
        crate::jobs::enqueue_in(db, txn, job).await?;
    }
    for refund in &changes.refunds {
        crate::refunds::insert_in(db, txn, id, refund, now).await?;
    }
    for posting in &changes.post {
        crate::ledger::post_in(db, txn, posting, now).await?;
    }
    Ok(())
}

/// Adds a statement to the timeline of a booking that is still `status`, changing nothing
/// else (an expert's answer to a dispute). One statement: false when the booking moved on.
pub async fn note(
    db: &Database,
    id: Uuid,
    status: BookingStatus,
    by: Attribution<'_>,
) -> Result<bool, StoreError> {
    let noted = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO booking_events (id, booking_id, from_status, to_status, actor, \
             actor_id, reason, at) SELECT $1, id, status, status, $2, $3, $4, $5 FROM bookings \
             WHERE id = $6 AND status = $7",
            vec![
                db.new_id().into(),
                by.actor.as_str().into(),
                by.actor_id.into(),
                by.reason.map(str::to_owned).into(),
                secs(by.now),
                id.into(),
                status.as_str().into(),
            ],
        ))
        .await?
        .rows_affected();
    Ok(noted == 1)
}

pub(super) async fn apply(
    backend: Backend,
    txn: &DatabaseTransaction,
    id: Uuid,
    from: BookingStatus,
    to: BookingStatus,
    changes: &TransitionUpdates,
    by: Attribution<'_>,
) -> Result<bool, DbErr> {
    // Money is recorded against what was seen: a payment only onto a booking with none
    // recorded (a second report of it, or a late payment already refunded, cannot confirm
    // it), and a refunded amount only over the one it was computed from (a refund recorded
    // meanwhile makes this change lose, and it is decided again).
    let mut guard = String::new();
    if changes.paid_amount.is_some() {
        guard.push_str(" AND paid_amount = 0");
    }
    if changes.refunded_before.is_some() {
        guard.push_str(" AND refunded_amount = $9");
    }
    let mut values: Vec<Value> = vec![
        id.into(),
        to.as_str().into(),
        secs(by.now),
        changes.paid_amount.into(),
        changes.refunded_amount.into(),
        changes.payment_ref.clone().into(),
        i32::from(changes.bump_sequence).into(),
        from.as_str().into(),
    ];
    if let Some(seen) = changes.refunded_before {
        values.push(seen.into());
    }
    let result = txn
        .execute_raw(statement(
            backend,
            &format!(
                "UPDATE bookings SET status = $2, updated_at = $3, \
                 paid_amount = COALESCE($4, paid_amount), \
                 refunded_amount = COALESCE($5, refunded_amount), \
                 payment_ref = COALESCE($6, payment_ref), \
                 sequence = sequence + $7, proposed_start = NULL \
                 WHERE id = $1 AND status = $8{guard}"
            ),
            values,
        ))
        .await?;
    if result.rows_affected() != 1 {
        return Ok(false);
    }
    record_raw(backend, txn, id, Some(from), to, by).await?;
    Ok(true)
}

/// What a late payment for an expired hold came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revival {
    Confirmed(Box<BookingRow>),
    Refused(Conflict),
    /// It was not expired (any more).
    NotExpired,
}

/// Confirms an expired hold whose payment arrived late, if its slot is still free.
pub async fn revive(
    db: &Database,
    id: Uuid,
    changes: &TransitionUpdates,
    by: Attribution<'_>,
) -> Result<Revival, StoreError> {
    let Some(row) = find(db, id).await? else {
        return Err(StoreError::NotFound("booking"));
    };
    let txn = db.begin_write().await?;
    let mut changed =
        release_expired(db.backend(), &txn, row.expert_id, row.learner_id, by.now).await?;
    let candidate = as_new(&row, BookingStatus::Confirmed);
    if let Some(conflict) = overlap(db.backend(), &txn, &candidate, Some(id)).await? {
        txn.rollback().await?;
        return Ok(Revival::Refused(conflict));
    }
    let moved = apply(
        db.backend(),
        &txn,
        id,
        BookingStatus::Expired,
        BookingStatus::Confirmed,
        changes,
        by,
    )
    .await;
    match moved {
        Ok(true) => {}
        Ok(false) => {
            txn.rollback().await?;
            return Ok(Revival::NotExpired);
        }
        Err(e) => {
            txn.rollback().await?;
            return match exclusion_violated(&e) {
                Some(conflict) => Ok(Revival::Refused(conflict)),
                None => Err(e.into()),
            };
        }
    }
    enqueue_caused(db, &txn, id, changes, by.now).await?;
    let row = find_in(db.backend(), &txn, id)
        .await?
        .ok_or(StoreError::NotFound("booking"))?;
    match txn.commit().await {
        Ok(()) => {
            changed.push(row.parties());
            announce(db, &changed).await;
            Ok(Revival::Confirmed(Box::new(row)))
        }
        Err(e) => match exclusion_violated(&e) {
            Some(conflict) => Ok(Revival::Refused(conflict)),
            None => Err(e.into()),
        },
    }
}

/// Records money that came in and goes straight back (a late payment whose slot was
/// taken), without changing the status: the payment, the refund it decides, and what
/// `changes` causes, in one transaction. False when this payment was recorded before.
pub async fn record_refunded_payment(
    db: &Database,
    id: Uuid,
    amount: i64,
    payment_ref: &str,
    changes: &TransitionUpdates,
    by: Attribution<'_>,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let updated = Changed::find_by_statement(statement(
        db.backend(),
        "UPDATE bookings SET paid_amount = $2, refunded_amount = $2, payment_ref = $3, \
         updated_at = $4 WHERE id = $1 AND paid_amount = 0 RETURNING learner_id, expert_id",
        vec![id.into(), amount.into(), payment_ref.into(), secs(by.now)],
    ))
    .one(&txn)
    .await?;
    let Some(updated) = updated else {
        txn.rollback().await?;
        return Ok(false);
    };
    enqueue_caused(db, &txn, id, changes, by.now).await?;
    record(
        db.backend(),
        &txn,
        id,
        Some(BookingStatus::Expired),
        BookingStatus::Expired,
        by,
    )
    .await?;
    txn.commit().await?;
    announce(db, &[updated.parties()]).await;
    Ok(true)
}

/// The row `insert` wrote, without reading it back (its instants as whole seconds, as
/// stored).
pub(super) fn inserted(new: &NewBooking, now: Timestamp) -> BookingRow {
    let now = whole(now);
    BookingRow {
        id: new.id,
        expert_id: new.expert_id,
        learner_id: new.learner_id,
        status: new.status.as_str().to_owned(),
        start_at: whole(new.start_at),
        end_at: whole(new.end_at),
        blocked_from: whole(new.blocked_from),
        blocked_to: whole(new.blocked_to),
        duration_minutes: new.duration_minutes,
        hold_expires_at: whole(new.hold_expires_at),
        price_amount: new.price_amount,
        currency: new.currency.clone(),
        policy: new.policy.clone(),
        note: new.note.clone(),
        series_id: new.series_id,
        sequence: new.sequence,
        rescheduled_from: new.rescheduled_from,
        proposed_start: None,
        payment_provider: new.payment_provider.clone(),
        payment_ref: new.payment_ref.clone(),
        paid_amount: new.paid_amount,
        refunded_amount: new.refunded_amount,
        created_at: now,
        updated_at: now,
        policy_start_at: whole(new.policy_start_at),
        reschedule_count: new.reschedule_count,
        commission_bps: new.commission_bps,
    }
}

pub(super) fn as_new(row: &BookingRow, status: BookingStatus) -> NewBooking {
    NewBooking {
        id: row.id,
        expert_id: row.expert_id,
        learner_id: row.learner_id,
        status,
        start_at: row.start_at,
        end_at: row.end_at,
        blocked_from: row.blocked_from,
        blocked_to: row.blocked_to,
        duration_minutes: row.duration_minutes,
        hold_expires_at: row.hold_expires_at,
        price_amount: row.price_amount,
        currency: row.currency.clone(),
        policy: row.policy.clone(),
        note: row.note.clone(),
        series_id: row.series_id,
        sequence: row.sequence,
        rescheduled_from: row.rescheduled_from,
        payment_provider: row.payment_provider.clone(),
        payment_ref: row.payment_ref.clone(),
        paid_amount: row.paid_amount,
        refunded_amount: row.refunded_amount,
        policy_start_at: row.policy_start_at,
        reschedule_count: row.reschedule_count,
        commission_bps: row.commission_bps,
    }
}

/// Moves a confirmed booking to a new time: the old one becomes `rescheduled` and `new`
/// (confirmed, same payment and calendar event) takes its place — if the new time is free,
/// the day under its cap and the rules those were checked against still the stored ones
/// (`limits.max_held` does not apply: a move places no hold).
pub async fn reschedule(
    db: &Database,
    old: Uuid,
    new: &NewBooking,
    by: Attribution<'_>,
    limits: HoldLimits<'_>,
) -> Result<Result<BookingRow, Option<Conflict>>, StoreError> {
    let txn = db.begin_write().await?;
    let mut changed =
        release_expired(db.backend(), &txn, new.expert_id, new.learner_id, by.now).await?;
    let moved = apply(
        db.backend(),
        &txn,
        old,
        BookingStatus::Confirmed,
        BookingStatus::Rescheduled,
        &TransitionUpdates::default(),
        by,
    )
    .await?;
    if !moved {
        txn.rollback().await?;
        return Ok(Err(None));
    }
    // The old booking is no longer active here, so moving within a full day is allowed.
    if let Some(conflict) = expert_limits(db.backend(), &txn, new, limits, by.now).await? {
        txn.rollback().await?;
        return Ok(Err(Some(conflict)));
    }
    if let Some(conflict) = overlap(db.backend(), &txn, new, Some(old)).await? {
        txn.rollback().await?;
        return Ok(Err(Some(conflict)));
    }
    if let Err(e) = insert(db.backend(), &txn, new, by).await {
        txn.rollback().await?;
        return match exclusion_violated(&e) {
            Some(conflict) => Ok(Err(Some(conflict))),
            None => Err(e.into()),
        };
    }
    let row = find_in(db.backend(), &txn, new.id)
        .await?
        .ok_or(StoreError::NotFound("booking"))?;
    match txn.commit().await {
        Ok(()) => {
            changed.push(row.parties());
            announce(db, &changed).await;
            Ok(Ok(row))
        }
        Err(e) => match exclusion_violated(&e) {
            Some(conflict) => Ok(Err(Some(conflict))),
            None => Err(e.into()),
        },
    }
}

/// Stores (or with None withdraws) the expert's proposed new start for a confirmed booking.
pub async fn set_proposal(
    db: &Database,
    id: Uuid,
    start: Option<Timestamp>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let set = Changed::find_by_statement(statement(
        db.backend(),
        "UPDATE bookings SET proposed_start = $2, updated_at = $3 \
         WHERE id = $1 AND status = 'confirmed' RETURNING learner_id, expert_id",
        vec![id.into(), start.map(|s| s.as_second()).into(), secs(now)],
    ))
    .one(db.conn())
    .await?;
    if let Some(set) = &set {
        announce(db, &[set.parties()]).await;
    }
    Ok(set.is_some())
}
