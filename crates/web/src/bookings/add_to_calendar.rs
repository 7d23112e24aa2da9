//! "Add to calendar" for a booking: Google Calendar's and Outlook's own "new event" pages
//! filled in with the session (nothing is sent to them until the person saves it there),
//! and the booking as an `.ics` file for every other calendar.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::{AppError, AppState, Links};

/// The three ways to put a session in a calendar.
pub struct CalendarLinks {
    pub google: String,
    pub outlook: String,
    pub ics: String,
}

/// What the event says: its title, its times, and the booking page as its details.
pub struct Session<'a> {
    pub id: Uuid,
    pub title: &'a str,
    pub start: Timestamp,
    pub end: Timestamp,
    /// The booking page's full address, put in the event's details.
    pub page: &'a str,
}

impl CalendarLinks {
    pub fn of(s: &Session<'_>) -> Self {
        // Google wants UTC as 20261207T100000Z; Outlook an RFC 3339 instant.
        let compact = |t: Timestamp| t.strftime("%Y%m%dT%H%M%SZ").to_string();
        let google = serde_urlencoded::to_string([
            ("action", "TEMPLATE"),
            ("text", s.title),
            ("dates", &format!("{}/{}", compact(s.start), compact(s.end))),
            ("details", s.page),
        ])
        .unwrap_or_default();
        let outlook = serde_urlencoded::to_string([
            ("path", "/calendar/action/compose"),
            ("rru", "addevent"),
            ("subject", s.title),
            ("startdt", &s.start.to_string()),
            ("enddt", &s.end.to_string()),
            ("body", s.page),
        ])
        .unwrap_or_default();
        Self {
            google: format!("https://calendar.google.com/calendar/render?{google}"),
            outlook: format!("https://outlook.live.com/calendar/0/deeplink/compose?{outlook}"),
            ics: format!("/bookings/{}/calendar.ics", s.id),
        }
    }
}

/// `GET /bookings/{id}/calendar.ics`: the session as a file to import.
pub async fn file(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let ics =
        app::bookings::feed::one(&state.db, &viewer.user, id, &base, state.clock().now()).await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"mentora-session.ics\""),
            ),
            // Names and addresses: never kept by a shared cache.
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        ics,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_links_carry_the_session_in_each_calendars_own_form() {
        let id = Uuid::nil();
        let links = CalendarLinks::of(&Session {
            id,
            title: "Mentora: Bruno Costa × Lena Learner",
            start: "2026-12-07T10:00:00Z".parse().unwrap(),
            end: "2026-12-07T11:00:00Z".parse().unwrap(),
            page: "https://mentora.example/bookings/1",
        });
        assert_eq!(
            links.google,
            "https://calendar.google.com/calendar/render?action=TEMPLATE\
             &text=Mentora%3A+Bruno+Costa+%C3%97+Lena+Learner\
             &dates=20261207T100000Z%2F20261207T110000Z\
             &details=https%3A%2F%2Fmentora.example%2Fbookings%2F1"
        );
        assert_eq!(
            links.outlook,
            "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose\
             &rru=addevent&subject=Mentora%3A+Bruno+Costa+%C3%97+Lena+Learner\
             &startdt=2026-12-07T10%3A00%3A00Z&enddt=2026-12-07T11%3A00%3A00Z\
             &body=https%3A%2F%2Fmentora.example%2Fbookings%2F1"
        );
        assert_eq!(links.ics, format!("/bookings/{id}/calendar.ics"));
    }
}
