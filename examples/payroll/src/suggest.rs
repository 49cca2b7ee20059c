//! "Did you mean …?" for a misspelled column name, field or code (shared with the CLI).

/// The candidate nearest to `input`, if one is near enough to be a likely typo: the same name in another
/// case, then the smallest edit distance within about a third of the name's length, then the only
/// candidate that starts with what was typed (`pension_ins` → `pension_insurance`).
pub fn nearest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let typed = input.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let limit = (typed.chars().count() / 3).max(2);
    let closest = candidates
        .iter()
        // Both sides in lower case: ids in capitals (`DY2026005`) are matched as well as column names.
        .map(|c| (distance(&typed, &c.to_lowercase()), *c))
        // `min_by_key` keeps the first of equals: candidates come in the order they are listed.
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= limit)
        .map(|(_, c)| c);
    closest.or_else(|| {
        let mut starting = candidates
            .iter()
            .filter(|c| typed.chars().count() >= 3 && c.to_lowercase().starts_with(&typed));
        match (starting.next(), starting.next()) {
            (Some(only), None) => Some(*only),
            _ => None,
        }
    })
}

/// Levenshtein distance over characters (insertions, deletions, substitutions).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // `previous[j]`: the distance between the first i characters of `a` and the first j of `b`.
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        let mut left = i + 1;
        current.push(left);
        for ((cb, diagonal), up) in b.iter().zip(&previous).zip(previous.iter().skip(1)) {
            left = (diagonal + usize::from(ca != *cb))
                .min(up + 1)
                .min(left + 1);
            current.push(left);
        }
        previous = current;
    }
    previous.last().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "pension",
        "pension_insurance",
        "housing_fund",
        "medical_insurance",
    ];

    #[test]
    fn distances() {
        assert_eq!(distance("housing_fnd", "housing_fund"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("党费", "党费"), 0);
    }

    #[test]
    fn typos_find_their_column() {
        assert_eq!(nearest("housing_fnd", NAMES), Some("housing_fund"));
        assert_eq!(nearest("Housing_Fund", NAMES), Some("housing_fund"));
        assert_eq!(
            nearest("medical_insurence", NAMES),
            Some("medical_insurance")
        );
        assert_eq!(nearest("pension_ins", NAMES), Some("pension_insurance"));
        assert_eq!(nearest("pensoin", NAMES), Some("pension"));
        assert_eq!(
            nearest("DY202605", &["DY2026001", "DY2026005"]),
            Some("DY2026005")
        );
    }

    #[test]
    fn unrelated_names_get_no_guess() {
        assert_eq!(nearest("姓名", NAMES), None);
        assert_eq!(nearest("remarks", NAMES), None);
        assert_eq!(nearest("", NAMES), None);
    }
}
