//! A CalDAV client (RFC 4791) over our one HTTP stack: discovery (principal → calendar
//! home → calendars), the collection tag that says whether anything changed, the events
//! of a time range (`calendar-query`, read by `ics`), and writing, moving and deleting the
//! event of a session under a name fixed by the session, so a retry overwrites instead of
//! duplicating.
//!
//! Written against RFC 4791 and checked against a real Radicale; iCloud, Fastmail and
//! Nextcloud answer the same requests (an app password, not the account password).

use jiff::Timestamp;
use roxmltree::{Document, Node};

use crate::http::host_allowed;
use crate::{CalendarError, status_error, unreachable};

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";
const CALSERVER: &str = "http://calendarserver.org/ns/";

/// A calendar on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteCalendar {
    /// Its absolute URL.
    pub url: String,
    /// The name the owner gave it (the URL's last segment when it has none).
    pub name: String,
    /// Its collection tag: changes whenever an event in it changes.
    pub ctag: Option<String>,
}

/// What a session event write produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The event's own URL, for moving and deleting it.
    pub url: String,
    /// Its ETag, if the server sent one.
    pub etag: Option<String>,
}

/// A CalDAV account: the address given, a user name and an app password.
pub struct CalDavClient {
    http: reqwest::Client,
    base: reqwest::Url,
    username: String,
    password: String,
    allow_private: bool,
}

impl CalDavClient {
    /// A client for the account at `base` (any URL on the server: its root, the
    /// principal, the calendar home or one calendar).
    pub fn new(
        base: &str,
        username: &str,
        password: &str,
        allow_private: bool,
    ) -> Result<Self, CalendarError> {
        let base = reqwest::Url::parse(base.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or(CalendarError::Refused {
                status: 0,
                message: "not an http(s) address".into(),
            })?;
        if !host_allowed(&base, allow_private) {
            return Err(CalendarError::NotPublic);
        }
        Ok(Self {
            http: crate::http::client(allow_private)
                .map_err(|e| CalendarError::Unreachable(e.without_url().to_string()))?,
            base,
            username: username.to_owned(),
            password: password.to_owned(),
            allow_private,
        })
    }

    /// The calendars of the account that hold events.
    pub async fn discover(&self) -> Result<Vec<RemoteCalendar>, CalendarError> {
        let body = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/">
  <d:prop><d:resourcetype/><d:displayname/><d:current-user-principal/><c:calendar-home-set/><cs:getctag/><c:supported-calendar-component-set/></d:prop>
</d:propfind>"#;
        let start = self.base.to_string();
        let answer = self.send("PROPFIND", &start, "0", body).await?;
        let first = responses(&answer)?;
        let Some(here) = first.into_iter().next() else {
            return Err(CalendarError::Unreadable("not a CalDAV server".into()));
        };
        if here.is_calendar {
            return Ok(vec![self.calendar_of(here)]);
        }
        let home = match here.home {
            Some(home) => home,
            None => {
                let principal = here.principal.ok_or_else(|| {
                    CalendarError::Unreadable("not a CalDAV server (no principal)".into())
                })?;
                let answer = self
                    .send("PROPFIND", &self.join(&principal)?, "0", body)
                    .await?;
                responses(&answer)?
                    .into_iter()
                    .find_map(|r| r.home)
                    .ok_or_else(|| CalendarError::Unreadable("no calendar home".into()))?
            }
        };
        let answer = self.send("PROPFIND", &self.join(&home)?, "1", body).await?;
        Ok(responses(&answer)?
            .into_iter()
            .filter(|r| r.is_calendar && r.holds_events)
            .map(|r| self.calendar_of(r))
            .collect())
    }

    fn calendar_of(&self, r: Response) -> RemoteCalendar {
        let url = self.join(&r.href).unwrap_or_else(|_| r.href.clone());
        let name = r.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| {
            r.href
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("calendar")
                .to_owned()
        });
        RemoteCalendar {
            url,
            name,
            ctag: r.ctag,
        }
    }

