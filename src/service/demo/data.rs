//! The sample administration's fixed parts: its units, names, jobs and the seminar catalogue.

use crate::model::{Salutation, SeminarFormat, SeminarInput};

pub(super) const ORGANISATION: &str = "Stadt Porta Westfalica";
pub(super) const PLACE: &str = "Porta Westfalica";
/// Who signs the certificates.
pub(super) const SIGNATORY_NAME: &str = "Bernd Hedtmann";
pub(super) const SIGNATORY_TITLE: &str = "Bürgermeister";
/// Why a certificate issued twice by mistake was revoked; the valid one's serial follows.
pub(super) const DUPLICATE_REASON: &str =
    "Versehentlich doppelt ausgestellt; gültig ist die Urkunde";
pub(super) const MAIL_DOMAIN: &str = "porta-westfalica.de";

/// Months of history before today, and of planned sessions after it. Nearly three years,
/// so that the pilot group's certificates (valid for 24 months) have expired by today.
pub(super) const HISTORY_MONTHS: u32 = 33;
pub(super) const UPCOMING_MONTHS: u32 = 2;
/// The whole plan: history and upcoming months.
pub(super) const PLAN_MONTHS: u32 = HISTORY_MONTHS + UPCOMING_MONTHS;

/// Days an e-learning period lasts.
pub(super) const ELEARNING_DAYS: u64 = 84;

// ---------------------------------------------------------------------------------------
// Units and jobs
// ---------------------------------------------------------------------------------------

/// A job title as (male, female, neutral).
pub(super) type Job = [&'static str; 3];

pub(super) fn gendered(job: Job, salutation: Salutation) -> &'static str {
    match salutation {
        Salutation::Male => job[0],
        Salutation::Female => job[1],
        Salutation::Neutral => job[2],
    }
}

/// What kind of work a unit does: it shapes gender mix, training appetite and e-mail access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Leadership,
    Office,
    It,
    Social,
    Childcare,
    Fire,
    Technical,
}

pub(super) struct Profile {
    /// Share of women among those with a binary form of address.
    pub female: f64,
    /// Relative training activity.
    pub appetite: f64,
    /// Chance to start the Digitallots:in path.
    pub path: f64,
    /// Chance of someone well on the Digitallots:in path to go on to the Changemanager:in path.
    pub change: f64,
    /// Share with a personal e-mail address.
    pub mail: f64,
    /// Share doing the yearly compulsory e-learning (of those with an e-mail address).
    pub compliance: f64,
}

impl Kind {
    pub(super) fn profile(self) -> Profile {
        let p = |female, appetite, path, change, mail, compliance| Profile {
            female,
            appetite,
            path,
            change,
            mail,
            compliance,
        };
        match self {
            Kind::Leadership => p(0.45, 1.1, 0.55, 0.7, 1.0, 0.9),
            Kind::Office => p(0.68, 1.0, 0.40, 0.45, 1.0, 0.92),
            Kind::It => p(0.25, 1.25, 0.70, 0.55, 1.0, 0.97),
            Kind::Social => p(0.75, 0.85, 0.28, 0.4, 1.0, 0.88),
            Kind::Childcare => p(0.9, 0.6, 0.10, 0.3, 0.85, 0.75),
            Kind::Fire => p(0.08, 0.55, 0.12, 0.3, 0.7, 0.85),
            Kind::Technical => p(0.1, 0.35, 0.04, 0.1, 0.35, 0.6),
        }
    }

    pub(super) fn has_trainees(self) -> bool {
        matches!(self, Kind::Office | Kind::It | Kind::Social)
    }
}

pub(super) struct UnitSpec {
    pub code: &'static str,
    pub name: &'static str,
    pub parent: Option<&'static str>,
    /// Relative size.
    pub weight: f64,
    pub kind: Kind,
    pub jobs: &'static [Job],
}

const fn unit(
    code: &'static str,
    name: &'static str,
    parent: Option<&'static str>,
    weight: f64,
    kind: Kind,
    jobs: &'static [Job],
) -> UnitSpec {
    UnitSpec {
        code,
        name,
        parent,
        weight,
        kind,
        jobs,
    }
}

/// The title of the person who leads `unit`.
pub(super) fn head_title(unit: &UnitSpec) -> Job {
    match (unit.parent, unit.code) {
        (None, "I") => ["Bürgermeister", "Bürgermeisterin", "Bürgermeister:in"],
        (None, _) => ["Beigeordneter", "Beigeordnete", "Beigeordnete:r"],
        (Some(_), "37") => [
            "Leiter der Feuerwehr",
            "Leiterin der Feuerwehr",
            "Leiter:in der Feuerwehr",
        ],
        (Some(_), "70") => ["Betriebsleiter", "Betriebsleiterin", "Betriebsleiter:in"],
        (Some(_), code) if !code.contains('.') => ["Amtsleiter", "Amtsleiterin", "Amtsleiter:in"],
        (Some(_), _) => [
            "Abteilungsleiter",
            "Abteilungsleiterin",
            "Abteilungsleiter:in",
        ],
    }
}

