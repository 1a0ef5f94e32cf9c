//! The log file says what an administrator needs (imports with their counts, issuing,
//! opening, demo data) and never holds personal data: the real binary, its log file set by
//! `LOTSE_LOG_FILE`, at level debug.

use std::collections::HashSet;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn lotse(db: &Path, log: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lotse"));
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .env("LOTSE_LOG_FILE", log)
        .env("LOTSE_LOG", "debug")
        .arg("--db")
        .arg(db);
    cmd
}

/// The words of `text`: runs of letters and digits (so that "Ole" is not found inside
/// a temporary folder's random name, but "Ole" on its own is).
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The log without the sizes of backups ("(245760 bytes)"), which are numbers that may
/// look like a personnel number by chance.
fn without_sizes(log: &str) -> String {
    log.lines()
        .map(|line| match (line.rfind('('), line.rfind(" bytes)")) {
            (Some(open), Some(close)) if open < close => {
                format!("{}{}", &line[..open], &line[close + " bytes)".len()..])
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_log_has_counts_and_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lotse.sqlite");
    let log = dir.path().join("logs").join("lotse.log");

    lotse(&db, &log)
        .args(["demo", "--employees", "60"])
        .assert()
        .success();
    let listed = lotse(&db, &log)
        .args(["employees", "list", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(listed.status.success());
    let people: Vec<Value> = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(people.len(), 60);

    // A staff list with distinctive names, e-mail addresses and personnel numbers.
    let csv = dir.path().join("personal.csv");
    std::fs::write(
        &csv,
        "Personalnummer;Nachname;Vorname;E-Mail\n\
         PN-734519;Quellenberg-Xylander;Zacharias;z.quellenberg@kommune-beispiel.de\n\
         PN-734520;Vrzalová;Theodolinde;theodolinde.vrzalova@kommune-beispiel.de\n\
         PN-734521;Oberwimmerhuber;Kunigunde;k.oberwimmerhuber@kommune-beispiel.de\n",
    )
    .unwrap();
    lotse(&db, &log)
        .args(["import", "employees"])
        .arg(&csv)
        .assert()
        .success();

    let issued = lotse(&db, &log)
        .args(["issue", "--program", "DL", "--all-eligible"])
        .output()
        .unwrap();
    assert!(
        issued.status.success(),
        "{}",
        String::from_utf8_lossy(&issued.stderr)
    );
    let serials = String::from_utf8_lossy(&issued.stdout)
        .lines()
        .filter(|l| l.starts_with("DL-"))
        .count();
    assert!(serials > 0, "the demo has people eligible for DL");

    // Years later, the demo's leavers are past the retention period.
    let retention = lotse(&db, &log)
        .env("LOTSE_TODAY", "2035-01-01")
        .args(["privacy", "retention", "--apply", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        retention.status.success(),
        "{}",
        String::from_utf8_lossy(&retention.stderr)
    );
    let erased: Vec<Value> = serde_json::from_slice(&retention.stdout).unwrap();
    assert!(!erased.is_empty());

    let text = std::fs::read_to_string(&log).unwrap();
    // What an administrator needs.
    for expected in [
        "demo data generated (seed 1): ",
        " 60 employees",
        "employee import: 3 added, 0 changed, 0 unchanged, 0 rejected",
        &format!("issued {serials} certificates of program DL"),
        &format!(
            "retention (5 years, anonymise): {n} of {n} due leavers erased",
            n = erased.len()
        ),
        "opened ",
    ] {
        assert!(
            text.contains(expected),
            "the log lacks {expected:?}:\n{text}"
        );
    }

    // And no personal data: not the imported people, nor the demo's.
    let mut names: Vec<String> = vec![
        "Quellenberg".into(),
        "Xylander".into(),
        "Zacharias".into(),
        "Vrzalová".into(),
        "Theodolinde".into(),
        "Oberwimmerhuber".into(),
        "Kunigunde".into(),
    ];
    let mut emails: Vec<String> = vec![
        "z.quellenberg@kommune-beispiel.de".into(),
        "theodolinde.vrzalova@kommune-beispiel.de".into(),
        "k.oberwimmerhuber@kommune-beispiel.de".into(),
    ];
    let mut numbers: Vec<String> = vec!["734519".into(), "734520".into(), "734521".into()];
    for p in &people {
        for field in ["first_name", "last_name"] {
            let name = p[field].as_str().unwrap();
            // Each part of a name ("Müller-Weiß", "von Bergen") that is a name on its own.
            names.extend(
                name.split(|c: char| !c.is_alphabetic())
                    .filter(|part| part.chars().count() >= 3)
                    .filter(|part| part.chars().next().is_some_and(char::is_uppercase))
                    .map(str::to_owned),
            );
        }
        if let Some(email) = p["email"].as_str() {
            emails.push(email.to_owned());
        }
        numbers.push(p["personnel_number"].as_str().unwrap().to_owned());
    }
    let text = without_sizes(&text);
    let found = words(&text);
    for name in &names {
        assert!(!found.contains(name), "the log names {name:?}:\n{text}");
    }
    for number in &numbers {
        assert!(
            !found.contains(number),
            "the log has personnel number {number:?}:\n{text}"
        );
    }
    let lower = text.to_lowercase();
    for email in &emails {
        assert!(
            !lower.contains(&email.to_lowercase()),
            "the log has e-mail {email:?}:\n{text}"
        );
    }
}
