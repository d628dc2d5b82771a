//! Which column of a table holds the codes, the messages, descriptions and names: guessed from
//! the header texts, or named on the command line (`--code-column`, `--message-column`).

/// Header texts of the code column, preferred first.
pub const CODE_HEADERS: &[&str] = &[
    "code",
    "error code",
    "codes",
    "error codes",
    "errcode",
    "err code",
    "errno",
    "return code",
    "response code",
    "status code",
    "label",
    "error label",
    "error key",
];
/// Header texts of the message column.
pub const MESSAGE_HEADERS: &[&str] = &[
    "message",
    "short message",
    "api message",
    "response message",
    "returned message",
    "error text",
    "error message",
    "msg",
    "error msg",
    "message text",
    "reason text",
    "reason",
];
/// Header texts of description columns (the message when there is no message column).
pub const DESCRIPTION_HEADERS: &[&str] = &[
    "description",
    "error description",
    "explanation",
    "additional info",
    "additional information",
    "details",
    "detail",
    "meaning",
    "remark",
    "remarks",
    "note",
    "notes",
    "comment",
    "comments",
    "solution",
    "cause",
];
/// Header texts of the variant-name column.
pub const NAME_HEADERS: &[&str] = &["name", "error name", "enum", "constant", "identifier"];

/// A column named on the command line: its header text or its 1-based number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnName {
    Header(String),
    Number(usize),
}

impl ColumnName {
    /// `"3"` is the third column; anything else is a header text.
    pub fn parse(text: &str) -> Self {
        match text.trim().parse::<usize>() {
            Ok(number) if number > 0 => ColumnName::Number(number),
            _ => ColumnName::Header(header_key(text)),
        }
    }

    /// The column's index in `header` (keys made by [`header_key`]).
    fn find(&self, header: &[String]) -> Option<usize> {
        match self {
            ColumnName::Number(number) => (*number <= header.len()).then(|| number - 1),
            ColumnName::Header(key) => header.iter().position(|h| h == key),
        }
    }
}

impl std::fmt::Display for ColumnName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnName::Header(key) => write!(f, "`{key}`"),
            ColumnName::Number(number) => write!(f, "number {number}"),
        }
    }
}

/// The columns the command line names, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choice {
    pub code: Option<ColumnName>,
    pub message: Option<ColumnName>,
}

/// Where each field is in a table's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub code: usize,
    /// The code column's header is not a code column's name but holds one among other words
    /// (`code error code`, `label listlabel`: a tooltip or caption run into the header): the
    /// caller reads it only when its cells look like codes.
    pub code_by_words: bool,
    pub name: Option<usize>,
    pub message: usize,
    pub description: Vec<usize>,
}

/// Why a table is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No header names a code column.
    Code,
    /// A code column, but no header names a message or description column.
    Message,
    /// The table has no column by the name given with this option.
    Named(&'static str, ColumnName),
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Code => write!(f, "no Code column"),
            Missing::Message => write!(f, "no Message or Description column"),
            Missing::Named(option, name) => write!(f, "no column {name} (named by {option})"),
        }
    }
}

/// A header cell as compared with the known names: lower-case, `_`/`-` as spaces, single
/// spaces, no final colon.
pub fn header_key(cell: &str) -> String {
    cell.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(':')
        .trim_end()
        .to_owned()
}

/// The leftmost header whose words hold one of `names` as whole words, the best-ranked name
/// first.
fn containing(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|name| {
        let name: Vec<&str> = name.split(' ').collect();
        header.iter().position(|key| {
            let words: Vec<&str> = key.split(' ').collect();
            words.windows(name.len()).any(|w| w == name.as_slice())
        })
    })
}

/// Which columns hold what, by the header keys and the command line's choice.
pub fn columns(header: &[String], choice: &Choice) -> Result<Columns, Missing> {
    let find = |names: &[&str]| -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = header
            .iter()
            .enumerate()
            .filter_map(|(at, key)| names.iter().position(|n| n == key).map(|rank| (rank, at)))
            .collect();
        found.sort();
        found.into_iter().map(|(_, at)| at).collect()
    };
    let named = |option: &'static str, name: &Option<ColumnName>| match name {
        Some(name) => name
            .find(header)
            .map(Some)
            .ok_or_else(|| Missing::Named(option, name.clone())),
        None => Ok(None),
    };
    let code_named = named("--code-column", &choice.code)?;
    let message_named = named("--message-column", &choice.message)?;
    let mut by_words = false;
    let code = match code_named {
        Some(code) => code,
        None => match find(CODE_HEADERS).first() {
            Some(&code) => code,
            None => {
                by_words = true;
                containing(header, CODE_HEADERS).ok_or(Missing::Code)?
            }
        },
    };
    let others = |list: Vec<usize>| -> Vec<usize> {
        list.into_iter()
            .filter(|&at| at != code && Some(at) != message_named)
            .collect()
    };
    let messages = others(find(MESSAGE_HEADERS));
    let mut descriptions = others(find(DESCRIPTION_HEADERS));
    descriptions.sort();
    let (message, description) = match (message_named, messages.first()) {
        (Some(message), _) => {
            // A named message column pushes a guessed one into the description.
            let mut description: Vec<usize> = messages.into_iter().chain(descriptions).collect();
            description.sort();
            description.dedup();
            (message, description)
        }
        (None, Some(&message)) => (message, descriptions),
        (None, None) if !descriptions.is_empty() => {
            let message = descriptions.remove(0);
            (message, descriptions)
        }
        (None, None) => return Err(Missing::Message),
    };
    Ok(Columns {
        code,
        code_by_words: by_words,
        name: others(find(NAME_HEADERS)).first().copied(),
        message,
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(h: &[&str]) -> Vec<String> {
        h.iter().map(|c| header_key(c)).collect()
    }

    #[test]
    fn maps_columns() {
        let guess = Choice::default();
        let c = columns(&keys(&["Code", "HTTP Status", "Message"]), &guess).unwrap();
        assert_eq!((c.code, c.message, c.description.len()), (0, 2, 0));
        let c = columns(&keys(&["Error Code", "Description"]), &guess).unwrap();
        assert_eq!((c.code, c.message), (0, 1));
        let c = columns(&keys(&["Name", "Code", "Message", "Explanation"]), &guess).unwrap();
        assert_eq!(
            (c.name, c.code, c.message, c.description),
            (Some(0), 1, 2, vec![3])
        );
        let c = columns(&keys(&["Status Code", "Reason Text"]), &guess).unwrap();
        assert_eq!((c.code, c.message), (0, 1));
        assert_eq!(
            columns(&keys(&["Field", "Type"]), &guess),
            Err(Missing::Code)
        );
        assert_eq!(
            columns(&keys(&["Code", "HTTP Status"]), &guess),
            Err(Missing::Message)
        );
    }

    #[test]
    fn named_columns_win() {
        let choice = Choice {
            code: Some(ColumnName::parse("Retcode")),
            message: Some(ColumnName::parse("3")),
        };
        let c = columns(&keys(&["Retcode", "Message", "Text"]), &choice).unwrap();
        assert_eq!((c.code, c.message, c.description), (0, 2, vec![1]));
        assert_eq!(
            columns(&keys(&["Code", "Message"]), &choice),
            Err(Missing::Named(
                "--code-column",
                ColumnName::parse("retcode")
            ))
        );
    }
}
