//! The words of every listed expert's search text, and text matching on them as the
//! database's full-text search does it: each search word is a prefix (`"rust"*` in FTS5,
//! `rust:*` in PostgreSQL), an expert matches when every word matches, and matches are
//! scored by BM25 exactly as FTS5's `bm25()` scores them (k1 = 1.2, b = 0.75).

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// How often one word occurs in one expert's text.
#[derive(Debug, Clone, Copy)]
struct Posting {
    expert: u32,
    hits: u32,
}

/// An inverted index: each distinct word once, sorted, with the experts it occurs in.
pub(super) struct Words {
    /// (word, start and end of its postings), sorted by word, so the words beginning with a
    /// prefix are one run found by binary search.
    vocabulary: Vec<(Box<str>, u32, u32)>,
    /// Each word's postings in turn, each run in expert order.
    postings: Vec<Posting>,
    /// Each expert's text length in words.
    lengths: Vec<u32>,
    average_length: f64,
}

/// The words of a search text: runs of letters and digits, as `search_terms` splits a
/// query (the text is stored already lower-cased with the commonest accents folded).
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Text with Latin letters' marks dropped (ć → c, e + ◌́ → e), as SQLite's tokenizer folds
/// words (`remove_diacritics 2`): `fold_for_search` folds only the commonest accents. Other
/// scripts' letters are left as they are, as SQLite leaves them.
fn unmarked(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut plain = String::with_capacity(text.len());
    let mut after_latin = false;
    for c in text.chars() {
        if after_latin && is_combining_mark(c) {
            continue;
        }
        let base = std::iter::once(c).nfd().next().unwrap_or(c);
        let latin = base.is_ascii_alphanumeric();
        plain.push(if latin { base } else { c });
        after_latin = latin;
    }
    Cow::Owned(plain)
}

impl Words {
    /// Indexes each expert's text, in the order given (an expert is its position).
    pub(super) fn build(texts: impl Iterator<Item = String>) -> Self {
        let mut by_word: HashMap<Box<str>, Vec<Posting>> = HashMap::new();
        let mut lengths = Vec::new();
        for (expert, text) in texts.enumerate() {
            let text = unmarked(&text);
            let mut counts: HashMap<&str, u32> = HashMap::new();
            let mut length = 0u32;
            for word in words_of(&text) {
                *counts.entry(word).or_default() += 1;
                length = length.saturating_add(1);
            }
            lengths.push(length);
            let expert = expert as u32;
            for (&word, &hits) in &counts {
                let posting = Posting { expert, hits };
                match by_word.get_mut(word) {
                    Some(postings) => postings.push(posting),
                    None => {
                        by_word.insert(word.into(), vec![posting]);
                    }
                }
            }
        }
        let mut sorted: Vec<(Box<str>, Vec<Posting>)> = by_word.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut vocabulary = Vec::with_capacity(sorted.len());
        let mut postings = Vec::with_capacity(sorted.iter().map(|(_, p)| p.len()).sum());
        for (word, run) in sorted {
            let start = postings.len() as u32;
            postings.extend(run);
            vocabulary.push((word, start, postings.len() as u32));
        }
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let average_length = if lengths.is_empty() {
            0.0
        } else {
            total as f64 / lengths.len() as f64
        };
        Self {
            vocabulary,
            postings,
            lengths,
            average_length,
        }
    }

    /// The experts whose text has a word beginning with each of `terms`, in expert order,
    /// each with its BM25 score (larger is better).
    pub(super) fn matches(&self, terms: &[String]) -> Vec<(u32, f64)> {
        let mut matched: Vec<(u32, f64)> = Vec::new();
        for (n, term) in terms.iter().enumerate() {
            let hits = self.hits(&unmarked(term));
            let idf = self.idf(hits.len());
            let score = |p: &Posting| self.score(p, idf);
            if n == 0 {
                matched = hits.iter().map(|p| (p.expert, score(p))).collect();
            } else {
                keep_both(&mut matched, &hits, score);
            }
            if matched.is_empty() {
                break;
            }
        }
        matched
    }

