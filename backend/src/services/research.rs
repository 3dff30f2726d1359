//! The anonymised research extract (issue #16, item 5): one row per
//! completed registration for the directorate, with no direct identifier
//! and k-anonymity on the quasi-identifiers.
//!
//! Seed 001 (IMDi's rules for disclosing data to researchers) quotes GDPR
//! art. 5 (1): data may be processed further for research only in ways not
//! incompatible with the purpose it was collected for ("formålsbegrensning"),
//! and must be limited to what is needed ("dataminimering"); anonymised data
//! is preferred, anonymised meaning that no one can be identified "hverken
//! direkte eller indirekte". So the extract holds:
//!
//! - no direct identifier: no DUF-number, name, national ID, date of birth,
//!   address, registration or person id; the organisation only as a
//!   municipality; the completion only as a year;
//! - the quasi-identifiers (birth year in five-year bands, gender, country
//!   background, municipality, mother tongue) generalised step by step, and
//!   rows of the few groups still smaller than [`K`] suppressed, so that
//!   every combination in the file is shared by at least [`K`] rows;
//! - the coded answers (codes of ISO 639, ISO 3166, ISCED, ISCO, licence
//!   classes and the questionnaire's own options), never free text, and not
//!   the answers that repeat a quasi-identifier in another form (the
//!   interpreter language, the country of a school, a job or a licence),
//!   which would undo its generalisation.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Utc};
use kartlegg_shared::caseworker::{AuditAction, Gender};
use kartlegg_shared::codes::CodeListId;
use kartlegg_shared::questionnaire::{Question, Questionnaire};
use kartlegg_shared::statistics::coded_answers;

use crate::audit::AuditLog;
use crate::back_office::csv_line;
use crate::db::{NewAuditEvent, OrganisationKind, ResearchSource, Store, StoreError};

/// Every combination of quasi-identifiers in an extract is shared by at
/// least this many rows.
pub const K: usize = 5;

/// At most this share of rows (1 in 20) may be suppressed instead of
/// generalising further: a few outliers should not blur everyone's data.
const SUPPRESSION_BUDGET_DIVISOR: usize = 20;

/// The quasi-identifiers, in the file's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qi {
    BirthYear,
    Gender,
    CountryBackground,
    Municipality,
    MotherTongue,
}

impl Qi {
    pub const ALL: [Qi; 5] = [
        Qi::BirthYear,
        Qi::Gender,
        Qi::CountryBackground,
        Qi::Municipality,
        Qi::MotherTongue,
    ];

    /// The column's name in the file.
    pub const fn column(self) -> &'static str {
        match self {
            Self::BirthYear => "birth_year_band",
            Self::Gender => "gender",
            Self::CountryBackground => "country_background",
            Self::Municipality => "municipality",
            Self::MotherTongue => "mother_tongue",
        }
    }

    /// The most general level: every value is `*`.
    const fn top(self) -> u8 {
        match self {
            // 5 years, 10, 20, then `*`.
            Self::BirthYear => 3,
            // Number, county (the first two digits), then `*`.
            Self::Municipality => 2,
            Self::Gender | Self::CountryBackground | Self::MotherTongue => 1,
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// What is known about one completed registration before anonymising.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Raw {
    pub birth_year: Option<i32>,
    /// `male` or `female`.
    pub gender: Option<String>,
    /// ISO 3166 alpha-3.
    pub country_background: Option<String>,
    /// The municipality number, when the organisation is a municipality.
    pub municipality: Option<String>,
    /// ISO 639-3.
    pub mother_tongue: Option<String>,
    pub completed_year: i32,
    /// The other coded answers, by question.
    pub codes: BTreeMap<String, BTreeSet<String>>,
}

/// The value written for "not known".
pub const UNKNOWN: &str = "unknown";
/// The value of a quasi-identifier generalised away.
pub const ANY: &str = "*";

/// `raw`'s value of `qi` at generalisation `level`.
pub fn generalise(qi: Qi, level: u8, raw: &Raw) -> String {
    if level >= qi.top() {
        return ANY.to_owned();
    }
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| UNKNOWN.to_owned());
    match qi {
        Qi::BirthYear => raw.birth_year.map_or_else(
            || UNKNOWN.to_owned(),
            |year| {
                let width = 5 << level;
                let start = year.div_euclid(width) * width;
                format!("{start}-{}", start + width - 1)
            },
        ),
        Qi::Municipality => match (&raw.municipality, level) {
            (Some(number), 1) => format!("{}xx", number.get(..2).unwrap_or(number)),
            (m, _) => text(m),
        },
        Qi::Gender => text(&raw.gender),
        Qi::CountryBackground => text(&raw.country_background),
        Qi::MotherTongue => text(&raw.mother_tongue),
    }
}

