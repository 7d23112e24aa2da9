//! Preferences on a profile, each parsed once at the edge: time zone, currency, languages,
//! session preferences.

/// Why a profile value was refused, as a Fluent message id for the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub &'static str);

/// An IANA time zone name that this build's time zone database knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeZoneName(String);

impl TimeZoneName {
    /// Accepts a zone jiff's bundled database knows (in any case, legacy names too) and keeps
    /// the database's spelling.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > 64 {
            return Err(Invalid("profile-time-zone-invalid"));
        }
        let tz = jiff::tz::TimeZone::get(raw).map_err(|_| Invalid("profile-time-zone-invalid"))?;
        // Store the database's own spelling (case-insensitive lookups are accepted).
        Ok(Self(tz.iana_name().unwrap_or(raw).to_owned()))
    }

    /// The zone name as stored and shown.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Active ISO 4217 currency codes.
const CURRENCIES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

// `CurrencyCode::listed` reads each list as codes of three letters with one space between.
const _: () = assert!(CURRENCIES.len() % (CurrencyCode::LEN + 1) == CurrencyCode::LEN);
const _: () =
    assert!(crate::money::ZERO_DECIMAL.len() % (CurrencyCode::LEN + 1) == CurrencyCode::LEN);
const _: () =
    assert!(crate::money::THREE_DECIMAL.len() % (CurrencyCode::LEN + 1) == CurrencyCode::LEN);

/// An ISO 4217 currency code in upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyCode([u8; CurrencyCode::LEN]);

impl CurrencyCode {
    /// Letters in a code (forms limit the field to it).
    pub const LEN: usize = 3;

    /// Accepts an active ISO 4217 code in any case and keeps it upper case.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let invalid = || Invalid("profile-currency-invalid");
        let bytes: [u8; Self::LEN] = raw.trim().as_bytes().try_into().map_err(|_| invalid())?;
        let code = bytes.map(|b| b.to_ascii_uppercase());
        if !code.iter().all(u8::is_ascii_uppercase) || !Self::listed(CURRENCIES, code) {
            return Err(invalid());
        }
        Ok(Self(code))
    }

    /// Whether `code` is in `codes`: codes in alphabetical order, each followed by one
    /// space but the last. A binary search: every price a page shows is parsed and looked
    /// up here, and a scan of the list was a few per cent of a page's time.
    pub(crate) fn listed(codes: &str, code: [u8; Self::LEN]) -> bool {
        let width = Self::LEN + 1;
        let count = codes.len().div_ceil(width);
        let at = |i: usize| &codes.as_bytes()[i * width..i * width + Self::LEN];
        let (mut low, mut high) = (0, count);
        while low < high {
            let mid = (low + high) / 2;
            match at(mid).cmp(&code[..]) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
            }
        }
        false
    }

    /// The code's three letters.
    pub(crate) const fn letters(self) -> [u8; Self::LEN] {
        self.0
    }

    /// The three-letter code.
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters get in (see `parse`).
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Every active code, for the currency menus.
    pub fn all() -> impl Iterator<Item = &'static str> {
        CURRENCIES.split(' ')
    }
}