    /// The calendar's collection tag now (None when the server keeps none: then every
    /// sync reads the range again).
    pub async fn ctag(&self, calendar: &str) -> Result<Option<String>, CalendarError> {
        let body = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/><d:sync-token/></d:prop></d:propfind>"#;
        let answer = self.send("PROPFIND", calendar, "0", body).await?;
        Ok(responses(&answer)?.into_iter().find_map(|r| r.ctag))
    }

    /// The iCalendar text of each event resource with an instance in `[from, to)`.
    pub async fn events(
        &self,
        calendar: &str,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<String>, CalendarError> {
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
    <c:time-range start="{}" end="{}"/>
  </c:comp-filter></c:comp-filter></c:filter>
</c:calendar-query>"#,
            utc_text(from),
            utc_text(to)
        );
        let answer = self.send("REPORT", calendar, "1", &body).await?;
        Ok(responses(&answer)?
            .into_iter()
            .filter_map(|r| r.calendar_data)
            .collect())
    }

    /// Writes the event `uid` into `calendar` (creating or replacing it): its resource is
    /// `<uid>.ics`, so the same session always lands on the same resource.
    pub async fn put(&self, calendar: &str, uid: &str, ics: &str) -> Result<Stored, CalendarError> {
        let url = format!("{}/{uid}.ics", calendar.trim_end_matches('/'));
        self.check(&url)?;
        let response = self
            .http
            .put(&url)
            .basic_auth(&self.username, Some(&self.password))
            .header("Content-Type", "text/calendar; charset=utf-8")
            .body(ics.to_owned())
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status().as_u16();
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let text = response.text().await.unwrap_or_default();
        if let Some(e) = status_error(status, &text) {
            return Err(e);
        }
        Ok(Stored { url, etag })
    }

    /// Deletes the event at `url`; one already gone is not an error.
    pub async fn delete(&self, url: &str) -> Result<(), CalendarError> {
        self.check(url)?;
        let response = self
            .http
            .delete(url)
            .basic_auth(&self.username, Some(&self.password))
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        match status_error(status, &text) {
            None | Some(CalendarError::Gone) => Ok(()),
            Some(e) => Err(e),
        }
    }

    fn check(&self, url: &str) -> Result<(), CalendarError> {
        let parsed = reqwest::Url::parse(url)
            .map_err(|_| CalendarError::Unreadable(format!("not an address: {url}")))?;
        if host_allowed(&parsed, self.allow_private) {
            Ok(())
        } else {
            Err(CalendarError::NotPublic)
        }
    }

    fn join(&self, href: &str) -> Result<String, CalendarError> {
        self.base
            .join(href)
            .map(|u| u.to_string())
            .map_err(|_| CalendarError::Unreadable(format!("a bad address: {href}")))
    }

    async fn send(
        &self,
        method: &str,
        url: &str,
        depth: &str,
        body: &str,
    ) -> Result<String, CalendarError> {
        self.check(url)?;
        let method = reqwest::Method::from_bytes(method.as_bytes())
            .map_err(|e| CalendarError::Unreadable(e.to_string()))?;
        let response = self
            .http
            .request(method, url)
            .basic_auth(&self.username, Some(&self.password))
            .header("Depth", depth)
            .header("Content-Type", "application/xml; charset=utf-8")
            .body(body.to_owned())
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        if let Some(e) = status_error(status, &text) {
            return Err(e);
        }
        if status != 207 {
            return Err(CalendarError::Unreadable(format!(
                "not a CalDAV server (it answered {status})"
            )));
        }
        Ok(text)
    }
}

