//! Certificates for the sample administration.
//!
//! The personnel office issues certificates at the end of every month: everyone who is
//! eligible by then (as the eligibility rules say, from the attendance written before)
//! and has never held a certificate of the program gets one dated that day — nine in ten
//! of them; the rest get theirs a month later. The demo renews nothing, so the first
//! certificates (from more than 24 months ago) have expired by today, and those from
//! about two years ago expire within the next 90 days. The last issue day is two months
//! before today, so that those eligible since are still waiting for theirs.
//!
//! Two slips show how corrections look: one certificate was printed with the umlaut of
//! the last name missing and was corrected (the new one supersedes it), and one was issued
//! twice by mistake and the second copy revoked.
//!
//! Serial numbers, holders, dates and statuses depend on the seed only; the verification
//! codes also depend on the database's own secret, which is random (as it must be).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::data::DUPLICATE_REASON;
use crate::error::Result;
use crate::model::{Employee, Program, Requirement, TrainingRecord};
use crate::rules::{CertificateFacts, CertificateStatus, certificate_status, eligibility};
use crate::service::certificates::{IssueContext, IssueOptions, issue_in};
use crate::store::{Read, Tx};

/// How the demo's certificates stand today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CertificateCounts {
    /// Every certificate written (corrections and revoked ones included).
    pub issued: usize,
    /// Valid for more than 90 more days.
    pub valid: usize,
    /// Valid, but for 90 more days at most.
    pub expiring: usize,
    pub expired: usize,
    pub revoked: usize,
    pub superseded: usize,
}

/// An employee who may be due a certificate, with their training records.
pub(super) struct Candidate {
    pub employee: Employee,
    pub records: Vec<TrainingRecord>,
}

/// The share of the eligible who get their certificate at the first ceremony they could.
const TAKE_UP: f64 = 0.9;
/// Days between a certificate issued twice and the revocation of the copy.
const REVOKED_AFTER_DAYS: u64 = 9;

/// Issues the demo's certificates (see the module documentation) for `candidates`, with
/// `programs` as stored; `start` is the first day of the history. Writes no audit entries
/// of its own (the demo records one for everything; creating the verification secret
/// records that it did).
pub(super) fn issue(
    tx: &Tx<'_>,
    programs: &[Program],
    candidates: &[Candidate],
    today: NaiveDate,
    start: NaiveDate,
    seed: u64,
) -> Result<CertificateCounts> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED_CE27_1F1C_A7E5);
    let context = IssueContext::load(tx)?;
    let programs = in_prerequisite_order(programs);
    let ceremonies = ceremony_days(today, start);
    // The first issue day each candidate could be eligible on, per program: the
    // eligibility rules run from that day on only.
    let ready: Vec<Vec<usize>> = candidates
        .iter()
        .map(|c| {
            programs
                .iter()
                .map(|p| first_ready(p, c, &ceremonies))
                .collect()
        })
        .collect();
    // Certificates per candidate, as the rules see them.
    let mut held: Vec<Vec<CertificateFacts>> = vec![Vec::new(); candidates.len()];
    let mut all: Vec<CertificateFacts> = Vec::new();
    let mut corrected = false;
    let mut duplicated = false;

    for (k, &day) in ceremonies.iter().enumerate() {
        for (p, program) in programs.iter().enumerate() {
            let mut first_of_batch = None;
            for (c, candidate) in candidates.iter().enumerate() {
                if k < ready[c][p] || held[c].iter().any(|f| f.program_id == program.id) {
                    continue;
                }
                let state = eligibility(
                    program,
                    &candidate.employee,
                    &candidate.records,
                    &held[c],
                    day,
                );
                if !state.eligible || !rng.random_bool(TAKE_UP) {
                    continue;
                }
                let options = IssueOptions::on(day);
                let facts = CertificateFacts {
                    program_id: program.id,
                    issued_on: day,
                    valid_until: program.valid_until(day),
                    revoked_on: None,
                    superseded_on: None,
                };
                let misspelt = misspelt(&candidate.employee.last_name);
                // A certificate still valid in three months' time is the one corrected.
                let lasting = facts
                    .valid_until
                    .is_none_or(|until| until > today + Days::new(90));
                if p == 0 && lasting && !corrected && misspelt.is_some() {
                    // Printed without the umlaut, noticed, corrected (today).
                    let mut wrong = candidate.employee.clone();
                    wrong.last_name = misspelt.unwrap_or_default();
                    let old =
                        issue_in(tx, &context, program, &wrong, &candidate.records, &options)?;
                    let new = issue_in(
                        tx,
                        &context,
                        program,
                        &candidate.employee,
                        &candidate.records,
                        &options,
                    )?;
                    tx.set_superseded_by(old.id, new.id)?;
                    all.push(CertificateFacts {
                        superseded_on: Some(today),
                        ..facts
                    });
                    corrected = true;
                } else {
                    issue_in(
                        tx,
                        &context,
                        program,
                        &candidate.employee,
                        &candidate.records,
                        &options,
                    )?;
                }
                held[c].push(facts);
                all.push(facts);
                if first_of_batch.is_none() {
                    first_of_batch = Some(c);
                }
            }
            // Half-way through the history, the first of a batch got a second copy by
            // mistake; it was revoked a few days later.
            let revoke_on = day + Days::new(REVOKED_AFTER_DAYS);
            if let Some(c) = first_of_batch
                && p == 0
                && !duplicated
                && k >= ceremonies.len() / 2
                && revoke_on <= today
            {
                let candidate = &candidates[c];
                let options = IssueOptions::on(day);
                let original_serial = tx
                    .certificates_of(candidate.employee.id)?
                    .into_iter()
                    .find(|x| {
                        x.program_id == program.id
                            && x.issued_on == day
                            && x.superseded_by.is_none()
                    })
                    .map(|x| x.serial)
                    .unwrap_or_default();
                let copy = issue_in(
                    tx,
                    &context,
                    program,
                    &candidate.employee,
                    &candidate.records,
                    &options,
                )?;
                tx.revoke_certificate(
                    copy.id,
                    revoke_on,
                    &format!("{DUPLICATE_REASON} {original_serial}."),
                )?;
                all.push(CertificateFacts {
                    program_id: program.id,
                    issued_on: day,
                    valid_until: program.valid_until(day),
                    revoked_on: Some(revoke_on),
                    superseded_on: None,
                });
                duplicated = true;
            }
        }
    }

    let mut counts = CertificateCounts {
        issued: all.len(),
        ..CertificateCounts::default()
    };
    for f in &all {
        match certificate_status(f, today) {
            CertificateStatus::Valid => counts.valid += 1,
            CertificateStatus::Expiring => counts.expiring += 1,
            CertificateStatus::Expired => counts.expired += 1,
            CertificateStatus::Revoked => counts.revoked += 1,
            CertificateStatus::Superseded => counts.superseded += 1,
            CertificateStatus::NotYetIssued => {}
        }
    }
    Ok(counts)
}