/// ISO 639-1 language codes.
pub(crate) const LANGUAGES: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// A list of distinct ISO 639-1 codes, at most 20, from a comma- or space-separated string
/// or a list.
pub fn parse_languages<'a>(raw: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, Invalid> {
    let mut codes = Vec::new();
    for part in raw.into_iter().flat_map(|s| s.split([',', ' '])) {
        let code = part.trim().to_ascii_lowercase();
        if code.is_empty() {
            continue;
        }
        if !LANGUAGES.split(' ').any(|c| c == code) {
            return Err(Invalid("profile-languages-invalid"));
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > 20 {
        return Err(Invalid("profile-languages-invalid"));
    }
    Ok(codes)
}

/// Session lengths a learner may prefer, in minutes.
pub const SESSION_LENGTHS: [i32; 4] = [30, 45, 60, 90];

/// A learner's preferred session length: one of `SESSION_LENGTHS`.
pub fn parse_session_length(minutes: i32) -> Result<i32, Invalid> {
    SESSION_LENGTHS
        .contains(&minutes)
        .then_some(minutes)
        .ok_or(Invalid("profile-session-length-invalid"))
}

/// Video providers a session can use.
pub const VIDEO_PROVIDERS: [&str; 4] = ["builtin", "zoom", "meet", "jitsi"];

/// A learner's preferred video provider: one of `VIDEO_PROVIDERS`.
pub fn parse_video_provider(raw: &str) -> Result<String, Invalid> {
    let raw = raw.trim();
    VIDEO_PROVIDERS
        .contains(&raw)
        .then(|| raw.to_owned())
        .ok_or(Invalid("profile-video-provider-invalid"))
}

/// Channels for session reminders: the notification centre and email (the reminders
/// topic of the notification preferences).
pub const REMINDER_CHANNELS: [&str; 2] = ["in_app", "email"];

/// The reminder channels a learner wants, each one of `REMINDER_CHANNELS`, duplicates dropped.
pub fn parse_reminder_channels<'a>(
    raw: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<String>, Invalid> {
    let mut channels = Vec::new();
    for channel in raw.into_iter().map(str::trim).filter(|c| !c.is_empty()) {
        if !REMINDER_CHANNELS.contains(&channel) {
            return Err(Invalid("profile-reminder-channels-invalid"));
        }
        if !channels.iter().any(|c| c == channel) {
            channels.push(channel.to_owned());
        }
    }
    Ok(channels)
}

/// The longest learning goals text, in characters.
pub const LEARNING_GOALS_MAX_CHARS: usize = 2000;

/// Learning goals: free text up to 2,000 characters.
pub fn parse_learning_goals(raw: &str) -> Result<String, Invalid> {
    let trimmed = raw.trim();
    if trimmed.chars().count() > LEARNING_GOALS_MAX_CHARS {
        return Err(Invalid("profile-learning-goals-too-long"));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_lists_are_in_order_for_their_binary_search() {
        for codes in [
            CURRENCIES,
            crate::money::ZERO_DECIMAL,
            crate::money::THREE_DECIMAL,
        ] {
            let all: Vec<&str> = codes.split(' ').collect();
            assert!(all.iter().all(|c| c.len() == CurrencyCode::LEN), "{codes}");
            assert!(all.windows(2).all(|w| w[0] < w[1]), "{codes}");
            for c in &all {
                let code: [u8; 3] = c.as_bytes().try_into().unwrap();
                assert!(CurrencyCode::listed(codes, code), "{c}");
            }
        }
        assert!(!CurrencyCode::listed(CURRENCIES, *b"AAA"));
        assert!(!CurrencyCode::listed(CURRENCIES, *b"ZZZ"));
        assert!(!CurrencyCode::listed(CURRENCIES, *b"EUS"));
        assert_eq!(CurrencyCode::parse(" eur ").unwrap().as_str(), "EUR");
        assert!(CurrencyCode::parse("EU1").is_err());
        assert!(CurrencyCode::parse("EURO").is_err());
        assert!(CurrencyCode::parse("€€").is_err());
        // One three-byte character.
        assert!(CurrencyCode::parse("€").is_err());
    }

    #[test]
    fn time_zones_are_checked_against_the_database() {
        assert_eq!(
            TimeZoneName::parse("Europe/Berlin").map(|z| z.0),
            Ok("Europe/Berlin".into())
        );
        assert_eq!(
            TimeZoneName::parse("Asia/Kathmandu").map(|z| z.0),
            Ok("Asia/Kathmandu".into())
        );
        assert!(TimeZoneName::parse("Mars/Olympus_Mons").is_err());
        assert!(TimeZoneName::parse("").is_err());
        assert!(TimeZoneName::parse("../../etc/passwd").is_err());
    }

    #[test]
    fn currencies_are_iso_4217() {
        assert_eq!(
            CurrencyCode::parse("eur").map(|c| c.as_str().to_owned()),
            Ok("EUR".into())
        );
        assert!(CurrencyCode::parse("EURO").is_err());
        assert!(CurrencyCode::parse("ABC").is_err());
        assert!(CurrencyCode::parse("€").is_err());
        // Forms cut the field at `LEN`: no active code may be longer.
        assert!(CurrencyCode::all().all(|c| c.len() == CurrencyCode::LEN));
    }

    #[test]
    fn languages_are_iso_639_1_and_deduplicated() {
        assert_eq!(
            parse_languages(["en, ES", "en"]),
            Ok(vec!["en".into(), "es".into()])
        );
        assert!(parse_languages(["english"]).is_err());
        assert_eq!(parse_languages([""]), Ok(vec![]));
        assert!(LANGUAGES.split(' ').all(|c| c.len() == 2));
    }

    #[test]
    fn session_preferences_have_fixed_choices() {
        assert!(parse_session_length(60).is_ok() && parse_session_length(61).is_err());
        assert!(parse_video_provider("jitsi").is_ok() && parse_video_provider("skype").is_err());
        assert_eq!(
            parse_reminder_channels(["email", "email"]),
            Ok(vec!["email".into()])
        );
        assert!(parse_reminder_channels(["fax"]).is_err());
        assert!(parse_learning_goals(&"x".repeat(2001)).is_err());
    }
}
