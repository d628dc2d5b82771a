//! "did you mean" for misspelt field names, kinds and retry advice.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = input.chars().count();
    let limit = (length / 3).max(1);
    candidates
        .iter()
        // The distance is at least the difference in length: a long input (a value of any
        // size, from the catalog) is compared with no candidate, in time linear in its length.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|&candidate| (edit_distance(input, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// `a, b or c`, each in backticks.
pub fn one_of(candidates: &[&str]) -> String {
    let quoted: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let fields = ["code", "name", "message", "kind", "retry", "description"];
        assert_eq!(closest("mesage", &fields), Some("message"));
        assert_eq!(closest("descripton", &fields), Some("description"));
        assert_eq!(closest("colour", &fields), None);
    }

    #[test]
    fn lists_values() {
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a"]), "`a`");
    }
}
