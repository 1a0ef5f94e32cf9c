use super::driver::{Conn, Row, ToValue, params};

use super::Tx;
use crate::error::{Error, Result};
use crate::model::{Program, ProgramId, ProgramInput, ProgramTitles, Requirement, SeminarId};

const COLUMNS: &str = "p.id, p.code, p.serial_prefix, p.title_de_male, p.title_de_female, \
     p.title_de_neutral, p.title_en, p.description, p.validity_months, p.allow_partial, p.archived, p.version";

/// A program without its requirements (they are read separately).
fn program_from_row(r: &Row<'_>) -> Result<Program> {
    Ok(Program {
        id: ProgramId(r.get(0)?),
        code: r.get(1)?,
        serial_prefix: r.get(2)?,
        titles: ProgramTitles {
            de_male: r.get(3)?,
            de_female: r.get(4)?,
            de_neutral: r.get(5)?,
            en: r.get(6)?,
        },
        description: r.get(7)?,
        validity_months: r.get(8)?,
        allow_partial: r.get(9)?,
        archived: r.get(10)?,
        version: r.get(11)?,
        requirements: Vec::new(),
    })
}

/// The programs selected by `where_sql` (with parameter `?1`), requirements filled in.
fn load_programs(conn: Conn<'_>, where_sql: &str, param: &dyn ToValue) -> Result<Vec<Program>> {
    let mut programs = conn.query(
        &format!(
            "SELECT {COLUMNS} FROM program p WHERE {where_sql} ORDER BY p.code COLLATE NOCASE"
        ),
        params![param],
        program_from_row,
    )?;
    for program in &mut programs {
        program.requirements = requirements_of(conn, program.id)?;
    }
    Ok(programs)
}

struct RequirementRow {
    id: i64,
    kind: String,
    seminar_id: Option<i64>,
    min_count: Option<u32>,
    topic: Option<String>,
    min_hours: Option<f64>,
    prerequisite_id: Option<i64>,
}

fn requirements_of(conn: Conn<'_>, program: ProgramId) -> Result<Vec<Requirement>> {
    let rows: Vec<RequirementRow> = conn.query(
        "SELECT id, kind, seminar_id, min_count, topic, min_hours, prerequisite_id
           FROM requirement WHERE program_id = ?1 ORDER BY position, id",
        params![program.0],
        |r| {
            Ok(RequirementRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                seminar_id: r.get(2)?,
                min_count: r.get(3)?,
                topic: r.get(4)?,
                min_hours: r.get(5)?,
                prerequisite_id: r.get(6)?,
            })
        },
    )?;
    let broken = |row: &RequirementRow| {
        Error::Corrupt(format!(
            "requirement {} of program {} ({}) is incomplete",
            row.id, program.0, row.kind
        ))
    };
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let requirement = match row.kind.as_str() {
            "seminar" => {
                Requirement::Seminar(SeminarId(row.seminar_id.ok_or_else(|| broken(row))?))
            }
            "n_of" => {
                let seminars = conn.query(
                    "SELECT seminar_id FROM requirement_seminar WHERE requirement_id = ?1
                      ORDER BY seminar_id",
                    params![row.id],
                    |r| Ok(SeminarId(r.get(0)?)),
                )?;
                Requirement::AtLeastN {
                    n: row.min_count.ok_or_else(|| broken(row))?,
                    seminars,
                }
            }
            "topic_hours" => Requirement::TopicHours {
                topic: row.topic.clone().ok_or_else(|| broken(row))?,
                hours: row.min_hours.ok_or_else(|| broken(row))?,
            },
            "program" => Requirement::Prerequisite(ProgramId(
                row.prerequisite_id.ok_or_else(|| broken(row))?,
            )),
            _ => return Err(broken(row)),
        };
        out.push(requirement);
    }
    Ok(out)
}

/// Every program with its requirements, ordered by code.
pub(super) fn all(conn: Conn<'_>) -> Result<Vec<Program>> {
    load_programs(conn, "?1", &true)
}

pub(super) fn by_id(conn: Conn<'_>, id: ProgramId) -> Result<Option<Program>> {
    Ok(load_programs(conn, "p.id = ?1", &id.0)?.into_iter().next())
}

pub(super) fn by_code(conn: Conn<'_>, code: &str) -> Result<Option<Program>> {
    Ok(
        load_programs(conn, "p.code = ?1 COLLATE NOCASE", &code.trim())?
            .into_iter()
            .next(),
    )
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM program", params![], |r| r.get(0))
}

