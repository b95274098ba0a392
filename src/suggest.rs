//! "Did you mean …?" for misspelt keys and ids.

/// The candidate closest to `word`, when it is close enough to be a likely misspelling.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let seen: Vec<&str> = candidates.into_iter().collect();
    // `JSmith` for `jsmith`, `HoD` for `head-of-department`: the same word in other
    // capitals, or the initials of a hyphenated one, is surer than any misspelling.
    if let Some(same) = seen.iter().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(same);
    }
    if let Some(abbreviated) = seen.iter().find(|c| is_initials_of(word, c)) {
        return Some(abbreviated);
    }
    let mut best: Option<(usize, &str)> = None;
    for &candidate in &seen {
        let distance = strsim::damerau_levenshtein(word, candidate);
        let limit = (word.chars().count().max(candidate.chars().count()) / 3).max(1);
        let closer = best.is_none_or(|(d, c)| (distance, candidate) < (d, c));
        if distance <= limit && closer {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate).or_else(|| {
        // `due_date` for `due`, `owner-id` for `owner`: a known word with something added.
        let mut extended: Vec<&str> = candidates_with_suffix(word, &seen);
        extended.sort_unstable_by_key(|c| std::cmp::Reverse(c.len()));
        extended.first().copied()
    })
}

/// Whether `word` is the initials of a candidate of two or more hyphenated words, in any
/// capitals: `HoD` of `head-of-department`.
fn is_initials_of(word: &str, candidate: &str) -> bool {
    let words: Vec<&str> = candidate.split('-').collect();
    words.len() >= 2
        && word.len() == words.len()
        && word
            .chars()
            .zip(&words)
            .all(|(c, w)| w.chars().next().is_some_and(|f| f.eq_ignore_ascii_case(&c)))
}

/// The candidates that `word` starts with, followed by `_` or `-`.
fn candidates_with_suffix<'c>(word: &str, candidates: &[&'c str]) -> Vec<&'c str> {
    candidates
        .iter()
        .copied()
        .filter(|c| {
            word.strip_prefix(c)
                .is_some_and(|rest| rest.starts_with(['_', '-']))
        })
        .collect()
}

/// The candidates nearest to `word`, best first, at most `n` of them; for listings such
/// as "the nearest plans are …" where some answer is better than none.
pub fn nearest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    n: usize,
) -> Vec<&'c str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .collect();
    scored.sort_unstable();
    scored.dedup();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_misspellings_only() {
        let staff = ["sobrien", "jsmith", "bjones"];
        assert_eq!(did_you_mean("sobrein", staff), Some("sobrien"));
        assert_eq!(did_you_mean("jsmtih", staff), Some("jsmith"));
        assert_eq!(did_you_mean("xyz", staff), None);
        assert_eq!(did_you_mean("due_date", ["due", "status"]), Some("due"));
        assert_eq!(did_you_mean("ownr", ["owner", "status"]), Some("owner"));
    }

    /// Each changed capital counts as an edit, so `JSMITH` is too far from `jsmith` to be
    /// a misspelling of it; it is the same word all the same.
    #[test]
    fn the_same_word_in_other_capitals_comes_first() {
        assert_eq!(did_you_mean("JSMITH", ["bjones", "jsmith"]), Some("jsmith"));
        assert_eq!(did_you_mean("JSmith", ["jsmith", "jsmit"]), Some("jsmith"));
        let roles = ["head-of-department", "deputy-head", "library-rep"];
        assert_eq!(did_you_mean("HoD", roles), Some("head-of-department"));
        assert_eq!(did_you_mean("dh", roles), Some("deputy-head"));
    }

    #[test]
    fn nearest_is_sorted_and_bounded() {
        let plans = ["history/2017", "history/2016", "physics/2017"];
        assert_eq!(
            nearest("histroy/2017", plans, 2),
            ["history/2017", "history/2016"]
        );
    }
}
