//! What roles may do. Routes ask for a permission, never for a role, so giving support
//! staff one power later is a change here and nowhere else.

use crate::Role;

/// A power a route or use case can require; roles grant them (see `Role::permissions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Decide expert applications and read verification documents.
    ExpertsVerify,
    /// Refund payments, settle disputes, read the ledger and set commission rates.
    PaymentsRefund,
    /// Read accounts, grant and revoke roles, read the audit log and the dev outbox.
    UsersManage,
    /// Turn feature flags and experiments on and off.
    FlagsManage,
    /// See the job queue, and retry or discard jobs.
    JobsManage,
    /// Enter any session's room to help its participants (announced in the room).
    SessionsSupport,
    /// Hide reported reviews, and restore them, with a reason.
    ReviewsModerate,
    /// Decide one's own expert application or suspension. No role grants it: a verifier's
    /// own application needs a second operator.
    ExpertsVerifyOwn,
}

impl Permission {
    /// Every permission, including the one no role grants.
    pub const ALL: [Permission; 8] = [
        Permission::ExpertsVerify,
        Permission::PaymentsRefund,
        Permission::UsersManage,
        Permission::FlagsManage,
        Permission::JobsManage,
        Permission::SessionsSupport,
        Permission::ReviewsModerate,
        Permission::ExpertsVerifyOwn,
    ];

    /// What operators (admins) may do.
    pub const OPERATOR: [Permission; 7] = [
        Permission::ExpertsVerify,
        Permission::PaymentsRefund,
        Permission::UsersManage,
        Permission::FlagsManage,
        Permission::JobsManage,
        Permission::SessionsSupport,
        Permission::ReviewsModerate,
    ];

    /// The stable name shown in the API and in error details.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::ExpertsVerify => "experts.verify",
            Permission::PaymentsRefund => "payments.refund",
            Permission::UsersManage => "users.manage",
            Permission::FlagsManage => "flags.manage",
            Permission::JobsManage => "jobs.manage",
            Permission::SessionsSupport => "sessions.support",
            Permission::ReviewsModerate => "reviews.moderate",
            Permission::ExpertsVerifyOwn => "experts.verify_own",
        }
    }
}

impl Role {
    /// The permissions this role grants.
    pub fn permissions(self) -> &'static [Permission] {
        match self {
            Role::Learner | Role::Expert => &[],
            Role::Admin => &Permission::OPERATOR,
        }
    }
}

/// Whether any of `roles` grants `permission`.
pub fn allows(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|r| r.permissions().contains(&permission))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_hold_operator_permissions() {
        for p in Permission::OPERATOR {
            assert!(allows(&[Role::Learner, Role::Admin], p));
            assert!(!allows(&[Role::Learner, Role::Expert], p));
            assert!(!allows(&[], p));
        }
        // Nobody decides their own application by default.
        for role in [Role::Learner, Role::Expert, Role::Admin] {
            assert!(!allows(&[role], Permission::ExpertsVerifyOwn));
        }
        let names: std::collections::HashSet<_> =
            Permission::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(names.len(), Permission::ALL.len());
    }
}