pub(super) const CLERK: Job = ["Sachbearbeiter", "Sachbearbeiterin", "Sachbearbeiter:in"];
pub(super) const TRAINEE: Job = ["Auszubildender", "Auszubildende", "Auszubildende:r"];
const VFA: Job = [
    "Verwaltungsfachangestellter",
    "Verwaltungsfachangestellte",
    "Verwaltungsfachangestellte:r",
];
const VFW: Job = [
    "Verwaltungsfachwirt",
    "Verwaltungsfachwirtin",
    "Verwaltungsfachwirt:in",
];
const INSPECTOR: Job = ["Stadtinspektor", "Stadtinspektorin", "Stadtinspektor:in"];
const SENIOR_INSPECTOR: Job = [
    "Stadtoberinspektor",
    "Stadtoberinspektorin",
    "Stadtoberinspektor:in",
];
const ASSISTANT: Job = ["Teamassistent", "Teamassistentin", "Teamassistent:in"];
const ADVISOR: Job = ["Referent", "Referentin", "Referent:in"];
const SOCIAL_WORKER: Job = ["Sozialarbeiter", "Sozialarbeiterin", "Sozialarbeiter:in"];
const EDUCATOR: Job = ["Erzieher", "Erzieherin", "Erzieher:in"];
const TRAFFIC_WARDEN: Job = [
    "Verkehrsüberwacher",
    "Verkehrsüberwacherin",
    "Verkehrsüberwacher:in",
];
const SCHOOL_SECRETARY: Job = ["Schulsekretär", "Schulsekretärin", "Schulsekretär:in"];
const HR_CLERK: Job = [
    "Personalsachbearbeiter",
    "Personalsachbearbeiterin",
    "Personalsachbearbeiter:in",
];
const IT_SPECIALIST: Job = [
    "Fachinformatiker",
    "Fachinformatikerin",
    "Fachinformatiker:in",
];
const SOCIAL_EDUCATOR: Job = ["Sozialpädagoge", "Sozialpädagogin", "Sozialpädagog:in"];
const ROAD_WORKER: Job = ["Straßenwärter", "Straßenwärterin", "Straßenwärter:in"];
const GARDENER: Job = ["Gärtner", "Gärtnerin", "Gärtner:in"];
const CHILDCARE_WORKER: Job = ["Kinderpfleger", "Kinderpflegerin", "Kinderpfleger:in"];

#[rustfmt::skip]
mod jobs {
    use super::*;