/// `20261201T100000Z`, the form CalDAV time ranges take.
fn utc_text(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// What one `<d:response>` of a multistatus said (from its 200 propstat).
#[derive(Debug, Default)]
struct Response {
    href: String,
    is_calendar: bool,
    holds_events: bool,
    name: Option<String>,
    ctag: Option<String>,
    principal: Option<String>,
    home: Option<String>,
    calendar_data: Option<String>,
}

fn responses(xml: &str) -> Result<Vec<Response>, CalendarError> {
    let doc = Document::parse(xml)
        .map_err(|e| CalendarError::Unreadable(format!("not a CalDAV answer: {e}")))?;
    let mut found = Vec::new();
    for node in doc.descendants().filter(|n| is(n, DAV, "response")) {
        let mut r = Response {
            href: child_text(&node, DAV, "href").unwrap_or_default(),
            // A calendar that lists no components holds anything, events included.
            holds_events: true,
            ..Response::default()
        };
        for propstat in node.children().filter(|n| is(n, DAV, "propstat")) {
            let ok = child_text(&propstat, DAV, "status").is_some_and(|s| s.contains(" 200"));
            if !ok {
                continue;
            }
            for prop in propstat.children().filter(|n| is(n, DAV, "prop")) {
                for p in prop.children().filter(Node::is_element) {
                    match (p.tag_name().namespace(), p.tag_name().name()) {
                        (Some(DAV), "resourcetype") => {
                            r.is_calendar = p.children().any(|c| is(&c, CALDAV, "calendar"));
                        }
                        (Some(DAV), "displayname") => r.name = text_of(&p),
                        (Some(CALSERVER), "getctag") => r.ctag = text_of(&p),
                        (Some(DAV), "sync-token") if r.ctag.is_none() => r.ctag = text_of(&p),
                        (Some(DAV), "current-user-principal") => {
                            r.principal = child_text(&p, DAV, "href");
                        }
                        (Some(CALDAV), "calendar-home-set") => {
                            r.home = child_text(&p, DAV, "href");
                        }
                        (Some(CALDAV), "supported-calendar-component-set") => {
                            let comps: Vec<&str> = p
                                .children()
                                .filter(|c| is(c, CALDAV, "comp"))
                                .filter_map(|c| c.attribute("name"))
                                .collect();
                            r.holds_events = comps.is_empty() || comps.contains(&"VEVENT");
                        }
                        (Some(CALDAV), "calendar-data") => r.calendar_data = text_of(&p),
                        _ => {}
                    }
                }
            }
        }
        found.push(r);
    }
    Ok(found)
}

fn is(node: &Node<'_, '_>, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

fn text_of(node: &Node<'_, '_>) -> Option<String> {
    let text: String = node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn child_text(node: &Node<'_, '_>, ns: &str, name: &str) -> Option<String> {
    node.children()
        .find(|c| is(c, ns, name))
        .and_then(|c| text_of(&c))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_multistatus_reads_into_calendars_homes_and_tags() {
        let xml = r#"<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CS="http://calendarserver.org/ns/">
 <response><href>/ana/</href><propstat><prop><resourcetype><collection/></resourcetype>
  <C:calendar-home-set><href>/ana/</href></C:calendar-home-set></prop><status>HTTP/1.1 200 OK</status></propstat>
  <propstat><prop><CS:getctag/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>
 <response><href>/ana/work/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype>
  <displayname>Work</displayname><CS:getctag>"abc"</CS:getctag>
  <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></prop>
  <status>HTTP/1.1 200 OK</status></propstat></response>
 <response><href>/ana/tasks/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype>
  <C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set></prop>
  <status>HTTP/1.1 200 OK</status></propstat></response>
</multistatus>"#;
        let found = responses(xml).unwrap();
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].home.as_deref(), Some("/ana/"));
        assert!(!found[0].is_calendar);
        assert!(found[0].ctag.is_none(), "a 404 propstat says nothing");
        assert!(found[1].is_calendar && found[1].holds_events);
        assert_eq!(found[1].name.as_deref(), Some("Work"));
        assert_eq!(found[1].ctag.as_deref(), Some("\"abc\""));
        assert!(found[2].is_calendar && !found[2].holds_events);
    }

    #[test]
    fn html_is_not_a_caldav_answer() {
        assert!(matches!(
            responses("<html><body>Sign in</body>"),
            Err(CalendarError::Unreadable(_))
        ));
    }
}
