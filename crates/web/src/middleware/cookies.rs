//! Reading request cookies. (Setting them is done where each cookie is owned.)

use axum::http::{HeaderMap, header};

/// The value of cookie `name`, if the request sent it.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v.trim_matches('"'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn finds_a_cookie_among_several_headers() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; mentora_locale=es"),
        );
        headers.append(header::COOKIE, HeaderValue::from_static("b=\"2\""));
        assert_eq!(get(&headers, "mentora_locale"), Some("es"));
        assert_eq!(get(&headers, "b"), Some("2"));
        assert_eq!(get(&headers, "mentora"), None);
    }
}