    pub(super) const OFFICE: &[Job] = &[CLERK, CLERK, CLERK, VFA, VFA, VFW, INSPECTOR, SENIOR_INSPECTOR, ASSISTANT];
    pub(super) const LEADERSHIP: &[Job] = &[ADVISOR, ASSISTANT, CLERK];
    pub(super) const HR: &[Job] = &[
        HR_CLERK, HR_CLERK, VFA,
        ["Entgeltabrechner", "Entgeltabrechnerin", "Entgeltabrechner:in"],
        ["Ausbildungsleiter", "Ausbildungsleiterin", "Ausbildungsleiter:in"],
    ];
    pub(super) const ORG_DEVELOPMENT: &[Job] = &[
        CLERK,
        ["Organisationsberater", "Organisationsberaterin", "Organisationsberater:in"],
        ["Prozessmanager", "Prozessmanagerin", "Prozessmanager:in"],
    ];
    pub(super) const IT: &[Job] = &[
        IT_SPECIALIST, IT_SPECIALIST,
        ["Systemadministrator", "Systemadministratorin", "Systemadministrator:in"],
        ["Digitalisierungsbeauftragter", "Digitalisierungsbeauftragte", "Digitalisierungsbeauftragte:r"],
        ["IT-Koordinator", "IT-Koordinatorin", "IT-Koordinator:in"],
    ];
    pub(super) const AUDIT: &[Job] = &[["Prüfer", "Prüferin", "Prüfer:in"], VFW];
    pub(super) const FINANCE: &[Job] = &[CLERK, VFA, VFW, ["Controller", "Controllerin", "Controller:in"]];
    pub(super) const CASH: &[Job] = &[
        CLERK, VFA,
        ["Kassierer", "Kassiererin", "Kassierer:in"],
        ["Vollziehungsbeamter", "Vollziehungsbeamtin", "Vollziehungsbeamt:in"],
    ];
    pub(super) const ORDER: &[Job] = &[
        CLERK, VFA, TRAFFIC_WARDEN, TRAFFIC_WARDEN,
        ["Mitarbeiter im Außendienst", "Mitarbeiterin im Außendienst", "Mitarbeiter:in im Außendienst"],
    ];
    pub(super) const CITIZENS: &[Job] = &[VFA, VFA, CLERK, ["Servicekraft", "Servicekraft", "Servicekraft"]];
    pub(super) const REGISTRY: &[Job] = &[["Standesbeamter", "Standesbeamtin", "Standesbeamt:in"], VFA];
    pub(super) const FIRE: &[Job] = &[
        ["Brandmeister", "Brandmeisterin", "Brandmeister:in"],
        ["Oberbrandmeister", "Oberbrandmeisterin", "Oberbrandmeister:in"],
        ["Hauptbrandmeister", "Hauptbrandmeisterin", "Hauptbrandmeister:in"],
        ["Notfallsanitäter", "Notfallsanitäterin", "Notfallsanitäter:in"],
        ["Gerätewart", "Gerätewartin", "Gerätewart:in"],
    ];
    pub(super) const SCHOOL: &[Job] = &[
        SCHOOL_SECRETARY, SCHOOL_SECRETARY, CLERK,
        ["Hausmeister", "Hausmeisterin", "Hausmeister:in"],
        ["Bibliothekar", "Bibliothekarin", "Bibliothekar:in"],
        ["Schwimmmeister", "Schwimmmeisterin", "Schwimmmeister:in"],
    ];
    pub(super) const SOCIAL: &[Job] = &[CLERK, CLERK, VFA, SOCIAL_WORKER];
    pub(super) const CHILDCARE: &[Job] = &[
        EDUCATOR, EDUCATOR, EDUCATOR, EDUCATOR, EDUCATOR, EDUCATOR, CHILDCARE_WORKER, CHILDCARE_WORKER,
        ["Heilerziehungspfleger", "Heilerziehungspflegerin", "Heilerziehungspfleger:in"],
        ["Kita-Leiter", "Kita-Leiterin", "Kita-Leiter:in"],
    ];
    pub(super) const YOUTH: &[Job] = &[SOCIAL_WORKER, SOCIAL_EDUCATOR, SOCIAL_EDUCATOR, CLERK];
    pub(super) const BUILDING: &[Job] = &[
        CLERK,
        ["Bauingenieur", "Bauingenieurin", "Bauingenieur:in"],
        ["Architekt", "Architektin", "Architekt:in"],
        ["Bautechniker", "Bautechnikerin", "Bautechniker:in"],
        ["Bauzeichner", "Bauzeichnerin", "Bauzeichner:in"],
    ];
    pub(super) const PLANNING: &[Job] = &[
        CLERK,
        ["Stadtplaner", "Stadtplanerin", "Stadtplaner:in"],
        ["Umweltingenieur", "Umweltingenieurin", "Umweltingenieur:in"],
        ["Geomatiker", "Geomatikerin", "Geomatiker:in"],
    ];
    pub(super) const DEPOT: &[Job] = &[
        ROAD_WORKER, ROAD_WORKER, GARDENER, GARDENER,
        ["Berufskraftfahrer", "Berufskraftfahrerin", "Berufskraftfahrer:in"],
        ["Kfz-Mechatroniker", "Kfz-Mechatronikerin", "Kfz-Mechatroniker:in"],
        ["Vorarbeiter", "Vorarbeiterin", "Vorarbeiter:in"],
        ["Friedhofsgärtner", "Friedhofsgärtnerin", "Friedhofsgärtner:in"],
    ];
}

