//! Words in free text, for matching theme keywords and finding phrases that recur.
//!
//! Text is lowercased and split into words (letters and digits; a hyphen or a space
//! separates words, `'s` is dropped); punctuation that ends a clause (`.` `,` `;` `(` …)
//! also ends a run of words, so a keyword or phrase never spans two sentences. Simple
//! plurals are folded (`lists` → `list`, `studies` → `study`, `searches` → `search`), so
//! "reading list" matches "Reading Lists" but not "listings", and "space" never matches
//! "spreadsheet".

/// One word of a text: as written (lowercased) and folded to its singular.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub written: String,
    pub folded: String,
}

/// The runs of words in `text`, split where a clause ends. Web addresses are left out.
pub fn runs(text: &str) -> Vec<Vec<Word>> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut word = String::new();
    for chunk in text.split_whitespace() {
        for c in without_address(chunk).chars() {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if (c == '\'' || c == '\u{2019}') && !word.is_empty() {
                word.push('\'');
            } else {
                end_word(&mut word, &mut run);
                if ends_clause(c) && !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
        }
        end_word(&mut word, &mut run);
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// A keyword as folded words, in one run whatever punctuation it has.
pub fn keyword(keyword: &str) -> Vec<String> {
    runs(keyword)
        .into_iter()
        .flatten()
        .map(|w| w.folded)
        .collect()
}

/// Whether the folded words `needle` appear one after another in `haystack`.
pub fn contains_sequence<T: AsRef<str>, U: AsRef<str>>(haystack: &[T], needle: &[U]) -> bool {
    !needle.is_empty()
        && haystack.windows(needle.len()).any(|window| {
            window
                .iter()
                .zip(needle)
                .all(|(a, b)| a.as_ref() == b.as_ref())
        })
}

/// Whether a text contains a keyword (already split by [`keyword`]) as whole words.
pub fn mentions(runs: &[Vec<Word>], keyword: &[String]) -> bool {
    runs.iter().any(|run| {
        let folded: Vec<&str> = run.iter().map(|w| w.folded.as_str()).collect();
        contains_sequence(&folded, keyword)
    })
}

/// Words that carry no subject of their own, left out of phrases, with numbers (in digits
/// or words) and single letters.
pub fn is_stop_word(written: &str) -> bool {
    written.chars().count() < 2
        || written.chars().all(|c| c.is_ascii_digit())
        || STOP_WORDS.binary_search(&written).is_ok()
}

/// The part of a whitespace-free chunk before any web address in it, so that
/// `[guide](https://example.org/lists)` reads as `[guide](`.
fn without_address(chunk: &str) -> &str {
    let lower = chunk.to_ascii_lowercase();
    let cut = ["http://", "https://", "www.", "mailto:"]
        .iter()
        .filter_map(|scheme| lower.find(scheme))
        .min();
    match cut {
        Some(i) => &chunk[..i],
        None => chunk,
    }
}

fn end_word(word: &mut String, run: &mut Vec<Word>) {
    if word.ends_with("'s") {
        word.truncate(word.len() - 2);
    }
    word.retain(|c| c != '\'');
    if !word.is_empty() {
        let written = std::mem::take(word);
        run.push(Word {
            folded: singular(&written),
            written,
        });
    }
}

fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '/' | '|' | '\u{2013}' | '\u{2014}'
    )
}

/// The singular of a simple English plural; other words as they are.
pub fn singular(word: &str) -> String {
    let short = word.chars().count() <= 3;
    if short || !word.ends_with('s') || ["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.chars().count() >= 3
    {
        return format!("{stem}y");
    }
    if ["sses", "shes", "ches", "xes"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        return word[..word.len() - 2].to_owned();
    }
    word[..word.len() - 1].to_owned()
}

/// Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "about", "above", "across", "after", "again", "against", "agreed", "all", "already", "also",
    "am", "among", "an", "and", "any", "are", "as", "asked", "at", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "did",
    "do", "does", "doing", "done", "down", "during", "each", "eight", "either", "else", "etc",
    "even", "every", "few", "five", "for", "four", "from", "further", "get", "gets", "got", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "if",
    "in", "into", "is", "it", "its", "just", "keep", "keeps", "less", "like", "made", "make",
    "many", "may", "me", "might", "more", "most", "much", "must", "my", "need", "needs", "neither",
    "new", "nine", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only",
    "or", "other", "our", "ours", "out", "over", "own", "per", "same", "see", "seven", "she",
    "should", "since", "six", "so", "some", "still", "such", "ten", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "three", "through", "to",
    "too", "two", "under", "until", "up", "upon", "us", "use", "used", "very", "via", "want",
    "wanted", "wants", "was", "we", "well", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
    "you", "your", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<Vec<String>> {
        runs(text)
            .into_iter()
            .map(|run| run.into_iter().map(|w| w.folded).collect())
            .collect()
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn simple_plurals_fold() {
        for (plural, one) in [
            ("lists", "list"),
            ("texts", "text"),
            ("studies", "study"),
            ("copies", "copy"),
            ("searches", "search"),
            ("classes", "class"),
            ("boxes", "box"),
            ("spaces", "space"),
            ("access", "access"),
            ("thesis", "thesis"),
            ("campus", "campus"),
            ("was", "was"),
            ("listings", "listing"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    #[test]
    fn runs_end_at_clause_punctuation() {
        assert_eq!(
            folded("Reading Lists, for e-books. Key texts (Year 2)"),
            [
                vec!["reading", "list"],
                vec!["for", "e", "book"],
                vec!["key", "text"],
                vec!["year", "2"],
            ]
        );
    }

    #[test]
    fn possessives_quotes_emphasis_and_addresses() {
        assert_eq!(
            folded("The **department's** \"key texts\" [guide](https://example.org/lists)"),
            [vec!["the", "department", "key", "text", "guide"]]
        );
        assert_eq!(folded("students' don't"), [vec!["student", "dont"]]);
    }

    #[test]
    fn keywords_match_whole_words_only() {
        let reading_list = keyword("reading list");
        assert!(mentions(&runs("Update the Reading Lists"), &reading_list));
        assert!(mentions(&runs("reading-list review"), &reading_list));
        assert!(!mentions(&runs("reading listings"), &reading_list));
        assert!(!mentions(&runs("reading, list"), &reading_list));
        let space = keyword("space");
        assert!(mentions(&runs("More study spaces"), &space));
        assert!(!mentions(&runs("a spreadsheet of loans"), &space));
        assert!(!mentions(&runs("workspace"), &space));
        assert!(mentions(&runs("E-books on trial"), &keyword("e-book")));
        assert!(!mentions(&runs("anything"), &keyword("")));
    }

    #[test]
    fn numbers_and_single_letters_are_not_subjects() {
        assert!(is_stop_word("2017"));
        assert!(is_stop_word("e"));
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("seating"));
    }
}
