//! Operators: accounts and roles, the audit log, the dev outbox, the job queue, verifying
//! and suspending experts, and the specialty taxonomy; in the API, the same.

use axum::routing::{get, post};
use domain::Permission::{ExpertsVerify, JobsManage, PaymentsRefund, UsersManage};

use utoipa_axum::routes;

use crate::ErrorCode::*;
use crate::access::Access::Permission as Needs;
use crate::access::Routes;

mod api;
mod api_jobs;
mod api_payments;
mod api_verification;
mod audit;
mod experts;
mod jobs;
mod outbox;
mod payments;
mod rates;
mod test_clock;
mod users;

/// The operators' pages.
pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/admin/outbox", Needs(UsersManage), get(outbox::show))
        .get("/admin/jobs", Needs(JobsManage), get(jobs::list))
        .get(
            "/admin/payments",
            Needs(PaymentsRefund),
            get(payments::show),
        )
        .post(
            "/admin/payments/refund",
            Needs(PaymentsRefund),
            post(payments::refund),
        )
        .get("/admin/rates", Needs(PaymentsRefund), get(rates::show))
        .post("/admin/rates", Needs(PaymentsRefund), post(rates::set))
        .get(
            "/admin/payments/commission.csv",
            Needs(PaymentsRefund),
            get(payments::commission_csv),
        )
        .get(
            "/admin/test-clock",
            Needs(JobsManage),
            get(test_clock::show),
        )
        .post(
            "/admin/test-clock",
            Needs(JobsManage),
            post(test_clock::move_clock),
        )
        .post(
            "/admin/jobs/{id}/retry",
            Needs(JobsManage),
            post(jobs::retry),
        )
        .post(
            "/admin/jobs/{id}/discard",
            Needs(JobsManage),
            post(jobs::discard),
        )
        .get("/admin/users", Needs(UsersManage), get(users::list))
        .post(
            "/admin/users/{id}/roles",
            Needs(UsersManage),
            post(users::set_role),
        )
        .get("/admin/audit", Needs(UsersManage), get(audit::list))
        .get("/admin/experts", Needs(ExpertsVerify), get(experts::queue))
        .get(
            "/admin/experts/{id}",
            Needs(ExpertsVerify),
            get(experts::review),
        )
        .post(
            "/admin/experts/{id}/decision",
            Needs(ExpertsVerify),
            post(experts::decide),
        )
        .post(
            "/admin/experts/{id}/suspension",
            Needs(ExpertsVerify),
            post(experts::suspension),
        )
        .get(
            "/admin/specialties",
            Needs(ExpertsVerify),
            get(experts::specialties),
        )
        .post(
            "/admin/specialties",
            Needs(ExpertsVerify),
            post(experts::add_specialty),
        )
        .post(
            "/admin/specialties/{slug}/rename",
            Needs(ExpertsVerify),
            post(experts::rename_specialty),
        )
}

/// The operators' API.
pub(crate) fn api_routes() -> Routes {
    let job_change = &[NotFound, JobState];
    let decide = &[NotFound, ValidationFailed, ApplicationState, OwnApplication];
    Routes::new(crate::api::PREFIX)
        .documented(Needs(UsersManage), routes!(api::outbox), &[])
        .documented(Needs(UsersManage), routes!(api::audit), &[BadRequest])
        .documented(Needs(JobsManage), routes!(api_jobs::list), &[BadRequest])
        .documented(
            Needs(JobsManage),
            routes!(test_clock::api_show),
            &[NotFound],
        )
        .documented(
            Needs(JobsManage),
            routes!(test_clock::api_move),
            &[NotFound, ValidationFailed],
        )
        .documented(
            Needs(PaymentsRefund),
            routes!(api_payments::trial_balance),
            &[BadRequest],
        )
        .documented(
            Needs(PaymentsRefund),
            routes!(api_payments::set_commission),
            &[NotFound, ValidationFailed],
        )
        .documented(Needs(PaymentsRefund), routes!(api_payments::overview), &[])
        .documented(Needs(PaymentsRefund), routes!(rates::api_list), &[])
        .documented(
            Needs(PaymentsRefund),
            routes!(rates::api_set),
            &[ValidationFailed],
        )
        .documented(
            Needs(PaymentsRefund),
            routes!(api_payments::refund),
            &[NotFound, ValidationFailed, InvalidTransition],
        )
        .documented(
            Needs(PaymentsRefund),
            routes!(api_payments::commission_report),
            &[BadRequest],
        )
        .documented(Needs(JobsManage), routes!(api_jobs::retry), job_change)
        .documented(Needs(JobsManage), routes!(api_jobs::discard), job_change)
        .documented(
            Needs(ExpertsVerify),
            routes!(api_verification::queue),
            &[ValidationFailed],
        )
        .documented(
            Needs(ExpertsVerify),
            routes!(api_verification::review),
            &[NotFound],
        )
        .documented(
            Needs(ExpertsVerify),
            routes!(api_verification::decide),
            decide,
        )
        .documented(
            Needs(ExpertsVerify),
            routes!(api_verification::suspension),
            &[NotFound, ValidationFailed, ApplicationState, OwnApplication],
        )
}