/// Dezernate (roman numerals) → Ämter (KGSt numbers) → Abteilungen ("Amt.n"); parents
/// before their sub-units.
#[rustfmt::skip]
pub(super) const UNITS: &[UnitSpec] = {
    use jobs::*;
    use Kind::*;
    &[
        unit("I", "Dezernat I – Bürgermeister, Zentrale Dienste und Finanzen", None, 0.5, Leadership, LEADERSHIP),
        unit("II", "Dezernat II – Bürgerdienste, Sicherheit und Ordnung", None, 0.25, Leadership, LEADERSHIP),
        unit("III", "Dezernat III – Jugend, Familie, Soziales und Schule", None, 0.25, Leadership, LEADERSHIP),
        unit("IV", "Dezernat IV – Stadtentwicklung, Bauen und Umwelt", None, 0.25, Leadership, LEADERSHIP),
        unit("10", "Hauptamt", Some("I"), 0.5, Office, OFFICE),
        unit("10.1", "Personal", Some("10"), 2.5, Office, HR),
        unit("10.2", "Organisation", Some("10"), 1.2, Office, ORG_DEVELOPMENT),
        unit("10.3", "IT und Digitalisierung", Some("10"), 2.0, It, IT),
        unit("14", "Rechnungsprüfungsamt", Some("I"), 0.8, Office, AUDIT),
        unit("20", "Kämmerei", Some("I"), 0.4, Office, OFFICE),
        unit("20.1", "Haushalt und Controlling", Some("20"), 1.5, Office, FINANCE),
        unit("20.2", "Stadtkasse", Some("20"), 1.8, Office, CASH),
        unit("20.3", "Steuern und Abgaben", Some("20"), 1.5, Office, FINANCE),
        unit("32", "Ordnungsamt", Some("II"), 0.4, Office, OFFICE),
        unit("32.1", "Gewerbe und Gaststätten", Some("32"), 1.2, Office, ORDER),
        unit("32.2", "Verkehr und Verkehrsüberwachung", Some("32"), 2.5, Office, ORDER),
        unit("33", "Bürgerbüro", Some("II"), 3.0, Office, CITIZENS),
        unit("34", "Standesamt", Some("II"), 1.0, Office, REGISTRY),
        unit("37", "Feuerwehr und Bevölkerungsschutz", Some("II"), 2.0, Fire, FIRE),
        unit("40", "Amt für Schule, Sport und Kultur", Some("III"), 3.0, Technical, SCHOOL),
        unit("50", "Sozialamt", Some("III"), 0.4, Social, SOCIAL),
        unit("50.1", "Soziale Leistungen", Some("50"), 2.5, Social, SOCIAL),
        unit("50.2", "Wohnen und Integration", Some("50"), 1.5, Social, SOCIAL),
        unit("51", "Jugendamt", Some("III"), 0.5, Social, SOCIAL),
        unit("51.1", "Kindertagesbetreuung", Some("51"), 14.0, Childcare, CHILDCARE),
        unit("51.2", "Jugendhilfe und Allgemeiner Sozialer Dienst", Some("51"), 3.0, Social, YOUTH),
        unit("60", "Bauamt", Some("IV"), 0.4, Office, OFFICE),
        unit("60.1", "Hochbau und Gebäudemanagement", Some("60"), 3.0, Office, BUILDING),
        unit("60.2", "Tiefbau und Verkehrsflächen", Some("60"), 2.0, Office, BUILDING),
        unit("60.3", "Bauordnung", Some("60"), 1.8, Office, BUILDING),
        unit("61", "Stadtplanung und Umwelt", Some("IV"), 1.5, Office, PLANNING),
        unit("70", "Baubetriebshof", Some("IV"), 10.0, Technical, DEPOT),
    ]
};

// ---------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------

#[rustfmt::skip]
pub(super) const FEMALE_NAMES: &[&str] = &[
    "Anna", "Maria", "Ursula", "Bärbel", "Jana", "Lena", "Sophie", "Marie", "Katharina", "Sabine",
    "Petra", "Monika", "Claudia", "Andrea", "Susanne", "Birgit", "Heike", "Gülay", "Ayşe", "Zeynep",
    "Agnieszka", "Małgorzata", "Joanna", "Renée", "Lea", "Hannah", "Emilia", "Mia", "Charlotte",
    "Käthe", "Jördis", "Maren", "Silke", "Anke", "Dörte", "Franziska", "Julia", "Laura", "Nicole",
    "Stefanie", "Tanja", "Sandra", "Elif", "Irina", "Swetlana", "Ines", "Gisela", "Ingrid", "Hülya",
    "Chloé", "Annegret", "Gesine", "Wiebke", "Svenja", "Kerstin", "Martina", "Nadine", "Melanie",
    "Christiane", "Karin", "Renate", "Jutta", "Elke", "Angelika", "Michaela", "Daniela", "Lisa",
    "Johanna", "Luisa", "Frauke", "Merle", "Greta", "Anne-Kathrin", "Hanna", "Sünje",
];

#[rustfmt::skip]
pub(super) const MALE_NAMES: &[&str] = &[
    "Jürgen", "Sören", "Jörg", "Björn", "Günter", "Hans-Jürgen", "Klaus", "Peter", "Thomas",
    "Michael", "Andreas", "Stefan", "Frank", "Uwe", "Dirk", "Jens", "Lukas", "Jonas", "Leon", "Finn",
    "Paul", "Felix", "Maximilian", "Tobias", "Sebastian", "Matthias", "Kai", "Ömer", "Mehmet",
    "Emre", "Łukasz", "Paweł", "Tomasz", "Dmitri", "Sergej", "René", "André", "Jérôme", "Götz",
    "Ralf", "Horst", "Wolfgang", "Bernd", "Timo", "Niklas", "Yusuf", "Holger", "Carsten",
    "Henning", "Malte", "Till", "Hauke", "Volker", "Rüdiger", "Detlef", "Karl-Heinz", "Markus",
    "Christian", "Daniel", "Alexander", "Florian", "Marcel", "Dennis", "Kevin", "Ole", "Mats",
    "Jan", "Hüseyin", "Çağlar", "Mustafa", "Jörn",
];

/// First names for people who chose no binary form of address.
#[rustfmt::skip]
pub(super) const NEUTRAL_NAMES: &[&str] = &[
    "Kim", "Alex", "Robin", "Sascha", "Charlie", "Toni", "Luca", "Mika", "Eike", "Jona", "Noa", "Sam",
];

