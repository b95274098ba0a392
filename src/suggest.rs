//! "Did you mean …?" for misspelt keys and ids.

/// The candidate closest to `word`, when it is close enough to be a likely misspelling.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let seen: Vec<&str> = candidates.into_iter().collect();
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

    #[test]
    fn nearest_is_sorted_and_bounded() {
        let plans = ["history/2017", "history/2016", "physics/2017"];
        assert_eq!(
            nearest("histroy/2017", plans, 2),
            ["history/2017", "history/2016"]
        );
    }
}
