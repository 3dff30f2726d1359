//! The statistics' fact table (migration 0011): a completion's coded
//! answers, one row each, written in the completion's transaction.

/// Inserts `facts` for the registration `registration_id` in `tx`: the
/// completion row, then one row per (question, code). One statement per
/// 100 rows (a registration has a few dozen).
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
    }};
}

pub(super) use insert_facts;