/// The result: the level of each quasi-identifier, and for each row kept,
/// its index in the input and its quasi-identifiers at those levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anonymised {
    pub levels: [u8; 5],
    pub rows: Vec<(usize, [String; 5])>,
    /// Rows left out because their group stayed under [`K`].
    pub suppressed: usize,
}

/// Generalises the quasi-identifiers globally, one step of one of them at
/// a time (the one with the most distinct values, as Sweeney's Datafly
/// does), until the rows in groups smaller than `k` fit the suppression
/// budget, and then leaves those rows out. Every group of the result has
/// at least `k` rows, whatever the input: at the top level all rows form
/// one group, which is kept only if it has `k`.
pub fn anonymise(rows: &[Raw], k: usize) -> Anonymised {
    let budget = rows.len() / SUPPRESSION_BUDGET_DIVISOR;
    let mut levels = [0u8; 5];
    loop {
        let keyed: Vec<[String; 5]> = rows
            .iter()
            .map(|r| Qi::ALL.map(|qi| generalise(qi, levels[qi.index()], r)))
            .collect();
        let mut sizes: HashMap<&[String; 5], usize> = HashMap::new();
        for key in &keyed {
            *sizes.entry(key).or_default() += 1;
        }
        let small: usize = sizes.values().filter(|&&n| n < k).sum();
        let next = Qi::ALL
            .into_iter()
            .filter(|qi| levels[qi.index()] < qi.top())
            .max_by_key(|qi| {
                let distinct: BTreeSet<&String> =
                    keyed.iter().map(|key| &key[qi.index()]).collect();
                // Ties go to the earlier column: the birth year first.
                (distinct.len(), std::cmp::Reverse(qi.index()))
            });
        match next {
            Some(qi) if small > budget => levels[qi.index()] += 1,
            _ => {
                let kept: Vec<(usize, [String; 5])> = keyed
                    .iter()
                    .enumerate()
                    .filter(|(_, key)| sizes[key] >= k)
                    .map(|(i, key)| (i, key.clone()))
                    .collect();
                return Anonymised {
                    levels,
                    suppressed: rows.len() - kept.len(),
                    rows: kept,
                };
            }
        }
    }
}

/// Answers left out of the extract besides free text: the two that are
/// quasi-identifiers (they have their own columns), and those that name a
/// country or the interpreter's language, which would undo the
/// generalisation of the country background and the mother tongue.
pub const LEFT_OUT: [&str; 3] = [
    "mother_tongue",
    "country_background",
    "interpreter_language",
];

/// Whether the answers to `question` (under `column`) stay out of the
/// extract: see [`LEFT_OUT`]; every answer from the country list too.
fn left_out(column: &str, question: &Question) -> bool {
    LEFT_OUT.contains(&column)
        || question
            .answer
            .list()
            .is_some_and(|(list, _)| list == CodeListId::Countries)
}

/// The coded columns of the extract, in questionnaire order, with the
/// question they come from: every question whose answers are codes
/// (options or a code list), a repeatable group's as `group.question`,
/// except those [`left_out`].
pub fn coded_columns(questionnaire: &Questionnaire) -> Vec<(String, &Question)> {
    fn coded(q: &Question) -> bool {
        !q.answer.options().is_empty() || q.answer.list().is_some()
    }
    let mut out = Vec::new();
    for question in questionnaire.sections.iter().flat_map(|s| &s.questions) {
        if let Some(inner) = question.answer.group_questions() {
            for q in inner.iter().filter(|q| coded(q)) {
                let column = format!("{}.{}", question.id, q.id);
                if !left_out(&column, q) {
                    out.push((column, q));
                }
            }
        } else if coded(question) && !left_out(&question.id, question) {
            out.push((question.id.clone(), question));
        }
    }
    out
}

