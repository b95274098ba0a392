//! Emerging themes: phrases of two or three words that issues and actions of several
//! departments share, and that no theme's keywords cover yet.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use super::Entry;
use super::words::{self, is_stop_word};

/// A candidate for a new theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct EmergingTheme {
    /// The phrase as first written, lowercased, with stop words left out.
    pub phrase: String,
    /// The departments whose issues or actions use it, by id.
    pub departments: Vec<String>,
}

/// Where a phrase (as folded words) was seen.
#[derive(Debug, Default)]
struct Seen {
    departments: BTreeSet<String>,
    /// The ways it was written; the first in sorted order is shown, so the singular
    /// ("reading list") wins over the plural.
    written: BTreeSet<String>,
}

/// Phrases used by items of at least `threshold` departments, where no word of the
/// phrase is part of a theme keyword (`keywords`, each as folded words) in that text.
pub(super) fn find(
    entries: &[Entry<'_>],
    keywords: &[Vec<String>],
    threshold: usize,
) -> Vec<EmergingTheme> {
    let keywords: Vec<Vec<&str>> = keywords
        .iter()
        .map(|k| {
            k.iter()
                .filter(|w| !is_stop_word(w))
                .map(String::as_str)
                .collect::<Vec<_>>()
        })
        .filter(|k| !k.is_empty())
        .collect();
    let mut phrases: BTreeMap<Vec<String>, Seen> = BTreeMap::new();
    for entry in entries {
        for run in entry.texts().flat_map(words::runs) {
            let content: Vec<&words::Word> =
                run.iter().filter(|w| !is_stop_word(&w.written)).collect();
            let covered = covered_words(&content, &keywords);
            for n in 2..=3 {
                for (start, window) in content.windows(n).enumerate() {
                    if covered[start..start + n].iter().any(|c| *c) {
                        continue;
                    }
                    let key: Vec<String> = window.iter().map(|w| w.folded.clone()).collect();
                    let written: Vec<&str> = window.iter().map(|w| w.written.as_str()).collect();
                    let seen = phrases.entry(key).or_default();
                    seen.departments.insert(entry.department().to_owned());
                    seen.written.insert(written.join(" "));
                }
            }
        }
    }
    let candidates: BTreeMap<Vec<String>, Seen> = phrases
        .into_iter()
        .filter(|(_, seen)| seen.departments.len() >= threshold)
        .collect();
    let repeated = within_longer(&candidates);
    let mut emerging: Vec<EmergingTheme> = candidates
        .iter()
        .filter(|(phrase, _)| !repeated.contains(phrase.as_slice()))
        .map(|(_, seen)| EmergingTheme {
            phrase: seen.written.first().cloned().unwrap_or_default(),
            departments: seen.departments.iter().cloned().collect(),
        })
        .collect();
    emerging.sort_by(|a, b| {
        b.departments
            .len()
            .cmp(&a.departments.len())
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    emerging
}

/// Which of a run's content words belong to an occurrence of a keyword, so that neither
/// "reading list review" nor the "module reading" of "module reading lists" is offered
/// as new when `reading list` is a keyword.
fn covered_words(content: &[&words::Word], keywords: &[Vec<&str>]) -> Vec<bool> {
    let mut covered = vec![false; content.len()];
    for keyword in keywords {
        for start in 0..content.len().saturating_sub(keyword.len() - 1) {
            let window = &content[start..start + keyword.len()];
            if window.iter().zip(keyword).all(|(w, k)| w.folded == *k) {
                covered[start..start + keyword.len()].fill(true);
            }
        }
    }
    covered
}

/// The candidates that a longer candidate contains and that were seen in the same
/// departments, so listing both would say the same thing twice.
fn within_longer(candidates: &BTreeMap<Vec<String>, Seen>) -> HashSet<&[String]> {
    let mut repeated = HashSet::new();
    for (longer, seen) in candidates {
        for n in 1..longer.len() {
            for part in longer.windows(n) {
                if let Some((shorter, other)) = candidates.get_key_value(part)
                    && other.departments == seen.departments
                {
                    repeated.insert(shorter.as_slice());
                }
            }
        }
    }
    repeated
}
