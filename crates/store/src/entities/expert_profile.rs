use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub status: String,
    pub headline: String,
    pub bio: String,
    pub bio_html: String,
    pub currency: String,
    pub intro_video_url: Option<String>,
    pub languages: String,
    pub hourly_from_minor: Option<i64>,
    pub hourly_from_usd_cents: Option<i64>,
    pub rating_centi: i32,
    pub rating_count: i32,
    pub next_available_at: Option<i64>,
    pub rank_rating: i64,
    pub rank_price: i64,
    pub rank_soonest: i64,
    pub search_text: String,
    pub submitted_at: Option<ChronoDateTimeUtc>,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub verified_at: Option<ChronoDateTimeUtc>,
    pub decision_reason: Option<String>,
    pub suspended_at: Option<ChronoDateTimeUtc>,
    pub suspension_reason: Option<String>,
    pub payout_account_id: Option<String>,
    pub payout_charges_enabled: bool,
    pub payout_payouts_enabled: bool,
    pub payout_requirements: String,
    pub payout_synced_at: i64,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