/// Common names appear twice, so that namesakes ("Anna Schmidt" twice) occur.
#[rustfmt::skip]
pub(super) const LAST_NAMES: &[&str] = &[
    "Müller", "Müller", "Schmidt", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Meyer",
    "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
    "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
    "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schulze", "Maier",
    "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz",
    "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank",
    "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster",
    "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein",
    "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf",
    "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann",
    "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Niemeyer", "Brinkmann", "Oberbäumer",
    "Stückemann", "Tölke", "Rüter", "Wöhler", "Hölscher", "Büker", "Kleine-Büning",
    "Meier zu Döldissen", "Landwehr", "Sundermeier", "Kruse", "Nolting", "Rohlfing", "Steinkamp",
    "Wehking", "Grotefeld", "Dröge", "Kölling", "Hüsemann", "Lübbert", "Tiemann", "Möhlmann",
    "Schäfers", "Lüdeking", "Thöne", "Blöbaum", "Strüber", "Fröhlich", "Gößling", "Böker",
    "Özdemir", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Doğan", "Arslan", "Nowak",
    "Kowalczyk", "Wójcik", "Nguyen", "Papadopoulos", "Rossi", "Iwanow",
];

#[rustfmt::skip]
pub(super) const TRAINERS: &[&str] = &[
    "Dr. Katrin Böhmer", "Jens Oltmanns", "Sevgi Arslan", "Matthias Überschär", "Frauke Lüdeking",
    "Prof. Dr. Henrik Sauerländer", "Marion Kötter", "Ole Brüggemann", "Dr. Aylin Kaya",
    "Thorsten Wübbeling", "Nina Schäpers", "Christoph Häger", "Britta Mönkemöller",
    "Paweł Nowicki", "Andrea Düsterhöft", "Sven Grüter",
];

/// Notes on an excused absence (the roster's note column; German like the rest of the data).
pub(super) const EXCUSES: &[&str] = &[
    "krankgemeldet",
    "krankgemeldet",
    "dienstlich verhindert",
    "Urlaub",
    "Termin mit dem Bürgermeister",
    "",
];

pub(super) const ABSENT_NOTE: &str = "ohne Abmeldung nicht erschienen";

pub(super) const PARTIAL_NOTES: &[&str] = &[
    "nach der Mittagspause gegangen",
    "kam eine Stunde später",
    "nur am Vormittag",
    "vorzeitig abgebrochen",
    "",
];

// ---------------------------------------------------------------------------------------
// The seminar catalogue
// ---------------------------------------------------------------------------------------

pub(super) const PROVIDER_KRZ: &str = "krz DigiFit-Akademie";
pub(super) const PROVIDER_KAN: &str = "Kommunal Agentur NRW";
pub(super) const PROVIDER_SIWL: &str = "Studieninstitut Westfalen-Lippe";
pub(super) const PROVIDER_UK: &str = "Unfallkasse NRW";

pub(super) const TOPIC_DIGITAL: &str = "Digitale Verwaltung";
pub(super) const TOPIC_CHANGE: &str = "Change Management";
const TOPIC_SECURITY: &str = "IT-Sicherheit";
const TOPIC_PRIVACY: &str = "Datenschutz";
const TOPIC_AGILE: &str = "Agiles Arbeiten";
const TOPIC_FILES: &str = "E-Akte";
const TOPIC_LAW: &str = "Recht und Finanzen";
const TOPIC_TALK: &str = "Kommunikation";
const TOPIC_SAFETY: &str = "Arbeitsschutz";

/// What a seminar is for in the generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Chosen freely.
    General,
    /// Everyone, once a year.
    Mandatory,
    /// A monthly livestream that people watch again and again.
    Series,
    DlCore,
    DlModule,
    DcmCore,
    DcmModule,
}

pub(super) struct SeminarSpec {
    pub code: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub provider: &'static str,
    pub format: SeminarFormat,
    pub hours: f64,
    pub topic: &'static str,
    pub role: Role,
    /// Relative chance of being chosen (and of watching, for a series).
    pub popularity: f64,
    /// Offered from this month of the history (0 = its first month) …
    pub from_month: u32,
    /// … to before this one (33 = the month that ends today, 35 = the end of the plan).
    pub to_month: u32,
    pub archived: bool,
    /// Department code prefixes whose staff choose it more often.
    pub affinity: &'static [&'static str],
}

impl SeminarSpec {
    pub(super) fn input(&self) -> SeminarInput {
        SeminarInput {
            code: self.code.to_owned(),
            title: self.title.to_owned(),
            description: self.description.to_owned(),
            provider: self.provider.to_owned(),
            format: self.format,
            default_hours: self.hours,
            topic: self.topic.to_owned(),
        }
    }
}

/// The indices in [`SEMINARS`] of the seminars with this role, in catalogue order.
pub(super) fn role_seminars(role: Role) -> Vec<usize> {
    SEMINARS
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role == role)
        .map(|(i, _)| i)
        .collect()
}

