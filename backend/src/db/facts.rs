//! The statistics' fact table (migration 0011): a completion's coded
//! answers, one row each, written in the completion's transaction; and the
//! counts that the statistics read (migration 0016), added to in that
//! same transaction.

use std::collections::BTreeMap;

use kartlegg_shared::statistics::COMPLETION_QUESTION;
use uuid::Uuid;

use super::CompletionFacts;

/// The key of one row of `statistics_counts`: organisation (nil for every
/// organisation), question, month, code, age band, gender.
pub(super) type CountKey = (Uuid, String, String, String, &'static str, &'static str);

/// What completions add to `statistics_counts`, one entry per row, in key
/// order. Each completion counts once under its organisation and once
/// under the nil id (every organisation together), for the completion
/// itself (question `_registration`, its ISO week as the code) and for each
/// of its codes. In key order, so that two transactions adding to the same
/// rows take their locks in the same order and cannot deadlock
/// (PostgreSQL); summed per key, so that one statement never touches a row
/// twice (PostgreSQL refuses that in one `ON CONFLICT` insert).
pub(super) fn count_rows<'a>(
    completions: impl IntoIterator<Item = &'a CompletionFacts>,
) -> Vec<(CountKey, i64)> {
    let mut rows: BTreeMap<CountKey, i64> = BTreeMap::new();
    for f in completions {
        let gender = f.gender.map_or("unknown", |g| g.as_str());
        let completion = (COMPLETION_QUESTION.to_owned(), f.week.clone());
        for (question, code) in std::iter::once(&completion).chain(&f.codes) {
            for organisation in [f.organisation_id, Uuid::nil()] {
                let key = (
                    organisation,
                    question.clone(),
                    f.month.clone(),
                    code.clone(),
                    f.age_band.as_str(),
                    gender,
                );
                *rows.entry(key).or_insert(0) += 1;
            }
        }
    }
    rows.into_iter().collect()
}

/// Adds `rows` (from [`count_rows`]) to `statistics_counts` in `tx`, 100
/// rows a statement.
macro_rules! add_counts {
    ($d:path, $tx:expr, $rows:expr) => {{
        let rows: &[(crate::db::facts::CountKey, i64)] = $rows;
        for chunk in rows.chunks(100) {
            let values = vec!["(?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
            let sql = $d
                .sql(&format!(
                    "INSERT INTO statistics_counts (organisation_id, question, completed_month, \
                     code, age_band, gender, registrations) VALUES {values} \
                     ON CONFLICT (organisation_id, question, completed_month, code, age_band, gender) \
                     DO UPDATE SET registrations = statistics_counts.registrations + excluded.registrations"
                ))
                .into_owned();
            let mut query = sqlx::query(&sql);
            for ((organisation, question, month, code, age_band, gender), n) in chunk {
                query = query
                    .bind(*organisation)
                    .bind(question)
                    .bind(month)
                    .bind(code)
                    .bind(*age_band)
                    .bind(*gender)
                    .bind(*n);
            }
            query.execute(&mut *$tx).await?;
        }
    }};
}

/// Inserts `facts` for the registration `registration_id` in `tx`: the
/// completion row, then one row per (question, code), one statement per
/// 100 rows (a registration has a few dozen); and adds them to the counts.
macro_rules! insert_facts {
    ($d:path, $tx:expr, $registration_id:expr, $facts:expr) => {{
        let facts: &crate::db::CompletionFacts = $facts;
        let gender = facts.gender.map_or("unknown", |g| g.as_str());
        let completion = (
            kartlegg_shared::statistics::COMPLETION_QUESTION.to_owned(),
            "completed".to_owned(),
        );
        let rows: Vec<&(String, String)> =
            std::iter::once(&completion).chain(&facts.codes).collect();
        for chunk in rows.chunks(100) {
            let values = vec!["(?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
            let sql = $d
                .sql(&format!(
                    "INSERT INTO registration_facts (registration_id, organisation_id, \
                 completed_month, completed_week, age_band, gender, question, code) VALUES {values}"
                ))
                .into_owned();
            let mut query = sqlx::query(&sql);
            for (question, code) in chunk {
                query = query
                    .bind($registration_id)
                    .bind(facts.organisation_id)
                    .bind(&facts.month)
                    .bind(&facts.week)
                    .bind(facts.age_band.as_str())
                    .bind(gender)
                    .bind(question)
                    .bind(code);
            }
            query.execute(&mut *$tx).await?;
        }
        crate::db::facts::add_counts!($d, $tx, &crate::db::facts::count_rows([facts]));
    }};
}

pub(super) use {add_counts, insert_facts};

#[cfg(test)]
mod tests {
    use kartlegg_shared::statistics::AgeBand;

    use super::*;

    #[test]
    fn a_completion_counts_once_under_its_organisation_and_once_under_all() {
        let org = Uuid::new_v4();
        let facts = |codes: &[(&str, &str)]| CompletionFacts {
            organisation_id: org,
            month: "2026-05".into(),
            week: "2026-W21".into(),
            age_band: AgeBand::From25To34,
            gender: None,
            codes: codes
                .iter()
                .map(|(q, c)| ((*q).to_owned(), (*c).to_owned()))
                .collect(),
        };
        let a = facts(&[("mother_tongue", "som")]);
        let b = facts(&[("mother_tongue", "som"), ("devices", "phone")]);
        let rows = count_rows([&a, &b]);
        let n = |org: Uuid, question: &str, code: &str| {
            rows.iter()
                .find(|((o, q, _, c, _, _), _)| *o == org && q == question && c == code)
                .map(|(_, n)| *n)
        };
        assert_eq!(n(org, "mother_tongue", "som"), Some(2));
        assert_eq!(n(Uuid::nil(), "mother_tongue", "som"), Some(2));
        assert_eq!(n(org, COMPLETION_QUESTION, "2026-W21"), Some(2));
        assert_eq!(n(Uuid::nil(), "devices", "phone"), Some(1));
        assert_eq!(rows.len(), 6);
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "in key order");
    }
}