/// The index of the first of `days` from which `candidate` meets every requirement of
/// `program` apart from prerequisites (those requirements only ever become met as time
/// goes on); `days.len()` when none.
fn first_ready(program: &Program, candidate: &Candidate, days: &[NaiveDate]) -> usize {
    days.partition_point(|&day| {
        let state = eligibility(program, &candidate.employee, &candidate.records, &[], day);
        !state
            .requirements
            .iter()
            .zip(&program.requirements)
            .all(|(r, req)| r.met || matches!(req, Requirement::Prerequisite(_)))
    })
}

/// Programs ordered so that a prerequisite comes before the programs that require it.
fn in_prerequisite_order(programs: &[Program]) -> Vec<&Program> {
    let mut ordered: Vec<&Program> = Vec::with_capacity(programs.len());
    let mut rest: Vec<&Program> = programs.iter().collect();
    while !rest.is_empty() {
        let before = rest.len();
        let (ready, waiting): (Vec<&Program>, Vec<&Program>) = rest.into_iter().partition(|p| {
            p.requirements.iter().all(|r| match r {
                Requirement::Prerequisite(q) => ordered.iter().any(|o| o.id == *q),
                _ => true,
            })
        });
        ordered.extend(ready);
        rest = waiting;
        if rest.len() == before {
            // A cycle (refused when programs are saved): keep the rest as they are.
            ordered.append(&mut rest);
        }
    }
    ordered
}

/// The days certificates are handed over: the last working day of every month, from
/// three months into the history to two months before today (so that those eligible
/// since are still waiting for theirs).
fn ceremony_days(today: NaiveDate, start: NaiveDate) -> Vec<NaiveDate> {
    let first = start.checked_add_months(Months::new(3)).unwrap_or(start);
    let Some(last) = today.checked_sub_months(Months::new(2)) else {
        return Vec::new();
    };
    let mut days = Vec::new();
    let mut month = first.with_day(1).unwrap_or(first);
    while let Some(next) = month.checked_add_months(Months::new(1)) {
        let mut day = next - Days::new(1);
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            day = day - Days::new(1);
        }
        if day > last {
            break;
        }
        if day >= first {
            days.push(day);
        }
        month = next;
    }
    days
}

/// The name as a careless typist wrote it: umlauts without their dots ("Müller" →
/// "Muller"); `None` when the name has none.
fn misspelt(name: &str) -> Option<String> {
    if !name.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) {
        return None;
    }
    Some(
        name.chars()
            .map(|c| match c {
                'ä' => 'a',
                'ö' => 'o',
                'ü' => 'u',
                'Ä' => 'A',
                'Ö' => 'O',
                'Ü' => 'U',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn issue_days_are_month_ends_on_weekdays_up_to_two_months_ago() {
        let today = d("2026-11-21");
        let start = d("2024-05-21");
        let days = ceremony_days(today, start);
        assert_eq!(
            days.first(),
            Some(&d("2024-08-30")),
            "31.08.2024 is a Saturday"
        );
        // Two months before today is 21.09.2026.
        assert_eq!(days.last(), Some(&d("2026-08-31")));
        assert_eq!(days.len(), 25);
        assert!(days.iter().all(|d| d.weekday().number_from_monday() <= 5));
        assert!(
            days.iter()
                .all(|d| (d.succ_opt().expect("date").month() != d.month())
                    || d.weekday() == Weekday::Fri)
        );
        // Valid for 24 months: some expire within 90 days of today, some have expired.
        let expires = |day: &NaiveDate| day.checked_add_months(Months::new(24)).expect("date");
        assert!(days.iter().any(|x| {
            let until = expires(x);
            until >= today && (until - today).num_days() <= 90
        }));
        assert!(days.iter().any(|x| expires(x) < today));
        assert!(ceremony_days(today, today).is_empty());
    }

    #[test]
    fn misspelling_drops_the_dots() {
        assert_eq!(misspelt("Müller").as_deref(), Some("Muller"));
        assert_eq!(misspelt("Özdemir-Bär").as_deref(), Some("Ozdemir-Bar"));
        assert_eq!(misspelt("Weiß"), None);
        assert_eq!(misspelt("Schmidt"), None);
    }
}
