//! Compile-time checks of templates: their syntax (the rules are `errcodes_core::template`'s,
//! the one definition the runtime matches with) and whether two templates could both match one
//! text, which would make the meaning of a response depend on declaration order.

use errcodes_core::template::{Part, Template};

/// One piece of a template, a character at a time: literal characters and placeholders.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Char(char),
    Any,
}

fn tokens(template: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for part in Template::new(template).parts() {
        match part {
            Part::Text(text) => out.extend(text.chars().map(Token::Char)),
            Part::Placeholder(_) => out.push(Token::Any),
        }
    }
    out
}

/// True when some text matches both templates (exact texts included: they match only
/// themselves). A walk over pairs of positions, one in each template: O(len(a) × len(b)).
pub fn overlap(a: &str, b: &str) -> bool {
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
        // A placeholder may stop matching, or take one more character of the other side.
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
