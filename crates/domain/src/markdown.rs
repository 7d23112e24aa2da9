//! Markdown that experts write (bios), rendered to HTML that is safe to put on a page:
//! CommonMark through pulldown-cmark, then an allow-list sanitiser (ammonia) that keeps
//! formatting, drops scripts, styles, event handlers and images, and marks every link
//! `nofollow ugc noopener`.

use std::collections::HashSet;

/// Safe HTML for `source`.
pub fn to_safe_html(source: &str) -> String {
    let parser =
        pulldown_cmark::Parser::new_ext(source, pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, parser);
    let tags: HashSet<&str> = [
        "p",
        "br",
        "strong",
        "em",
        "del",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "a",
        "h3",
        "h4",
        "hr",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .link_rel(Some("nofollow ugc noopener"))
        .url_schemes(["https", "http", "mailto"].into_iter().collect())
        .clean(&raw)
        .to_string()
}

/// The first `max` characters of the bio as plain text (for meta descriptions and cards).
pub fn plain_excerpt(source: &str, max: usize) -> String {
    let parser = pulldown_cmark::Parser::new(source);
    let mut text = String::new();
    for event in parser {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => text.push_str(&t),
            pulldown_cmark::Event::SoftBreak
            | pulldown_cmark::Event::HardBreak
            | pulldown_cmark::Event::End(_)
                if !text.ends_with(' ') =>
            {
                text.push(' ');
            }
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_stays_and_scripts_go() {
        let html = to_safe_html(
            "**Bold** and [site](https://example.com)\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1))",
        );
        assert!(html.contains("<strong>Bold</strong>"), "{html}");
        assert!(html.contains(r#"rel="nofollow ugc noopener""#), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn excerpts_are_plain_and_bounded() {
        assert_eq!(
            plain_excerpt("# Hi\n\nI **teach** Rust.", 100),
            "Hi I teach Rust."
        );
        assert_eq!(plain_excerpt("abcdefghij", 5), "abcd…");
    }
}