impl Tx<'_> {
    /// Adds a program (not archived) with its requirements; returns its id. Seminars and
    /// prerequisite programs named by the requirements must exist (foreign keys).
    pub fn insert_program(&self, p: &ProgramInput) -> Result<ProgramId> {
        self.note(|c| c.programs = true);
        let new_id0 = self.conn().insert(
            "INSERT INTO program (code, serial_prefix, title_de_male, title_de_female,
                                  title_de_neutral, title_en, description, validity_months,
                                  allow_partial, archived)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, FALSE) RETURNING id",
            params![
                p.code,
                p.serial_prefix,
                p.titles.de_male,
                p.titles.de_female,
                p.titles.de_neutral,
                p.titles.en,
                p.description,
                p.validity_months,
                p.allow_partial
            ],
        )?;
        let id = ProgramId(new_id0);
        self.replace_requirements(id, &p.requirements)?;
        Ok(id)
    }

    /// Saves a program's fields and replaces its requirements with `p.requirements`.
    pub fn update_program(&self, id: ProgramId, p: &ProgramInput) -> Result<()> {
        self.note(|c| c.programs = true);
        self.conn().execute(
            "UPDATE program SET code = ?2, serial_prefix = ?3, title_de_male = ?4,
                    title_de_female = ?5, title_de_neutral = ?6, title_en = ?7, description = ?8,
                    validity_months = ?9, allow_partial = ?10
              WHERE id = ?1",
            params![
                id.0,
                p.code,
                p.serial_prefix,
                p.titles.de_male,
                p.titles.de_female,
                p.titles.de_neutral,
                p.titles.en,
                p.description,
                p.validity_months,
                p.allow_partial
            ],
        )?;
        self.replace_requirements(id, &p.requirements)
    }

    /// Replaces a program's requirements; their order is kept as `position`.
    pub fn replace_requirements(
        &self,
        program: ProgramId,
        requirements: &[Requirement],
    ) -> Result<()> {
        self.note(|c| c.programs = true);
        self.conn().execute(
            "DELETE FROM requirement WHERE program_id = ?1",
            params![program.0],
        )?;
        for (position, r) in requirements.iter().enumerate() {
            let position = i64::try_from(position).unwrap_or(i64::MAX);
            let (seminar, count, topic, hours, prerequisite) = match r {
                Requirement::Seminar(s) => (Some(s.0), None, None, None, None),
                Requirement::AtLeastN { n, .. } => (None, Some(*n), None, None, None),
                Requirement::TopicHours { topic, hours } => {
                    (None, None, Some(topic.as_str()), Some(*hours), None)
                }
                Requirement::Prerequisite(p) => (None, None, None, None, Some(p.0)),
            };
            let requirement_id = self.conn().insert(
                "INSERT INTO requirement (program_id, position, kind, seminar_id, min_count,
                                          topic, min_hours, prerequisite_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                params![
                    program.0,
                    position,
                    r.kind_code(),
                    seminar,
                    count,
                    topic,
                    hours,
                    prerequisite
                ],
            )?;
            if let Requirement::AtLeastN { seminars, .. } = r {
                for s in seminars {
                    self.conn().execute(
                        "INSERT INTO requirement_seminar (requirement_id, seminar_id)
                         VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                        params![requirement_id, s.0],
                    )?;
                }
            }
        }
        Ok(())
    }

    pub fn set_program_archived(&self, id: ProgramId, archived: bool) -> Result<()> {
        self.note(|c| c.programs = true);
        self.conn().execute(
            "UPDATE program SET archived = ?2 WHERE id = ?1",
            params![id.0, archived],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SeminarFormat, SeminarInput};
    use crate::store::{Read, Store};

    fn titles(base: &str) -> ProgramTitles {
        ProgramTitles {
            de_male: format!("{base}e"),
            de_female: format!("{base}in"),
            de_neutral: format!("{base}:in"),
            en: format!("{base} (en)"),
        }
    }

    #[test]
    fn programs_round_trip_with_all_four_kinds_of_requirement() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let (dl, dcm, input) = store.transact(|tx| {
            let mut seminars = Vec::new();
            for code in ["S1", "S2", "S3", "S4"] {
                seminars.push(tx.insert_seminar(&SeminarInput {
                    code: code.into(),
                    title: code.into(),
                    format: SeminarFormat::Webinar,
                    default_hours: 2.0,
                    ..SeminarInput::default()
                })?);
            }
            let dl = tx.insert_program(&ProgramInput {
                code: "DL".into(),
                serial_prefix: "DL".into(),
                titles: titles("Digitallots"),
                validity_months: Some(24),
                ..ProgramInput::default()
            })?;
            let input = ProgramInput {
                code: "DCM".into(),
                serial_prefix: "DCM".into(),
                titles: titles("Changemanager"),
                description: "Für Führungskräfte".into(),
                validity_months: None,
                allow_partial: true,
                requirements: vec![
                    Requirement::Prerequisite(dl),
                    Requirement::Seminar(seminars[0]),
                    Requirement::AtLeastN {
                        n: 2,
                        seminars: vec![seminars[1], seminars[2], seminars[3]],
                    },
                    Requirement::TopicHours {
                        topic: "Change Management".into(),
                        hours: 24.0,
                    },
                ],
            };
            let dcm = tx.insert_program(&input)?;
            Ok((dl, dcm, input))
        })?;
        let read = store.program(dcm)?.expect("stored");
        assert_eq!(read.input(), input);
        assert!(!read.archived);
        let codes: Vec<_> = store.programs()?.into_iter().map(|p| p.code).collect();
        assert_eq!(codes, ["DCM", "DL"]);
        assert_eq!(store.program_by_code("dl")?.map(|p| p.id), Some(dl));

        let mut changed = input.clone();
        changed.requirements.truncate(1);
        changed.validity_months = Some(36);
        store.transact(|tx| tx.update_program(dcm, &changed))?;
        assert_eq!(store.program(dcm)?.expect("stored").input(), changed);
        Ok(())
    }

    #[test]
    fn a_program_cannot_require_itself() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let result = store.transact(|tx| {
            let id = tx.insert_program(&ProgramInput {
                code: "X".into(),
                serial_prefix: "X".into(),
                titles: titles("X"),
                ..ProgramInput::default()
            })?;
            tx.replace_requirements(id, &[Requirement::Prerequisite(id)])
        });
        assert!(result.is_err());
        assert_eq!(store.program_count()?, 0);
        Ok(())
    }
}
