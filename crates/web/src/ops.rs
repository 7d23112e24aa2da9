//! Operations endpoints: liveness, readiness and Prometheus metrics.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::AppState;

/// Liveness: the process is up and serving. Touches nothing else, so a slow database
/// never gets a healthy process restarted.
pub async fn healthz() -> Response {
    Json(json!({ "status": "ok" })).into_response()
}

/// Readiness: the database answers and its migrations are current; 503 otherwise, with
/// what failed. Redis (when configured) not answering makes the instance `degraded`, still
/// 200: it keeps serving with per-instance limits and no shared cache, so a load balancer
/// should keep sending it traffic. Storage that refused changes for lack of space is
/// `degraded` too: reads still work, and every instance shares the same database, so
/// taking this one out would turn a write outage into a full one.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let mut ready = true;
    let mut degraded = false;
    let mut fail = |what: &str, reason: String| {
        ready = false;
        tracing::warn!(check = what, reason = %reason, "not ready");
        json!({ "status": "failing", "reason": reason })
    };

    let database = match state.db.ping().await {
        Ok(()) => json!({ "status": "ok", "backend": state.db.backend().as_str() }),
        Err(e) => fail("database", e.to_string()),
    };
    let migrations = match app::health::pending_migrations(&state.db).await {
        Ok(pending) if pending.is_empty() => json!({ "status": "ok" }),
        Ok(pending) => fail("migrations", format!("pending: {}", pending.join(", "))),
        Err(e) => fail("migrations", e.to_string()),
    };
    let redis = match &state.redis {
        None => json!({ "status": "not_configured" }),
        Some(link) => match link.probe().await {
            Ok(()) => json!({ "status": "ok" }),
            Err(e) => {
                degraded = true;
                json!({
                    "status": "unavailable",
                    "reason": e.to_string(),
                    "effect": "rate limits and lockout count per instance; schedules are read from the database",
                })
            }
        },
    };
    let storage = storage(&state).await;
    if storage.get("status").and_then(|s| s.as_str()) != Some("ok") {
        degraded = true;
    }
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": match (ready, degraded) {
            (false, _) => "unavailable",
            (true, true) => "degraded",
            (true, false) => "ready",
        },
        "checks": {
            "database": database,
            "migrations": migrations,
            "redis": redis,
            "storage": storage,
        },
    });
    (status, Json(body)).into_response()
}

/// Storage as the last changes found it. Once a change was refused for lack of space,
/// each call tries a small write to the database and the file store, and the storage
/// counts as healed when both succeed.
async fn storage(state: &AppState) -> serde_json::Value {
    if !state.storage.is_full() {
        return json!({ "status": "ok" });
    }
    let now = state.clock().now();
    let database = app::health::write_probe(&state.db, now).await;
    let files = state
        .files
        .put("probes/readyz", now.to_string().into_bytes())
        .await;
    match (database, files) {
        (Ok(()), Ok(())) => {
            tracing::info!("storage takes writes again");
            state.storage.set_full(false);
            json!({ "status": "ok" })
        }
        (database, files) => {
            let reason = [
                database.err().map(|e| e.to_string()),
                files.err().map(|e| e.to_string()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
            tracing::warn!(reason = %reason, "storage is still full");
            json!({
                "status": "full",
                "reason": reason,
                "effect": "changes are refused with 503 storage_full; pages and reads still work",
            })
        }
    }
}

/// Queue depth by kind and state, and how long the oldest waiting job of each kind has
/// been due, sampled at scrape time. A failed read leaves the last values (and is logged).
async fn record_job_queue(state: &AppState) {
    let depth = match app::jobs::depth(&state.db).await {
        Ok(depth) => depth,
        Err(e) => {
            tracing::error!(error = %e, "reading the job queue for metrics failed");
            return;
        }
    };
    let now = state.clock().now();
    // Every kind starts at zero, so a kind whose queue emptied does not keep its last count.
    let mut oldest: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for kind in app::jobs::KINDS {
        for status in [
            store::jobs::JobStatus::Queued,
            store::jobs::JobStatus::Running,
            store::jobs::JobStatus::Failed,
            store::jobs::JobStatus::Dead,
        ] {
            metrics::gauge!("jobs_waiting", "kind" => kind.name, "status" => status.as_str())
                .set(0.0);
        }
        oldest.insert(kind.name.to_owned(), 0.0);
    }
    for d in depth {
        metrics::gauge!("jobs_waiting", "kind" => d.kind.clone(), "status" => d.status.as_str())
            .set(d.count as f64);
        if matches!(
            d.status,
            store::jobs::JobStatus::Queued | store::jobs::JobStatus::Failed
        ) {
            let age = d.oldest_run_at.duration_until(now).as_secs_f64().max(0.0);
            let entry = oldest.entry(d.kind).or_default();
            *entry = entry.max(age);
        }
    }
    for (kind, age) in oldest {
        metrics::gauge!("jobs_oldest_waiting_seconds", "kind" => kind).set(age);
    }
}

/// Prometheus text exposition. Pool gauges are sampled at scrape time.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let pool = state.db.pool_stats();
    metrics::gauge!("db_pool_connections").set(f64::from(pool.size));
    metrics::gauge!("db_pool_idle_connections").set(f64::from(pool.idle));
    metrics::gauge!("db_pool_max_connections").set(f64::from(pool.max));
    record_job_queue(&state).await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}
