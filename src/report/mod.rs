//! Reports and exports.

/// A CSV cell made safe for spreadsheets: a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is prefixed with `'` so that it is never run as a formula.
pub fn csv_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::csv_safe;

    #[test]
    fn formulas_are_neutralised() {
        for (input, expected) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+49 571", "'+49 571"),
            ("-3", "'-3"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("Müller", "Müller"),
            ("", ""),
        ] {
            assert_eq!(csv_safe(input), expected);
        }
    }
}
