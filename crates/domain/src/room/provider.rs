//! Where an expert meets their learners, chosen in their availability settings.

/// The video provider of an expert's sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VideoProvider {
    /// Mentora's own WebRTC room, with attendance and recording.
    #[default]
    BuiltIn,
    /// A room on the deployment's Jitsi server, named so nobody can guess it.
    Jitsi,
    /// A Zoom meeting, made by the deployment's Zoom app when the session is confirmed.
    Zoom,
    /// A Google Meet link on a Calendar event of the deployment's Google account.
    GoogleMeet,
}

impl VideoProvider {
    /// Every provider, in the order the settings list them.
    pub const ALL: [VideoProvider; 4] = [Self::BuiltIn, Self::Jitsi, Self::Zoom, Self::GoogleMeet];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BuiltIn => "builtin",
            Self::Jitsi => "jitsi",
            Self::Zoom => "zoom",
            Self::GoogleMeet => "meet",
        }
    }

    /// Whether its meeting is made at the provider by a job (Zoom, Google Meet), rather
    /// than entered at once (the built-in room, Jitsi).
    pub fn is_scheduled(self) -> bool {
        matches!(self, Self::Zoom | Self::GoogleMeet)
    }

    /// Whether the room reports who came (the built-in room sees joins and leaves; Zoom
    /// sends them as webhooks): then attendance settles the session, not the expert.
    pub fn reports_attendance(self) -> bool {
        matches!(self, Self::BuiltIn | Self::Zoom)
    }

    /// The provider with this stored name; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in VideoProvider::ALL {
            assert_eq!(VideoProvider::parse(p.as_str()), Some(p));
        }
        assert_eq!(VideoProvider::parse("skype"), None);
    }
}
