//! Emerging themes: phrases that issues and actions of several departments share, and
//! that no theme's keywords cover yet.
//!
//! Phrases of two or three words are counted. Where the phrases of a sentence overlap
//! ("data management workshop", "management workshop phd", "workshop phd students"),
//! they are read as the one stretch of words they cover together ("data management
//! workshop phd students"): a phrase that is always inside the same stretch is listed as
//! that stretch, since listing each phrase would say the same thing several times. A
//! phrase that is also written elsewhere, in other words around it, stays as it is.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use super::words::{self, is_stop_word};

/// The longest phrase counted, in words; longer ones are found by joining overlaps.
const LONGEST: usize = 3;

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

impl Seen {
    fn see(&mut self, department: &str, written: String) {
        if !self.departments.contains(department) {
            self.departments.insert(department.to_owned());
        }
        self.written.insert(written);
    }

    fn absorb(&mut self, other: Seen) {
        self.departments.extend(other.departments);
        self.written.extend(other.written);
    }
}

/// Where a candidate phrase was seen: inside the same stretch of words every time (by
/// its place in the list of stretches), or inside different ones.
#[derive(Debug)]
enum Within {
    Always(usize),
    Varies,
}

/// The stretches of words that overlapping candidates cover together, and whether each
/// candidate is always inside the same one.
#[derive(Debug, Default)]
struct Stretches {
    /// Each stretch, as folded words, in the order first met, with where it was seen.
    seen: Vec<(Vec<String>, Seen)>,
    within: HashMap<Vec<String>, Within>,
}

/// A clause of an issue's or action's title or detail: the words that can make a phrase,
/// and which of them belong to a theme keyword.
struct Sentence<'a> {
    department: &'a str,
    words: Vec<words::Word>,
    covered: Vec<bool>,
}

impl Sentence<'_> {
    /// The phrases of the sentence that no keyword covers, by where they start.
    fn phrases(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        (0..self.words.len()).flat_map(move |start| {
            (2..=LONGEST)
                .map(move |n| start..start + n)
                .filter(|r| r.end <= self.words.len() && !self.covered[r.clone()].contains(&true))
        })
    }

    fn folded(&self, range: Range<usize>) -> Vec<String> {
        self.words[range].iter().map(|w| w.folded.clone()).collect()
    }

    fn written(&self, range: Range<usize>) -> String {
        let written: Vec<&str> = self.words[range]
            .iter()
            .map(|w| w.written.as_str())
            .collect();
        written.join(" ")
    }
}

/// Phrases used by items of at least `threshold` departments, where no word of the
/// phrase is part of a theme keyword (`keywords`, each as folded words) in that text.
/// `texts` are each item's title and detail with its department's id, each a separate
/// text so no phrase spans the two.
pub(super) fn find(
    texts: &[(&str, &str)],
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
    // Read twice rather than kept, so a large repository's text is not held as words.
    let sentences = || {
        texts.iter().flat_map(|&(department, text)| {
            words::runs(text)
                .into_iter()
                .map(|run| sentence(department, run, &keywords))
        })
    };

    let mut candidates: BTreeMap<Vec<String>, Seen> = BTreeMap::new();
    for sentence in sentences() {
        for range in sentence.phrases() {
            candidates
                .entry(sentence.folded(range.clone()))
                .or_default()
                .see(sentence.department, sentence.written(range));
        }
    }
    candidates.retain(|_, seen| seen.departments.len() >= threshold);

    let Stretches {
        seen: stretches,
        within,
    } = stretches(sentences(), &candidates);
    let mut themes: BTreeMap<Vec<String>, Seen> = BTreeMap::new();
    let mut used = vec![false; stretches.len()];
    for (phrase, seen) in candidates {
        match within.get(&phrase) {
            Some(Within::Always(stretch)) => used[*stretch] = true,
            _ => add(&mut themes, phrase, seen),
        }
    }
    for ((phrase, seen), used) in stretches.into_iter().zip(used) {
        if used {
            add(&mut themes, phrase, seen);
        }
    }

    let repeated = within_longer(&themes);
    let mut emerging: Vec<EmergingTheme> = themes
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

fn sentence<'a>(
    department: &'a str,
    run: Vec<words::Word>,
    keywords: &[Vec<&str>],
) -> Sentence<'a> {
    let words: Vec<words::Word> = run
        .into_iter()
        .filter(|w| !is_stop_word(&w.written))
        .collect();
    let covered = covered_words(&words, keywords);
    Sentence {
        department,
        words,
        covered,
    }
}