#[allow(clippy::too_many_arguments)]
const fn seminar(
    code: &'static str,
    title: &'static str,
    description: &'static str,
    provider: &'static str,
    format: SeminarFormat,
    hours: f64,
    topic: &'static str,
    role: Role,
    popularity: f64,
) -> SeminarSpec {
    SeminarSpec {
        code,
        title,
        description,
        provider,
        format,
        hours,
        topic,
        role,
        popularity,
        from_month: 0,
        to_month: PLAN_MONTHS,
        archived: false,
        affinity: &[],
    }
}

/// Offered only in months `from..to` of the plan; archived ones no longer.
const fn offered(mut s: SeminarSpec, from: u32, to: u32, archived: bool) -> SeminarSpec {
    s.from_month = from;
    s.to_month = to;
    s.archived = archived;
    s
}

const fn liked_by(mut s: SeminarSpec, affinity: &'static [&'static str]) -> SeminarSpec {
    s.affinity = affinity;
    s
}

const IN_PERSON: SeminarFormat = SeminarFormat::InPerson;
const WEBINAR: SeminarFormat = SeminarFormat::Webinar;
const ELEARNING: SeminarFormat = SeminarFormat::Elearning;

#[rustfmt::skip]
pub(super) const SEMINARS: &[SeminarSpec] = &[
    // The Digitallots:in path: the basics and five modules.
    seminar("DF-101", "Grundlagen der digitalen Verwaltung",
        "Was Digitalisierung für die Kommune bedeutet: OZG, E-Government-Gesetz NRW, digitale Prozesse und die eigene Rolle im Wandel.",
        PROVIDER_KRZ, IN_PERSON, 8.0, TOPIC_DIGITAL, Role::DlCore, 1.0),
    seminar("DF-102", "Prozesse digital denken: Prozessmanagement in der Verwaltung",
        "Abläufe erheben, modellieren und vereinfachen – bevor sie digitalisiert werden.",
        PROVIDER_KRZ, IN_PERSON, 6.0, TOPIC_DIGITAL, Role::DlModule, 1.0),
    seminar("DF-103", "OZG und digitale Antragsverfahren",
        "Wie Online-Dienste nach dem Onlinezugangsgesetz entstehen und im Fachamt ankommen.",
        PROVIDER_KRZ, WEBINAR, 3.0, TOPIC_DIGITAL, Role::DlModule, 1.0),
    seminar("DF-104", "E-Akte im Arbeitsalltag",
        "Ablegen, finden, mitzeichnen: die elektronische Akte sicher im Alltag nutzen.",
        PROVIDER_KRZ, IN_PERSON, 4.0, TOPIC_FILES, Role::DlModule, 1.0),
    seminar("DF-105", "Digital zusammenarbeiten: Teams, Cloud und Co.",
        "Besprechungen, gemeinsame Dokumente und Chats – mit Regeln, die im Team tragen.",
        PROVIDER_KRZ, WEBINAR, 3.0, TOPIC_DIGITAL, Role::DlModule, 1.0),
    seminar("DF-106", "Datenkompetenz für die Verwaltung",
        "Daten lesen, bewerten und darstellen: vom Bürgerservice bis zum Haushalt.",
        PROVIDER_KRZ, ELEARNING, 4.0, TOPIC_DIGITAL, Role::DlModule, 1.0),
    // Digital administration, chosen freely.
    offered(seminar("DF-110", "KI in der Verwaltung: Chancen und Grenzen",
        "Was generative KI heute kann, was sie nicht darf, und wie man sie verantwortungsvoll einsetzt.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::General, 2.5), HISTORY_MONTHS - 14, PLAN_MONTHS, false),
    seminar("DF-111", "Digitale Barrierefreiheit: Dokumente und Webseiten",
        "Barrierefreie PDF-Dokumente, Formulare und Webseiten nach BITV 2.0.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::General, 1.0),
    liked_by(seminar("DF-112", "E-Rechnung: Empfang und Verarbeitung",
        "Die elektronische Rechnung von XRechnung bis zur Anordnung im Finanzverfahren.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::General, 0.6), &["20", "14", "60"]),
    seminar("DF-113", "Elektronische Signatur und Siegel",
        "Wann eine qualifizierte Signatur nötig ist und wie sie im Verfahren funktioniert.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::General, 0.8),
    seminar("DF-114", "Videokonferenzen souverän leiten",
        "Technik, Moderation und Beteiligung in Online-Besprechungen.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::General, 1.2),
    offered(seminar("DF-115", "Homeoffice und mobiles Arbeiten sicher gestalten",
        "Sicher arbeiten außerhalb des Rathauses: VPN, Bildschirmsperre, Umgang mit Papier.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_SECURITY, Role::General, 1.5), 0, HISTORY_MONTHS - 15, true),
    offered(seminar("DF-116", "Umstieg auf Microsoft 365",
        "Was sich mit der neuen Arbeitsumgebung ändert – von Outlook bis OneDrive.",
        PROVIDER_KRZ, WEBINAR, 3.0, TOPIC_DIGITAL, Role::General, 2.0), 0, HISTORY_MONTHS - 12, true),
    seminar("DF-117", "Office-Grundlagen für den Verwaltungsalltag",
        "Selbstlernkurs: Textverarbeitung, Tabellen und Vorlagen der Stadt sicher nutzen.",
        PROVIDER_KRZ, ELEARNING, 4.0, TOPIC_DIGITAL, Role::General, 1.0),
    seminar("DF-118", "Social Media für die Stadtverwaltung",
        "Wie die Stadt auf Instagram, Facebook und Mastodon informiert – und was dabei zu beachten ist.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::General, 0.7),
    seminar("DF-120", "DigiFit-Impuls: Digitale Mittagspause",
        "Die monatliche Live-Übertragung der DigiFit-Akademie: jeden Monat ein neues Thema der Verwaltungsdigitalisierung, mit Fragerunde.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_DIGITAL, Role::Series, 1.0),
    // The Changemanager:in path.
    seminar("DF-201", "Change Management in der Verwaltung – Grundlagen",
        "Modelle, Phasen und Rollen im Veränderungsprozess; die eigene Haltung als Begleiterin oder Begleiter.",
        PROVIDER_KRZ, IN_PERSON, 8.0, TOPIC_CHANGE, Role::DcmCore, 1.0),
    seminar("DF-202", "Veränderungen kommunizieren",
        "Wer muss wann was wissen? Kommunikationspläne für Veränderungsprojekte.",
        PROVIDER_KRZ, WEBINAR, 4.0, TOPIC_CHANGE, Role::DcmModule, 1.0),
    seminar("DF-203", "Widerstände verstehen und begleiten",
        "Warum Menschen Veränderungen ablehnen – und wie man konstruktiv damit arbeitet.",
        PROVIDER_KRZ, IN_PERSON, 8.0, TOPIC_CHANGE, Role::DcmModule, 1.0),
    seminar("DF-204", "Workshops moderieren – auch digital",
        "Methoden für Workshops vor Ort und online: Ziele, Ablauf, Ergebnissicherung.",
        PROVIDER_KRZ, IN_PERSON, 8.0, TOPIC_CHANGE, Role::DcmModule, 1.0),
    liked_by(seminar("DF-205", "Führen im Wandel",
        "Zweitägiges Seminar für Führungskräfte: Teams durch Veränderungen führen.",
        PROVIDER_KRZ, IN_PERSON, 16.0, TOPIC_CHANGE, Role::General, 0.25), &["I", "II", "III", "IV"]),
    // Information security and data protection.
    seminar("DF-301", "IT-Sicherheit: Awareness-Training (Pflichtschulung)",
        "Die jährliche Pflichtschulung zur Informationssicherheit für alle Beschäftigten.",
        PROVIDER_KRZ, ELEARNING, 2.0, TOPIC_SECURITY, Role::Mandatory, 1.0),
    seminar("DF-302", "Phishing und Social Engineering erkennen",
        "Echte Beispiele aus Kommunalverwaltungen und wie man Angriffe erkennt und meldet.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_SECURITY, Role::General, 1.8),
    seminar("DF-303", "Sichere Passwörter und Passwortmanager",
        "Selbstlernkurs: gute Passwörter, Zwei-Faktor-Anmeldung, der Passwortmanager der Stadt.",
        PROVIDER_KRZ, ELEARNING, 2.0, TOPIC_SECURITY, Role::General, 1.5),
    seminar("DF-304", "Mobile Geräte sicher nutzen",
        "Selbstlernkurs: Diensthandy und Tablet, Apps, Verlust und Fernlöschung.",
        PROVIDER_KRZ, ELEARNING, 2.0, TOPIC_SECURITY, Role::General, 1.0),
    seminar("DF-401", "Datenschutz-Grundschulung (Pflichtschulung)",
        "Die jährliche Pflichtschulung zur DSGVO und zum Datenschutzgesetz NRW.",
        PROVIDER_KRZ, ELEARNING, 2.0, TOPIC_PRIVACY, Role::Mandatory, 1.0),
    liked_by(seminar("DF-402", "Datenschutz im Personalwesen",
        "Personalakten, Bewerbungen, Gesundheitsdaten: was erlaubt ist und was nicht.",
        PROVIDER_KRZ, WEBINAR, 3.0, TOPIC_PRIVACY, Role::General, 0.4), &["10.1", "I"]),
    seminar("DF-403", "Datenschutz im Bürgerkontakt",
        "Auskünfte am Telefon, E-Mails an Bürgerinnen und Bürger, Datenpannen vermeiden.",
        PROVIDER_KRZ, ELEARNING, 2.0, TOPIC_PRIVACY, Role::General, 1.2),
    // Agile work and the e-file.
    seminar("DF-501", "Agile Methoden: Scrum und Kanban im Verwaltungsalltag",
        "Agile Werkzeuge ausprobieren und für die eigene Arbeit anpassen.",
        PROVIDER_KRZ, IN_PERSON, 8.0, TOPIC_AGILE, Role::DcmModule, 1.0),
    seminar("DF-502", "Design Thinking für die Verwaltung",
        "Verwaltungsleistungen aus Sicht der Nutzerinnen und Nutzer neu denken.",
        PROVIDER_KRZ, IN_PERSON, 6.0, TOPIC_AGILE, Role::General, 0.6),
    offered(seminar("DF-503", "Agil führen – Impulse",
        "Kurzimpuls: was agile Führung im Amt bedeutet.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_AGILE, Role::General, 1.0), HISTORY_MONTHS - 18, PLAN_MONTHS, false),
    seminar("DF-601", "E-Akte für Fortgeschrittene: Workflows und Vertretungen",
        "Laufwege, Vertretungsregeln und Aktenpläne in der E-Akte einrichten.",
        PROVIDER_KRZ, WEBINAR, 2.0, TOPIC_FILES, Role::General, 1.0),
    seminar("DF-602", "E-Akte: Einstieg im Selbstlernkurs",
        "Die wichtigsten Funktionen der E-Akte in kurzen Lerneinheiten.",
        PROVIDER_KRZ, ELEARNING, 2.0, TOPIC_FILES, Role::General, 1.5),
    // Other providers.
    liked_by(seminar("KAN-01", "Vergaberecht kompakt",
        "Unterschwellenvergabe, Wertgrenzen NRW und die E-Vergabe.",
        PROVIDER_KAN, IN_PERSON, 8.0, TOPIC_LAW, Role::General, 0.4), &["20", "60", "70", "10.2"]),
    liked_by(seminar("KAN-02", "NKF: Jahresabschluss und Gesamtabschluss",
        "Der Jahresabschluss im Neuen Kommunalen Finanzmanagement, Schritt für Schritt.",
        PROVIDER_KAN, WEBINAR, 4.0, TOPIC_LAW, Role::General, 0.2), &["20", "14"]),
    liked_by(seminar("KAN-03", "Fördermittel digital beantragen",
        "Förderprogramme von Land und Bund finden und über die Förderportale beantragen.",
        PROVIDER_KAN, WEBINAR, 2.0, TOPIC_LAW, Role::General, 0.4), &["20", "61", "10.3", "40"]),
    liked_by(seminar("SIWL-01", "Bürgerorientierte Kommunikation am Telefon und am Schalter",
        "Freundlich, klar und verbindlich – auch wenn es schwierig wird.",
        PROVIDER_SIWL, IN_PERSON, 8.0, TOPIC_TALK, Role::General, 0.6), &["33", "32", "34", "50"]),
    liked_by(seminar("SIWL-02", "Konfliktmanagement im Bürgerkontakt",
        "Deeskalation und Eigenschutz im Publikumsverkehr.",
        PROVIDER_SIWL, IN_PERSON, 8.0, TOPIC_TALK, Role::General, 0.5), &["33", "32", "50", "51.2"]),
    seminar("SIWL-03", "Verwaltungsrecht kompakt",
        "Selbstlernkurs: Verwaltungsakt, Anhörung, Widerspruch und Fristen.",
        PROVIDER_SIWL, ELEARNING, 6.0, TOPIC_LAW, Role::General, 0.8),
    seminar("SIWL-04", "Zeit- und Selbstmanagement",
        "Prioritäten setzen, E-Mail-Flut bändigen, konzentriert arbeiten.",
        PROVIDER_SIWL, WEBINAR, 3.0, TOPIC_TALK, Role::General, 1.2),
    seminar("SIWL-05", "Kommunales Haushaltsrecht – Einführung",
        "Selbstlernkurs: Haushaltsplan, Budgets und Haushaltsgrundsätze der Gemeindeordnung NRW.",
        PROVIDER_SIWL, ELEARNING, 4.0, TOPIC_LAW, Role::General, 0.6),
    seminar("SIWL-06", "Verständlich schreiben: Bürgerbriefe und Bescheide",
        "Selbstlernkurs: klare, freundliche und rechtssichere Schreiben.",
        PROVIDER_SIWL, ELEARNING, 3.0, TOPIC_TALK, Role::General, 1.0),
    seminar("UK-01", "Arbeitsschutz-Unterweisung (jährlich)",
        "Die jährliche Unterweisung zu Arbeitssicherheit, Brandschutz und Erster Hilfe.",
        PROVIDER_UK, ELEARNING, 2.0, TOPIC_SAFETY, Role::Mandatory, 1.0),
    seminar("UK-02", "Gesund am Bildschirmarbeitsplatz",
        "Selbstlernkurs: Ergonomie, Pausen und Augen – im Büro und im Homeoffice.",
        PROVIDER_UK, ELEARNING, 2.0, TOPIC_SAFETY, Role::General, 1.0),
];