/// What the extract knows of a completed registration: the birth year, not
/// the date; the organisation only when it is a municipality.
pub fn raw_of(source: &ResearchSource, questionnaire: &Questionnaire) -> Raw {
    let mut codes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (question, code) in coded_answers(questionnaire, &source.answers) {
        codes.entry(question).or_default().insert(code);
    }
    let first = |q: &str| codes.get(q).and_then(|c| c.iter().next().cloned());
    Raw {
        birth_year: source.birth_year,
        gender: source.gender.map(|g| match g {
            Gender::Male => "male".to_owned(),
            Gender::Female => "female".to_owned(),
        }),
        country_background: first("country_background"),
        municipality: (source.organisation_kind == OrganisationKind::Municipality)
            .then(|| source.organisation_number.clone()),
        mother_tongue: first("mother_tongue"),
        completed_year: source.completed_at.year(),
        codes,
    }
}

/// An extract: the CSV, its data dictionary (Markdown), and what was done
/// to make it anonymous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extract {
    pub csv: String,
    pub dictionary: String,
    pub rows: usize,
    pub suppressed: usize,
    pub levels: [u8; 5],
}

/// Makes the extract of these registrations (completed from `from` to
/// `to`, both days included).
pub fn build(
    sources: &[ResearchSource],
    questionnaire: &Questionnaire,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Extract {
    let raws: Vec<Raw> = sources.iter().map(|s| raw_of(s, questionnaire)).collect();
    let result = anonymise(&raws, K);
    let columns = coded_columns(questionnaire);
    let mut header: Vec<&str> = Qi::ALL.iter().map(|qi| qi.column()).collect();
    header.push("completed_year");
    header.extend(columns.iter().map(|(c, _)| c.as_str()));
    let mut csv = csv_line(&header);
    // Sorted by their values, not by completion, whose order could be
    // matched against other records.
    let mut lines: Vec<String> = result
        .rows
        .iter()
        .map(|(i, qis)| {
            let raw = &raws[*i];
            let mut values: Vec<String> = qis.to_vec();
            values.push(raw.completed_year.to_string());
            for (column, _) in &columns {
                values.push(
                    raw.codes
                        .get(column)
                        .map(|c| c.iter().cloned().collect::<Vec<_>>().join(";"))
                        .unwrap_or_default(),
                );
            }
            csv_line(&values.iter().map(String::as_str).collect::<Vec<_>>())
        })
        .collect();
    lines.sort();
    csv.extend(lines);
    let dictionary = dictionary(&result, &columns, from, to);
    Extract {
        csv,
        dictionary,
        rows: result.rows.len(),
        suppressed: result.suppressed,
        levels: result.levels,
    }
}

fn dictionary(
    result: &Anonymised,
    columns: &[(String, &Question)],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> String {
    let level = |qi: Qi| match (qi, result.levels[qi.index()]) {
        (_, l) if l >= qi.top() => "removed (`*` in every row)",
        (Qi::BirthYear, 0) => "five-year bands",
        (Qi::BirthYear, 1) => "ten-year bands",
        (Qi::BirthYear, _) => "twenty-year bands",
        (Qi::Municipality, 1) => "county (first two digits, `03xx`)",
        _ => "as registered",
    };
    let mut d = String::new();
    let _ = writeln!(d, "# Kartlegg research extract: data dictionary\n");
    let _ = writeln!(
        d,
        "Registrations completed from {from} to {to} (both included). One row per completed \
         registration, {} rows; {} rows left out because their combination of \
         quasi-identifiers stayed shared by fewer than {K}. Every combination of the first \
         five columns in the file is shared by at least {K} rows (k-anonymity, k = {K}).\n",
        result.rows.len(),
        result.suppressed
    );
    let _ = writeln!(
        d,
        "No direct identifier is included: no DUF-number, name, national ID, date of birth, \
         address, registration or person id. Rows are sorted by their values. `unknown`: not \
         registered; `*`: generalised away; several codes are separated by `;`. Free-text \
         answers are never included, nor answers that would repeat a quasi-identifier ({} \
         and every answer naming a country).\n",
        LEFT_OUT.join(", ")
    );
    let _ = writeln!(
        d,
        "Purpose limitation and data minimisation (seed 001, GDPR art. 5 (1) b and c): use \
         this file only for the research or statistics it was disclosed for, and keep only \
         what that needs.\n"
    );
    let _ = writeln!(d, "| column | meaning | values |\n| --- | --- | --- |");
    let qi_rows = [
        (Qi::BirthYear, "Year of birth", "`1985-1989`"),
        (Qi::Gender, "Gender", "`male`, `female`"),
        (
            Qi::CountryBackground,
            "Country background (the applicant's answer)",
            "ISO 3166-1 alpha-3",
        ),
        (
            Qi::Municipality,
            "The municipality that follows the person up; `unknown` when a reception centre \
             does",
            "municipality number",
        ),
        (
            Qi::MotherTongue,
            "Mother tongue (the applicant's answer)",
            "ISO 639-3",
        ),
    ];
    for (qi, meaning, values) in qi_rows {
        let _ = writeln!(
            d,
            "| `{}` | {meaning}; quasi-identifier, {} | {values} |",
            qi.column(),
            level(qi)
        );
    }
    let _ = writeln!(
        d,
        "| `completed_year` | Year the registration was completed | `2026` |"
    );
    for (column, question) in columns {
        let values = match question.answer.list() {
            Some((list, _)) => format!("codes of the list `{}`", list.name()),
            None => question
                .answer
                .options()
                .iter()
                .map(|o| format!("`{}`", o.code))
                .collect::<Vec<_>>()
                .join(", "),
        };
        let _ = writeln!(
            d,
            "| `{column}` | {} | {values} |",
            question.text.get("en").replace('|', "/")
        );
    }
    d
}

/// Reads the registrations completed from `from` to `to` (both days
/// included), makes the extract and records it in the audit log (who: the
/// operator; what: the period and how many rows, no person).
pub async fn extract(
    store: &dyn Store,
    audit: &AuditLog,
    questionnaire: &Questionnaire,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<Extract, StoreError> {
    let start = from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let end = to
        .succ_opt()
        .unwrap_or(to)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let sources = store.completed_between(start, end).await?;
    let extract = build(&sources, questionnaire, from, to);
    audit
        .append(
            store,
            &[NewAuditEvent {
                at: now,
                actor_id: None,
                actor: "operator".to_owned(),
                organisation_id: None,
                action: AuditAction::ResearchExtract,
                person_id: None,
                person_organisation_id: None,
                registration_id: None,
                fields: vec![
                    format!("period:{from}..{to}"),
                    format!("rows:{}", extract.rows),
                    format!("suppressed:{}", extract.suppressed),
                ],
                reason: Some("Anonymised research extract for the directorate".to_owned()),
                client_address: None,
                request_id: None,
            }],
        )
        .await?;
    Ok(extract)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(year: i32, gender: &str, country: &str, municipality: &str, tongue: &str) -> Raw {
        Raw {
            birth_year: Some(year),
            gender: Some(gender.into()),
            country_background: Some(country.into()),
            municipality: Some(municipality.into()),
            mother_tongue: Some(tongue.into()),
            completed_year: 2026,
            codes: BTreeMap::new(),
        }
    }

    /// Every combination of quasi-identifiers in the result is shared by at
    /// least `k` rows.
    fn assert_k_anonymous(result: &Anonymised, k: usize) {
        let mut sizes: HashMap<&[String; 5], usize> = HashMap::new();
        for (_, key) in &result.rows {
            *sizes.entry(key).or_default() += 1;
        }
        assert!(
            sizes.values().all(|&n| n >= k),
            "groups under {k}: {sizes:?}"
        );
    }

    #[test]
    fn birth_years_go_in_bands_that_widen_and_municipalities_become_counties() {
        let r = raw(1987, "female", "ERI", "0301", "tir");
        assert_eq!(generalise(Qi::BirthYear, 0, &r), "1985-1989");
        assert_eq!(generalise(Qi::BirthYear, 1, &r), "1980-1989");
        assert_eq!(generalise(Qi::BirthYear, 2, &r), "1980-1999");
        assert_eq!(generalise(Qi::BirthYear, 3, &r), "*");
        assert_eq!(generalise(Qi::Municipality, 0, &r), "0301");
        assert_eq!(generalise(Qi::Municipality, 1, &r), "03xx");
        assert_eq!(generalise(Qi::Municipality, 2, &r), "*");
        assert_eq!(generalise(Qi::Gender, 1, &r), "*");
        assert_eq!(generalise(Qi::MotherTongue, 0, &Raw::default()), UNKNOWN);
    }

    #[test]
    fn groups_of_five_or_more_are_kept_as_they_are() {
        let rows: Vec<Raw> = (0..10)
            .map(|i| raw(1990 + i % 2, "male", "SYR", "4601", "ara"))
            .collect();
        let result = anonymise(&rows, K);
        assert_eq!(result.levels, [0; 5]);
        assert_eq!(result.suppressed, 0);
        assert_eq!(result.rows.len(), 10);
        assert_eq!(result.rows[0].1[0], "1990-1994");
    }

    #[test]
    fn one_outlier_within_the_budget_is_suppressed_not_generalised() {
        let mut rows: Vec<Raw> = (0..20)
            .map(|_| raw(1990, "male", "SYR", "4601", "ara"))
            .collect();
        rows.push(raw(1950, "female", "AFG", "0301", "prs"));
        let result = anonymise(&rows, K);
        assert_eq!(result.levels, [0; 5]);
        assert_eq!(result.suppressed, 1);
        assert!(result.rows.iter().all(|(i, _)| *i < 20));
        assert_k_anonymous(&result, K);
    }

    #[test]
    fn small_groups_are_generalised_until_they_reach_five() {
        // Two or three in each five-year band, six in each ten-year band.
        let rows: Vec<Raw> = [
            1980, 1981, 1986, 1987, 1988, 1984, 1990, 1991, 1995, 1996, 1997, 1993,
        ]
        .into_iter()
        .map(|year| raw(year, "female", "ERI", "0301", "tir"))
        .collect();
        let result = anonymise(&rows, K);
        assert_eq!(result.levels, [1, 0, 0, 0, 0]);
        assert_eq!(result.suppressed, 0);
        assert_k_anonymous(&result, K);
        let bands: BTreeSet<&str> = result.rows.iter().map(|(_, k)| k[0].as_str()).collect();
        assert_eq!(bands, BTreeSet::from(["1980-1989", "1990-1999"]));
    }

    #[test]
    fn municipalities_become_counties_before_anything_is_lost() {
        // Five municipalities of one county, two people in each.
        let rows: Vec<Raw> = ["0301", "0302", "0303", "0304", "0305"]
            .into_iter()
            .flat_map(|m| {
                [
                    raw(1990, "male", "SYR", m, "ara"),
                    raw(1990, "male", "SYR", m, "ara"),
                ]
            })
            .collect();
        let result = anonymise(&rows, K);
        assert_eq!(result.levels, [0, 0, 0, 1, 0]);
        assert_eq!(result.suppressed, 0);
        assert!(result.rows.iter().all(|(_, k)| k[3] == "03xx"));
    }

    #[test]
    fn fewer_than_five_registrations_give_an_empty_extract() {
        let rows: Vec<Raw> = (0..4)
            .map(|_| raw(1990, "male", "SYR", "4601", "ara"))
            .collect();
        let result = anonymise(&rows, K);
        assert!(result.rows.is_empty());
        assert_eq!(result.suppressed, 4);
        assert!(anonymise(&[], K).rows.is_empty());
    }

    #[test]
    fn any_input_comes_out_five_anonymous() {
        // A small deterministic generator: varied data without a crate.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let countries = ["SYR", "ERI", "AFG", "UKR", "SOM", "COD", "IRQ"];
        let tongues = ["ara", "tir", "prs", "ukr", "som", "lin", "kmr", "eng"];
        for size in [0, 3, 7, 40, 300] {
            let rows: Vec<Raw> = (0..size)
                .map(|_| Raw {
                    birth_year: (next(10) > 0).then(|| 1950 + next(55) as i32),
                    gender: (next(10) > 0).then(|| ["male", "female"][next(2) as usize].into()),
                    country_background: Some(countries[next(7) as usize].into()),
                    municipality: (next(4) > 0)
                        .then(|| format!("{:02}{:02}", 3 + next(4), 1 + next(12))),
                    mother_tongue: Some(tongues[next(8) as usize].into()),
                    completed_year: 2026,
                    codes: BTreeMap::new(),
                })
                .collect();
            let result = anonymise(&rows, K);
            assert_k_anonymous(&result, K);
            assert_eq!(result.rows.len() + result.suppressed, size);
            if size >= 40 {
                assert!(result.suppressed <= size / 20, "{size}: {result:?}");
            }
        }
    }
}