/// The stretches of words that overlapping candidates cover together in each sentence.
fn stretches<'a>(
    sentences: impl Iterator<Item = Sentence<'a>>,
    candidates: &BTreeMap<Vec<String>, Seen>,
) -> Stretches {
    let mut stretches: Vec<(Vec<String>, Seen)> = Vec::new();
    let mut numbers: HashMap<Vec<String>, usize> = HashMap::new();
    let mut within: HashMap<Vec<String>, Within> = HashMap::new();
    for sentence in sentences {
        let found: Vec<Found> = sentence
            .phrases()
            .map(|range| (range.clone(), sentence.folded(range)))
            .filter(|(_, phrase)| candidates.contains_key(phrase))
            .collect();
        for (stretch, members) in joined(&found) {
            let words = sentence.folded(stretch.clone());
            let number = match numbers.get(&words) {
                Some(number) => *number,
                None => {
                    numbers.insert(words.clone(), stretches.len());
                    stretches.push((words, Seen::default()));
                    stretches.len() - 1
                }
            };
            stretches[number]
                .1
                .see(sentence.department, sentence.written(stretch));
            for (_, phrase) in members {
                match within.get_mut(phrase) {
                    Some(place) => {
                        if !matches!(place, Within::Always(seen) if *seen == number) {
                            *place = Within::Varies;
                        }
                    }
                    None => {
                        within.insert(phrase.clone(), Within::Always(number));
                    }
                }
            }
        }
    }
    Stretches {
        seen: stretches,
        within,
    }
}

/// Adds a phrase to the themes, joining what was seen when it is already there.
fn add(themes: &mut BTreeMap<Vec<String>, Seen>, phrase: Vec<String>, seen: Seen) {
    match themes.entry(phrase) {
        Entry::Vacant(entry) => {
            entry.insert(seen);
        }
        Entry::Occupied(mut entry) => entry.get_mut().absorb(seen),
    }
}

/// A candidate phrase in a sentence: where it is, and its folded words.
type Found = (Range<usize>, Vec<String>);

/// Phrases found in one sentence (by where they start), grouped where they overlap, each
/// group with the stretch of words it covers.
fn joined(found: &[Found]) -> Vec<(Range<usize>, &[Found])> {
    let mut groups = Vec::new();
    let mut first = 0;
    let mut end = 0;
    for (i, (range, _)) in found.iter().enumerate() {
        if i > first && range.start >= end {
            groups.push((found[first].0.start..end, &found[first..i]));
            first = i;
        }
        end = if i == first {
            range.end
        } else {
            end.max(range.end)
        };
    }
    if first < found.len() {
        groups.push((found[first].0.start..end, &found[first..]));
    }
    groups
}

