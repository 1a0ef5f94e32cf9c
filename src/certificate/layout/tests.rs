//! Unit tests of the certificate layout: wrapping, fitting and the seminar columns.

use chrono::NaiveDate;

use super::table::split_columns;
use super::text::*;
use super::*;

fn face() -> &'static Face {
    &fonts().expect("fonts").serif
}

#[test]
fn wrapping_keeps_every_line_within_the_width() {
    let text = "Grundlagen der digitalen Verwaltung und Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellung";
    let lines = wrap_greedy(face(), text, 10.0, 0.0, 30.0);
    assert!(lines.len() > 3);
    for l in &lines {
        assert!(face().width(l, 10.0, 0.0) <= 30.0, "{l}");
    }
    assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""));
}

#[test]
fn hyphenated_names_break_after_a_hyphen() {
    let text = "Anna Müller-Lüdenscheidt-Hohenzollern";
    let w = face().width("Anna Müller-Lüdenscheidt-", 10.0, 0.0) + 0.1;
    let lines = wrap_greedy(face(), text, 10.0, 0.0, w);
    assert_eq!(lines, vec!["Anna Müller-Lüdenscheidt-", "Hohenzollern"]);
    assert_eq!(join_lines(&lines), text);
    assert_eq!(
        pieces("a-b -c d-"),
        vec![(true, "a-"), (false, "b"), (true, "-c"), (true, "d-")]
    );
}

#[test]
fn limit_lines_ends_with_an_ellipsis() {
    let lines: Vec<String> = ["eins", "zwei", "drei"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let cut = limit_lines(face(), lines, 10.0, 0.0, 8.0, 2);
    assert_eq!(cut.len(), 2);
    assert!(cut[1].ends_with('…'));
    assert!(face().width(&cut[1], 10.0, 0.0) <= 8.0);
}

#[test]
fn columns_are_balanced_and_in_order() {
    let heights = vec![1.0; 9];
    let split = split_columns(&heights, 2);
    assert_eq!(split, vec![(0, 5), (5, 9)]);
    let split = split_columns(&[3.0, 1.0, 1.0, 1.0], 2);
    assert_eq!(split, vec![(0, 1), (1, 4)]);
    assert_eq!(split_columns(&[1.0], 3), vec![(0, 1)]);
}

#[test]
fn hours_in_both_languages() {
    assert_eq!(fmt_hours_in(Lang::De, 4.5), "4,5");
    assert_eq!(fmt_hours_in(Lang::En, 4.5), "4.5");
    assert_eq!(fmt_hours_in(Lang::De, 8.0), "8");
    let d = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    assert_eq!(long_date(Lang::En, d), "21 November 2026");
    assert_eq!(long_date(Lang::De, d), "21.11.2026");
}
