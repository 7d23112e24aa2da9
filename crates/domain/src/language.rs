//! Languages as people name them: the ISO 639-1 code stored, the language's own name shown
//! (the way language pickers show them whatever the page's language), and its English name
//! accepted when someone types it.

use crate::expert::fold_for_search;

/// (code, name in itself, name in English) for the languages people teach in most; other
/// ISO 639-1 codes are still valid and show as their code.
const NAMED: &[(&str, &str, &str)] = &[
    ("af", "Afrikaans", "Afrikaans"),
    ("am", "አማርኛ", "Amharic"),
    ("ar", "العربية", "Arabic"),
    ("bg", "Български", "Bulgarian"),
    ("bn", "বাংলা", "Bengali"),
    ("ca", "Català", "Catalan"),
    ("cs", "Čeština", "Czech"),
    ("cy", "Cymraeg", "Welsh"),
    ("da", "Dansk", "Danish"),
    ("de", "Deutsch", "German"),
    ("el", "Ελληνικά", "Greek"),
    ("en", "English", "English"),
    ("eo", "Esperanto", "Esperanto"),
    ("es", "Español", "Spanish"),
    ("et", "Eesti", "Estonian"),
    ("eu", "Euskara", "Basque"),
    ("fa", "فارسی", "Persian"),
    ("fi", "Suomi", "Finnish"),
    ("fr", "Français", "French"),
    ("ga", "Gaeilge", "Irish"),
    ("gl", "Galego", "Galician"),
    ("gu", "ગુજરાતી", "Gujarati"),
    ("he", "עברית", "Hebrew"),
    ("hi", "हिन्दी", "Hindi"),
    ("hr", "Hrvatski", "Croatian"),
    ("hu", "Magyar", "Hungarian"),
    ("hy", "Հայերեն", "Armenian"),
    ("id", "Bahasa Indonesia", "Indonesian"),
    ("is", "Íslenska", "Icelandic"),
    ("it", "Italiano", "Italian"),
    ("ja", "日本語", "Japanese"),
    ("ka", "ქართული", "Georgian"),
    ("ko", "한국어", "Korean"),
    ("la", "Latina", "Latin"),
    ("lt", "Lietuvių", "Lithuanian"),
    ("lv", "Latviešu", "Latvian"),
    ("mr", "मराठी", "Marathi"),
    ("ms", "Bahasa Melayu", "Malay"),
    ("nb", "Norsk bokmål", "Norwegian Bokmål"),
    ("nl", "Nederlands", "Dutch"),
    ("nn", "Norsk nynorsk", "Norwegian Nynorsk"),
    ("no", "Norsk", "Norwegian"),
    ("pa", "ਪੰਜਾਬੀ", "Punjabi"),
    ("pl", "Polski", "Polish"),
    ("pt", "Português", "Portuguese"),
    ("ro", "Română", "Romanian"),
    ("ru", "Русский", "Russian"),
    ("sk", "Slovenčina", "Slovak"),
    ("sl", "Slovenščina", "Slovenian"),
    ("sr", "Српски", "Serbian"),
    ("sv", "Svenska", "Swedish"),
    ("sw", "Kiswahili", "Swahili"),
    ("ta", "தமிழ்", "Tamil"),
    ("te", "తెలుగు", "Telugu"),
    ("th", "ไทย", "Thai"),
    ("tl", "Tagalog", "Tagalog"),
    ("tr", "Türkçe", "Turkish"),
    ("uk", "Українська", "Ukrainian"),
    ("ur", "اردو", "Urdu"),
    ("vi", "Tiếng Việt", "Vietnamese"),
    ("zh", "中文", "Chinese"),
];

/// A language's name in itself ("Español", "日本語"); `None` for a code without one here.
pub fn name(code: &str) -> Option<&'static str> {
    NAMED
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|(_, own, _)| *own)
}

/// Every named language as (code, name in itself), in the order of their codes.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    NAMED.iter().map(|(code, own, _)| (*code, *own))
}

/// The code of the language someone typed: its code ("es"), its own name ("Español",
/// "español", "espanol") or its English name ("Spanish"), case and common accents aside.
/// `None` when nothing matches.
pub fn code_named(typed: &str) -> Option<&'static str> {
    let typed = fold_for_search(typed.trim());
    if let Some(code) = crate::profile::LANGUAGES.split(' ').find(|c| *c == typed) {
        return Some(code);
    }
    NAMED
        .iter()
        .find(|(_, own, english)| {
            fold_for_search(own) == typed || fold_for_search(english) == typed
        })
        .map(|(code, ..)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_found_by_code_own_name_or_english_name() {
        assert_eq!(name("es"), Some("Español"));
        assert_eq!(name("ja"), Some("日本語"));
        assert_eq!(name("zz"), None);
        assert_eq!(code_named("es"), Some("es"));
        assert_eq!(code_named(" ES "), Some("es"));
        assert_eq!(code_named("Español"), Some("es"));
        assert_eq!(code_named("espanol"), Some("es"));
        assert_eq!(code_named("Spanish"), Some("es"));
        assert_eq!(code_named("日本語"), Some("ja"));
        assert_eq!(code_named("japanese"), Some("ja"));
        // A valid code without a name here still counts.
        assert_eq!(code_named("yo"), Some("yo"));
        assert_eq!(code_named("Klingon"), None);
        assert_eq!(code_named("xx"), None);
        assert_eq!(code_named(""), None);
    }

    #[test]
    fn every_named_language_has_a_valid_code_and_distinct_names() {
        for (code, own, english) in NAMED {
            assert_eq!(code_named(code), Some(*code));
            assert_eq!(code_named(own), Some(*code), "{own}");
            assert_eq!(code_named(english), Some(*code), "{english}");
        }
    }
}
