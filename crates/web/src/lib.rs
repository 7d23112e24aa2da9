//! Mentora's HTTP surface: pages (askama + htmx), the JSON API under `/api/v1`,
//! embedded assets and the operations endpoints, behind one set of middleware.

pub mod access;
mod accounts;
mod admin;
mod api;
pub mod assets;
mod bookings;
mod calendars;
mod error;
mod experts;
mod extract;
mod instants;
mod learning;
pub mod live;
mod middleware;
mod notifications;
mod ops;
mod origin;
mod pages;
mod redirect;
mod rooms;
mod router;
mod scheduling;
mod server;
mod state;
mod uploads;

pub use error::{AppError, ErrorCode};
pub use origin::{BrowserOrigin, Links, SiteOrigin};
pub use router::{api_document, route_table, router, router_with};
pub use server::{ServeLimits, ShutdownReport, serve};
pub use state::{AppState, Shared, StripeCheckout, WebSettings};