/// Which of a run's content words belong to an occurrence of a keyword, so that neither
/// "reading list review" nor the "module reading" of "module reading lists" is offered
/// as new when `reading list` is a keyword.
fn covered_words(content: &[words::Word], keywords: &[Vec<&str>]) -> Vec<bool> {
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

/// The themes that a longer theme contains and that were seen in the same departments,
/// so listing both would say the same thing twice.
fn within_longer(themes: &BTreeMap<Vec<String>, Seen>) -> HashSet<&[String]> {
    // Only the lengths that some theme has, so a long stretch costs its length, not its
    // length squared.
    let lengths: BTreeSet<usize> = themes.keys().map(Vec::len).collect();
    let mut repeated = HashSet::new();
    for (longer, seen) in themes {
        for &n in lengths.range(1..longer.len()) {
            for part in longer.windows(n) {
                if let Some((shorter, other)) = themes.get_key_value(part)
                    && other.departments == seen.departments
                {
                    repeated.insert(shorter.as_slice());
                }
            }
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emerging(texts: &[(&str, &str)], threshold: usize) -> Vec<(String, Vec<String>)> {
        find(texts, &[], threshold)
            .into_iter()
            .map(|e| (e.phrase, e.departments))
            .collect()
    }

    fn theme(phrase: &str, departments: &[&str]) -> (String, Vec<String>) {
        let departments = departments.iter().map(|d| (*d).to_owned()).collect();
        (phrase.to_owned(), departments)
    }

    /// The three-word phrases of one sentence used to be listed as three themes.
    #[test]
    fn overlapping_phrases_of_the_same_sentences_are_one_theme() {
        let texts = [
            ("biology", "Data management workshop for PhD students"),
            (
                "chemistry",
                "Run the data management workshop for PhD students again.",
            ),
        ];
        assert_eq!(
            emerging(&texts, 2),
            [theme(
                "data management workshop phd students",
                &["biology", "chemistry"]
            )]
        );
    }

    /// "Data" joins the two phrases in no sentence, so they are two subjects.
    #[test]
    fn phrases_sharing_a_word_in_different_sentences_stay_apart() {
        let texts = [
            ("economics", "Survey of research data"),
            ("economics", "Data service renewal"),
            ("sociology", "Storage for research data."),
            ("sociology", "Ask the data service for training"),
        ];
        assert_eq!(
            emerging(&texts, 2),
            [
                theme("data service", &["economics", "sociology"]),
                theme("research data", &["economics", "sociology"]),
            ]
        );
    }

    /// A phrase that one department also writes in other words around it keeps its own
    /// theme, with every department; the longer stretch names only those that write it.
    #[test]
    fn a_phrase_also_seen_alone_stays_next_to_the_longer_one() {
        let texts = [
            ("biology", "Data management workshop for PhD students"),
            ("chemistry", "Data management workshop for PhD students"),
            ("physics", "A data management workshop"),
        ];
        assert_eq!(
            emerging(&texts, 2),
            [
                theme(
                    "data management workshop",
                    &["biology", "chemistry", "physics"]
                ),
                theme(
                    "data management workshop phd students",
                    &["biology", "chemistry"]
                ),
            ]
        );
    }

    /// A stretch inside a longer one of the same departments is said once, as before.
    #[test]
    fn a_stretch_inside_a_longer_one_of_the_same_departments_is_listed_once() {
        let texts = [
            ("english", "Update module reading lists"),
            ("english", "Reading lists on time"),
            ("history", "Module reading lists for 2017"),
            ("history", "Reading lists reviewed"),
        ];
        assert_eq!(
            emerging(&texts, 2),
            [theme("module reading lists", &["english", "history"])]
        );
    }

    #[test]
    fn keywords_and_the_threshold_hold_back_phrases() {
        let texts = [
            ("biology", "Data management workshop for PhD students"),
            ("chemistry", "Data management workshop for PhD students"),
        ];
        assert_eq!(emerging(&texts, 3), []);
        let keyword = vec![words::keyword("data management")];
        let found: Vec<String> = find(&texts, &keyword, 2)
            .into_iter()
            .map(|e| e.phrase)
            .collect();
        assert_eq!(found, ["workshop phd students"]);
    }

    /// Two departments that paste the same long paragraph share one theme, found without
    /// copying the paragraph for each of its phrases.
    #[test]
    fn a_long_shared_clause_is_one_theme() {
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
        let clause = words.join(" ");
        let texts = [("biology", clause.as_str()), ("chemistry", clause.as_str())];
        let found = find(&texts, &[], 2);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].phrase, clause);
    }
}
