//! Statistics over completed registrations, with the small-cell rule of
//! `shared::statistics` applied before anything leaves the server: a count
//! of one to four registrations is never sent, nor one that the shown
//! counts and total would give back, and a filter that selects fewer than
//! five registrations answers "too few to show".

use kartlegg_shared::questionnaire::{AnswerKind, shipped_v1};
use kartlegg_shared::statistics::{
    CompletionSeries, Distribution, ShownCount, UNANSWERED, is_derived, suppress_line,
    suppress_overlapping,
};

use crate::AppState;
use crate::db::{FactFilter, Period};
use crate::error::ApiError;

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The registrations a filter selects.
async fn population(state: &AppState, filter: &FactFilter) -> Result<u64, ApiError> {
    let completed = state
        .store
        .completions_per_period(Period::Month, filter)
        .await?;
    Ok(completed.iter().map(|(_, n)| count(*n)).sum())
}

/// The distribution of a coded question's answers, or of a derived figure
/// (`highest_education`); 404 for a question the questionnaire does not
/// have or that has no codes.
pub async fn distribution(
    state: &AppState,
    question: &str,
    filter: &FactFilter,
) -> Result<Distribution, ApiError> {
    // A derived figure has one code per registration at most; a group's
    // question (`jobs.occupation`) can be answered once per entry, and a
    // multiple choice with several options.
    let several = if is_derived(question) {
        false
    } else {
        let asked = shipped_v1().question(question).ok_or(ApiError::NotFound)?;
        let coded = !asked.answer.options().is_empty() || asked.answer.list().is_some();
        if !coded {
            return Err(ApiError::NotFound);
        }
        question.contains('.') || matches!(asked.answer, AnswerKind::MultipleChoice { .. })
    };
    let registrations = population(state, filter).await?;
    let counts = state.store.code_counts(question, filter).await?;
    let too_few = Distribution {
        question: question.to_owned(),
        too_few: true,
        registrations: None,
        several_per_registration: several,
        counts: Vec::new(),
    };
    let mut keys: Vec<String> = counts.iter().map(|(k, _)| k.clone()).collect();
    let mut values: Vec<u64> = counts.iter().map(|(_, n)| count(*n)).collect();
    let shown = if several {
        suppress_overlapping(&values, registrations)
    } else {
        // One code per registration at most: with those who did not
        // answer, the counts add up to the registrations shown, and are
        // protected as one line with that total.
        let answered: u64 = values.iter().sum();
        keys.push(UNANSWERED.to_owned());
        values.push(registrations.saturating_sub(answered));
        suppress_line(&values)
    };
    let Ok(shown) = shown else {
        return Ok(too_few);
    };
    if registrations < kartlegg_shared::statistics::MIN_CELL {
        return Ok(too_few);
    }
    Ok(Distribution {
        question: question.to_owned(),
        too_few: false,
        registrations: Some(registrations),
        several_per_registration: several,
        counts: keys
            .into_iter()
            .zip(shown)
            .map(|(key, count)| ShownCount { key, count })
            .collect(),
    })
}

/// Completed registrations per month or ISO week.
pub async fn completions(
    state: &AppState,
    period: Period,
    filter: &FactFilter,
) -> Result<CompletionSeries, ApiError> {
    let per_period = state.store.completions_per_period(period, filter).await?;
    let values: Vec<u64> = per_period.iter().map(|(_, n)| count(*n)).collect();
    let total: u64 = values.iter().sum();
    match suppress_line(&values) {
        Ok(shown) if total >= kartlegg_shared::statistics::MIN_CELL || total == 0 => {
            Ok(CompletionSeries {
                too_few: false,
                total: Some(total),
                counts: per_period
                    .into_iter()
                    .zip(shown)
                    .map(|((key, _), count)| ShownCount { key, count })
                    .collect(),
            })
        }
        _ => Ok(CompletionSeries {
            too_few: true,
            total: None,
            counts: Vec::new(),
        }),
    }
}
