//! Diagnostics drawn rustc-style: `path:line:column`, the source line, a caret under the
//! problem, secondary labels for related places and a `help:` footer.
//!
//! The drawing is annotate-snippets'; this module only maps the engine's [`Diagnostic`] onto it.

use std::io::IsTerminal;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use errcodes_codegen::{Diagnostic, Severity};

use crate::Color;

/// Whether diagnostics on standard error get colors.
pub fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        // https://no-color.org: any non-empty value turns colors off.
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

fn renderer(styled: bool) -> Renderer {
    if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// Renders one diagnostic of the catalog `source`, shown as `path`.
pub fn diagnostic(diagnostic: &Diagnostic, source: &str, path: &str, styled: bool) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut snippet = Snippet::source(source)
        .path(path)
        .annotation(AnnotationKind::Primary.span(clamp(source, diagnostic.span)));
    for (span, note) in &diagnostic.related {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(clamp(source, *span))
                .label(note.as_str()),
        );
    }
    let mut group = level
        .primary_title(diagnostic.message.as_str())
        .element(snippet);
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer(styled).render(&[group])
}

/// Renders a problem that has no place in a file (an unreadable file, a bad argument).
pub fn message(level: Level<'_>, text: &str, help: Option<&str>, styled: bool) -> String {
    let mut group = Group::with_title(level.primary_title(text));
    if let Some(help) = help {
        group = group.element(Level::HELP.message(help));
    }
    renderer(styled).render(&[group])
}

/// A span annotate-snippets can draw: inside the text and on character boundaries. The engine
/// reports some problems (a missing `[catalog]`) at an empty span, which is kept.
fn clamp(source: &str, span: errcodes_codegen::Span) -> Range<usize> {
    let boundary = |mut at: usize| {
        at = at.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = boundary(span.start);
    let end = boundary(span.end.max(span.start));
    start..end
}
