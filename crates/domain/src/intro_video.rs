//! An expert's intro video shown on the profile itself when it is on YouTube or Vimeo, in
//! each one's privacy-enhanced player (no cookies until the visitor plays it, no tracking):
//! `youtube-nocookie.com` and Vimeo's player with `dnt=1`. Any other link stays a link.

/// A player to frame on the profile page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// The player's address, built from the video's id alone (nothing else of the link).
    pub src: String,
    /// The origin the page's Content-Security-Policy must allow in `frame-src`.
    pub origin: &'static str,
    /// "YouTube" or "Vimeo", for the player's title.
    pub provider: &'static str,
}

const YOUTUBE_PLAYER: &str = "https://www.youtube-nocookie.com";
const VIMEO_PLAYER: &str = "https://player.vimeo.com";

/// The privacy-enhanced player for a YouTube or Vimeo link, or `None` for anything else.
pub fn embed(url: &str) -> Option<Embed> {
    let rest = url.trim().strip_prefix("https://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.split('#').next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match host {
        "youtube.com" | "youtube-nocookie.com" => {
            let id = match segments.as_slice() {
                ["watch"] => query
                    .split(['&', '#'])
                    .find_map(|pair| pair.strip_prefix("v=")),
                ["embed" | "shorts" | "live" | "v", id, ..] => Some(*id),
                _ => None,
            };
            youtube(id?)
        }
        "youtu.be" => youtube(segments.first()?),
        "vimeo.com" => vimeo(segments.first()?),
        "player.vimeo.com" => match segments.as_slice() {
            ["video", id, ..] => vimeo(id),
            _ => None,
        },
        _ => None,
    }
}

/// YouTube ids are 11 characters of the URL-safe base64 alphabet.
fn youtube(id: &str) -> Option<Embed> {
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then(|| Embed {
        src: format!("{YOUTUBE_PLAYER}/embed/{id}"),
        origin: YOUTUBE_PLAYER,
        provider: "YouTube",
    })
}

/// Vimeo ids are numbers.
fn vimeo(id: &str) -> Option<Embed> {
    let valid = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| Embed {
        src: format!("{VIMEO_PLAYER}/video/{id}?dnt=1"),
        origin: VIMEO_PLAYER,
        provider: "Vimeo",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(url: &str) -> Option<String> {
        embed(url).map(|e| e.src)
    }

    #[test]
    fn youtube_links_of_every_shape_play_without_cookies() {
        let player = Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ".to_owned());
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=10",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ] {
            assert_eq!(src(url), player, "{url}");
        }
        assert_eq!(
            embed("https://youtu.be/dQw4w9WgXcQ").map(|e| e.origin),
            Some("https://www.youtube-nocookie.com")
        );
    }

    #[test]
    fn vimeo_links_play_with_do_not_track() {
        for url in [
            "https://vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871#t=5",
        ] {
            assert_eq!(
                src(url),
                Some("https://player.vimeo.com/video/76979871?dnt=1".to_owned()),
                "{url}"
            );
        }
    }

    #[test]
    fn anything_else_stays_a_link() {
        for url in [
            "https://example.com/watch?v=dQw4w9WgXcQ",
            "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=dQw4w9WgXc\"",
            "https://youtube.com.evil.test/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/channel/UCabc",
            "https://vimeo.com/channels/staffpicks",
            "https://vimeo.com/",
            "https://notyoutu.be/dQw4w9WgXcQ",
        ] {
            assert_eq!(src(url), None, "{url}");
        }
    }
}
