//! Compile-time checks of templates: their syntax (the rules are `errcodes_core::template`'s,
//! the one definition the runtime matches with) and whether two templates could both match one
//! text, which would make the meaning of a response depend on declaration order.

use errcodes_core::template::{Part, Template};

/// True when some text matches both templates (exact texts included: they match only
/// themselves).
///
/// A placeholder matches any text, including none, so two templates that both have one share
/// a text exactly when their literal beginnings agree (one starts the other) and their literal
/// endings agree: the text `longer beginning + the middles of both + longer ending` matches
/// each. A template and an exact text overlap when the runtime's own matcher accepts the text.
/// Time and memory are linear in the lengths, whatever the texts (`limits.rs` bounds them).
///
/// ```
/// use errcodes_codegen::templates::overlap;
///
/// assert!(overlap("Filter failure: {filter}", "Filter failure: LOT_SIZE"));
/// assert!(!overlap("a{x}", "b{y}"));
/// ```
pub fn overlap(a: &str, b: &str) -> bool {
    Overlap::new(a).overlaps(&Overlap::new(b))
}

/// A text read once for [`overlap`]: the checks that compare every pair of a code's
/// refinements, or of an enum's template codes, read each text once and not once per pair
/// (1,000 template codes were 500,000 readings of each text, 4 s in a debug build).
///
/// ```
/// use errcodes_codegen::templates::Overlap;
///
/// let texts = ["E1: {detail}", "E2: {detail}", "E1: {why}"].map(Overlap::new);
/// assert!(!texts[0].overlaps(&texts[1]));
/// assert!(texts[0].overlaps(&texts[2]));
/// assert!(texts[2].has_placeholders());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap<'t> {
    text: &'t str,
    /// The literal text before the first placeholder and after the last; `None` for an exact
    /// text.
    ends: Option<(String, String)>,
}

impl<'t> Overlap<'t> {
    /// Reads `text`'s placeholders once.
    pub fn new(text: &'t str) -> Self {
        let template = Template::new(text);
        Overlap {
            text,
            ends: template.has_placeholders().then(|| ends(template)),
        }
    }

    /// Whether the text is a template (has a placeholder).
    pub fn has_placeholders(&self) -> bool {
        self.ends.is_some()
    }

    /// Whether some text matches both (see [`overlap`]).
    pub fn overlaps(&self, other: &Overlap<'_>) -> bool {
        match (&self.ends, &other.ends) {
            (None, None) => self.text == other.text,
            (Some(_), None) => Template::new(self.text).matches(other.text),
            (None, Some(_)) => Template::new(other.text).matches(self.text),
            (Some((start_a, end_a)), Some((start_b, end_b))) => {
                (start_a.starts_with(start_b.as_str()) || start_b.starts_with(start_a.as_str()))
                    && (end_a.ends_with(end_b.as_str()) || end_b.ends_with(end_a.as_str()))
            }
        }
    }
}

/// The literal text before a template's first placeholder and after its last.
fn ends(template: Template<'_>) -> (String, String) {
    let (mut start, mut end) = (String::new(), String::new());
    let mut seen_placeholder = false;
    for part in template.parts() {
        match part {
            Part::Text(text) if seen_placeholder => end.push_str(text),
            Part::Text(text) => start.push_str(text),
            Part::Placeholder(_) => {
                seen_placeholder = true;
                end.clear();
            }
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_that_share_a_text_overlap() {
        assert!(overlap(
            "Filter failure: {filter}",
            "Filter failure: LOT_SIZE"
        ));
        assert!(overlap("{a} balance", "Insufficient {b}"));
        assert!(overlap("{x}", "anything"));
        assert!(overlap("a{x}c", "ab{y}"));
    }

    #[test]
    fn templates_that_cannot_share_a_text_do_not() {
        assert!(!overlap("Filter failure: {filter}", "Market is closed."));
        assert!(!overlap("a{x}", "b{y}"));
        assert!(!overlap("{x}a", "{y}b"));
        assert!(!overlap("exact", "exact."));
    }

    /// The walk over pairs of positions that `overlap` replaced: quadratic, but plainly right.
    fn overlap_by_walking(a: &str, b: &str) -> bool {
        #[derive(Clone, Copy, PartialEq)]
        enum Token {
            Char(char),
            Any,
        }
        let tokens = |text: &str| -> Vec<Token> {
            Template::new(text)
                .parts()
                .flat_map(|part| match part {
                    Part::Text(text) => text.chars().map(Token::Char).collect::<Vec<_>>(),
                    Part::Placeholder(_) => vec![Token::Any],
                })
                .collect()
        };
        let (a, b) = (tokens(a), tokens(b));
        let width = b.len() + 1;
        let mut seen = vec![false; (a.len() + 1) * width];
        let mut stack = vec![(0usize, 0usize)];
        while let Some((i, j)) = stack.pop() {
            if std::mem::replace(&mut seen[i * width + j], true) {
                continue;
            }
            if i == a.len() && j == b.len() {
                return true;
            }
            let (x, y) = (a.get(i).copied(), b.get(j).copied());
            if x == Some(Token::Any) {
                stack.push((i + 1, j));
                if y.is_some() {
                    stack.push((i, j + 1));
                }
            }
            if y == Some(Token::Any) {
                stack.push((i, j + 1));
                if x.is_some() {
                    stack.push((i + 1, j));
                }
            }
            if let (Some(Token::Char(p)), Some(Token::Char(q))) = (x, y)
                && p == q
            {
                stack.push((i + 1, j + 1));
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_a_walk_over_every_pair_of_positions(
            a in "(a|b|\\{x\\}|\\{|\\}){0,8}",
            b in "(a|b|\\{y\\}|\\{|\\}){0,8}",
        ) {
            proptest::prop_assert_eq!(overlap(&a, &b), overlap_by_walking(&a, &b), "{} / {}", a, b);
        }
    }

    #[test]
    fn long_templates_are_compared_in_linear_memory() {
        // The walk over pairs of positions this replaced needed len(a) × len(b) bytes: 10 GB
        // here.
        let a = format!("{{x}}{}", "a".repeat(100_000));
        let b = format!("{}{{y}}b", "a".repeat(100_000));
        assert!(!overlap(&a, &b));
        assert!(overlap(&a, &format!("{}{{y}}", "a".repeat(100_000))));
    }

    #[test]
    fn agrees_with_the_runtime_matcher_on_exact_texts() {
        for (template, text) in [("ab{x}ba", "abba"), ("{a}, {b}", "1, 2, 3"), ("x{y}", "z")] {
            assert_eq!(
                overlap(template, text),
                Template::new(template).matches(text),
                "{template} / {text}"
            );
        }
    }
}