    /// How often words beginning with `prefix` occur in each expert's text that has one,
    /// in expert order.
    fn hits(&self, prefix: &str) -> Cow<'_, [Posting]> {
        let start = self
            .vocabulary
            .partition_point(|(word, _, _)| &**word < prefix);
        let run = self.vocabulary[start..].partition_point(|(word, _, _)| word.starts_with(prefix));
        let runs = &self.vocabulary[start..start + run];
        match runs {
            [] => Cow::Borrowed(&[]),
            [(_, from, to)] => Cow::Borrowed(&self.postings[*from as usize..*to as usize]),
            _ => {
                // Several words share the prefix: add up per expert, in expert order.
                let mut per_expert = vec![0u32; self.lengths.len()];
                for (_, from, to) in runs {
                    for p in &self.postings[*from as usize..*to as usize] {
                        per_expert[p.expert as usize] += p.hits;
                    }
                }
                Cow::Owned(
                    per_expert
                        .into_iter()
                        .enumerate()
                        .filter(|&(_, hits)| hits > 0)
                        .map(|(expert, hits)| Posting {
                            expert: expert as u32,
                            hits,
                        })
                        .collect(),
                )
            }
        }
    }

    /// A search word's weight when `with_word` of the experts have it, FTS5's formula; at
    /// or below zero it counts as 10⁻⁶, as FTS5 does.
    fn idf(&self, with_word: usize) -> f64 {
        let n = self.lengths.len() as f64;
        let with_word = with_word as f64;
        let idf = ((n - with_word + 0.5) / (with_word + 0.5)).ln();
        if idf <= 0.0 { 1e-6 } else { idf }
    }

    /// One search word's part of an expert's BM25 score, in FTS5's own order of operations
    /// (`fts5Bm25Function`), so the same numbers give the same bits.
    fn score(&self, posting: &Posting, idf: f64) -> f64 {
        let hits = f64::from(posting.hits);
        let length = f64::from(self.lengths[posting.expert as usize]);
        // An empty directory has no average; nothing matches it anyway.
        let average = if self.average_length > 0.0 {
            self.average_length
        } else {
            1.0
        };
        idf * ((hits * (K1 + 1.0)) / (hits + K1 * (1.0 - B + B * length / average)))
    }
}

/// Keeps the experts of `so_far` that are also in `next` (both in expert order), adding
/// their score there.
fn keep_both(so_far: &mut Vec<(u32, f64)>, next: &[Posting], score: impl Fn(&Posting) -> f64) {
    let mut j = 0;
    so_far.retain_mut(|(expert, total)| {
        while next.get(j).is_some_and(|p| p.expert < *expert) {
            j += 1;
        }
        match next.get(j) {
            Some(p) if p.expert == *expert => {
                *total += score(p);
                true
            }
            _ => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(texts: &[&str]) -> Words {
        Words::build(texts.iter().map(|t| (*t).to_owned()))
    }

    fn experts(matches: &[(u32, f64)]) -> Vec<u32> {
        matches.iter().map(|m| m.0).collect()
    }

    #[test]
    fn every_word_must_begin_a_word_of_the_text() {
        let w = words(&[
            "rust and systems",
            "rustic furniture",
            "python systems",
            "trust",
        ]);
        let terms = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(experts(&w.matches(&terms(&["rust"]))), [0, 1]);
        assert_eq!(experts(&w.matches(&terms(&["rust", "sys"]))), [0]);
        assert_eq!(experts(&w.matches(&terms(&["sys"]))), [0, 2]);
        assert!(w.matches(&terms(&["rust", "python"])).is_empty());
        assert!(w.matches(&terms(&["zzz"])).is_empty());
        assert!(w.matches(&[]).is_empty());
    }

    #[test]
    fn more_occurrences_in_a_shorter_text_score_higher() {
        let w = words(&[
            "guitar guitar lessons",
            "guitar lessons for grown ups who never played",
            "piano",
            "violin",
        ]);
        let m = w.matches(&["guitar".to_owned()]);
        assert_eq!(experts(&m), [0, 1]);
        assert!(m[0].1 > m[1].1, "{m:?}");
        // FTS5's numbers for this table (N = 4, n = 2): idf = ln(2.5 / 2.5) = 0, so 10⁻⁶.
        let idf: f64 = 1e-6;
        let average = (3.0 + 8.0 + 1.0 + 1.0) / 4.0;
        let expected = idf * 2.0 * 2.2 / (2.0 + 1.2 * (0.25 + 0.75 * 3.0 / average));
        assert!(
            (m[0].1 - expected).abs() < 1e-15,
            "{} vs {expected}",
            m[0].1
        );
    }

    #[test]
    fn marks_on_letters_do_not_matter() {
        let w = words(&["jovanović", "cafe\u{301} owner"]);
        assert_eq!(experts(&w.matches(&["jovanovic".to_owned()])), [0]);
        assert_eq!(experts(&w.matches(&["jovanović".to_owned()])), [0]);
        assert_eq!(
            experts(&w.matches(&["cafe".to_owned(), "own".to_owned()])),
            [1]
        );
    }

    #[test]
    fn a_prefix_counts_every_word_it_begins() {
        let w = words(&["design designer designs", "designer", "art"]);
        let hits = w.hits("design");
        assert_eq!(
            hits.iter().map(|p| (p.expert, p.hits)).collect::<Vec<_>>(),
            [(0, 3), (1, 1)]
        );
    }
}
