//! The learning record:
//! - `reviews`: a learner's rating (with optional aspects) and words on a completed
//!   session, one per booking; the expert's one reply; an operator's hiding, with why;
//! - `review_marks`: "helpful" votes and reports, one of each per person and review;
//! - `session_notes`: the Markdown notes both participants share, per session series (a
//!   moved session keeps its notes), with a version number that refuses a stale save;
//! - `private_notes`: each participant's own notes on a session, seen by nobody else;
//! - `session_resources`: links and files either participant attached to a session (a
//!   file keeps its cleaned name, for downloads);
//! - `goals`, `goal_sessions` and `goal_events`: a learner's goals, the sessions they
//!   serve, and every change to them for the learner's timeline;
//! - `nps_answers`: answers (and "not now"s) to the 0–10 recommendation question.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

use super::schema::{booking_fk, index, user_fk};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Reviews::Table)
                    .col(uuid(Reviews::BookingId).primary_key())
                    .col(uuid(Reviews::ExpertId))
                    .col(uuid(Reviews::LearnerId))
                    .col(integer(Reviews::Rating))
                    .col(integer_null(Reviews::Clarity))
                    .col(integer_null(Reviews::Preparation))
                    .col(integer_null(Reviews::Punctuality))
                    .col(text(Reviews::Body).default(""))
                    .col(big_integer(Reviews::CreatedAt))
                    .col(big_integer_null(Reviews::EditedAt))
                    .col(text_null(Reviews::Reply))
                    .col(big_integer_null(Reviews::RepliedAt))
                    .col(big_integer_null(Reviews::HiddenAt))
                    .col(text_null(Reviews::HiddenReason))
                    .col(integer(Reviews::HelpfulCount).default(0))
                    .col(integer(Reviews::ReportCount).default(0))
                    .foreign_key(&mut booking_fk(
                        "fk_reviews_booking",
                        Reviews::Table,
                        Reviews::BookingId,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_reviews_expert",
                        Reviews::Table,
                        Reviews::ExpertId,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_reviews_learner",
                        Reviews::Table,
                        Reviews::LearnerId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_reviews_expert")
                    .table(Reviews::Table)
                    .col(Reviews::ExpertId)
                    .col(Reviews::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewMarks::Table)
                    .col(uuid(ReviewMarks::BookingId))
                    .col(uuid(ReviewMarks::AccountId))
                    .col(string_len(ReviewMarks::Kind, 16))
                    .col(text(ReviewMarks::Reason).default(""))
                    .col(big_integer(ReviewMarks::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(ReviewMarks::BookingId)
                            .col(ReviewMarks::AccountId)
                            .col(ReviewMarks::Kind),
                    )
                    .foreign_key(&mut booking_fk(
                        "fk_review_marks_booking",
                        ReviewMarks::Table,
                        ReviewMarks::BookingId,
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_review_marks_account",
                        ReviewMarks::Table,
                        ReviewMarks::AccountId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SessionNotes::Table)
                    .col(uuid(SessionNotes::SeriesId).primary_key())
                    .col(text(SessionNotes::Body))
                    .col(integer(SessionNotes::Version))
                    .col(uuid_null(SessionNotes::UpdatedBy))
                    .col(big_integer(SessionNotes::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PrivateNotes::Table)
                    .col(uuid(PrivateNotes::SeriesId))
                    .col(uuid(PrivateNotes::AccountId))
                    .col(text(PrivateNotes::Body))
                    .col(big_integer(PrivateNotes::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(PrivateNotes::SeriesId)
                            .col(PrivateNotes::AccountId),
                    )
                    .foreign_key(&mut user_fk(
                        "fk_private_notes_account",
                        PrivateNotes::Table,
                        PrivateNotes::AccountId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SessionResources::Table)
                    .col(uuid(SessionResources::Id).primary_key())
                    .col(uuid(SessionResources::SeriesId))
                    .col(uuid(SessionResources::AddedBy))
                    .col(string_len(SessionResources::Title, 200))
                    .col(string_len_null(SessionResources::Url, 2000))
                    .col(string_len_null(SessionResources::FileKey, 200))
                    .col(string_len_null(SessionResources::FileName, 200))
                    .col(string_len_null(SessionResources::ContentType, 100))
                    .col(big_integer_null(SessionResources::SizeBytes))
                    .col(big_integer(SessionResources::CreatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_session_resources_added_by",
                        SessionResources::Table,
                        SessionResources::AddedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_session_resources_series",
            SessionResources::Table,
            SessionResources::SeriesId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Goals::Table)
                    .col(uuid(Goals::Id).primary_key())
                    .col(uuid(Goals::LearnerId))
                    .col(string_len(Goals::Title, 200))
                    .col(text(Goals::Detail).default(""))
                    .col(string_len(Goals::Status, 16))
                    .col(string_len_null(Goals::TargetDate, 10))
                    .col(boolean(Goals::Shared).default(false))
                    .col(big_integer(Goals::CreatedAt))
                    .col(big_integer(Goals::UpdatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_goals_learner",
                        Goals::Table,
                        Goals::LearnerId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_goals_learner", Goals::Table, Goals::LearnerId).await?;
        manager
            .create_table(
                Table::create()
                    .table(GoalSessions::Table)
                    .col(uuid(GoalSessions::GoalId))
                    .col(uuid(GoalSessions::SeriesId))
                    .col(big_integer(GoalSessions::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(GoalSessions::GoalId)
                            .col(GoalSessions::SeriesId),
                    )
                    .foreign_key(&mut goal_fk("fk_goal_sessions_goal", GoalSessions::Table))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_goal_sessions_series",
            GoalSessions::Table,
            GoalSessions::SeriesId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(GoalEvents::Table)
                    .col(uuid(GoalEvents::Id).primary_key())
                    .col(uuid(GoalEvents::GoalId))
                    .col(string_len(GoalEvents::Kind, 16))
                    .col(string_len(GoalEvents::Detail, 200).default(""))
                    .col(big_integer(GoalEvents::At))
                    .foreign_key(&mut goal_fk("fk_goal_events_goal", GoalEvents::Table))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_goal_events_goal",
            GoalEvents::Table,
            GoalEvents::GoalId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(NpsAnswers::Table)
                    .col(uuid(NpsAnswers::Id).primary_key())
                    .col(uuid(NpsAnswers::AccountId))
                    .col(integer_null(NpsAnswers::Score))
                    .col(text(NpsAnswers::Comment).default(""))
                    .col(big_integer(NpsAnswers::AnsweredAt))
                    .foreign_key(&mut user_fk(
                        "fk_nps_answers_account",
                        NpsAnswers::Table,
                        NpsAnswers::AccountId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_nps_answers_account",
            NpsAnswers::Table,
            NpsAnswers::AccountId,
        )
        .await?;
        // Experts without reviews rank at the prior's score (see `domain::learning::rating`).
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "UPDATE expert_profiles SET rank_rating = {} WHERE rating_count = 0",
                -domain::learning::rating::bayesian_score(0, 0)
            ))
            .await?;
        Ok(())
    }
}

/// A foreign key from `table.goal_id` to `goals.id`, removed with the goal.
fn goal_fk<T: IntoIden + 'static>(name: &str, table: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, Alias::new("goal_id"))
        .to(Goals::Table, Goals::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[derive(DeriveIden, Clone, Copy)]
enum Reviews {
    Table,
    BookingId,
    ExpertId,
    LearnerId,
    Rating,
    Clarity,
    Preparation,
    Punctuality,
    Body,
    CreatedAt,
    EditedAt,
    Reply,
    RepliedAt,
    HiddenAt,
    HiddenReason,
    HelpfulCount,
    ReportCount,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReviewMarks {
    Table,
    BookingId,
    AccountId,
    Kind,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SessionNotes {
    Table,
    SeriesId,
    Body,
    Version,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PrivateNotes {
    Table,
    SeriesId,
    AccountId,
    Body,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SessionResources {
    Table,
    Id,
    SeriesId,
    AddedBy,
    Title,
    Url,
    FileKey,
    FileName,
    ContentType,
    SizeBytes,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Goals {
    Table,
    Id,
    LearnerId,
    Title,
    Detail,
    Status,
    TargetDate,
    Shared,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GoalSessions {
    Table,
    GoalId,
    SeriesId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GoalEvents {
    Table,
    Id,
    GoalId,
    Kind,
    Detail,
    At,
}

#[derive(DeriveIden, Clone, Copy)]
enum NpsAnswers {
    Table,
    Id,
    AccountId,
    Score,
    Comment,
    AnsweredAt,
}
