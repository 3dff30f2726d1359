//! Small-cell suppression: the one rule that decides which counts of people
//! may be shown. Statistics never show a count under [`MIN_CELL`] people
//! (primary suppression), and never leave one recoverable from what is
//! shown (secondary suppression): where a line of cells has a published
//! total (a row or a column, or the one line of a distribution), either no
//! cell of it is hidden, or at least two are and together they hold at
//! least [`MIN_CELL`] people, so that subtracting the shown cells from the
//! total leaves a sum that no longer singles anyone out. A population
//! under [`MIN_CELL`] is not described at all ([`TooFew`]).
//!
//! Zero is shown: a cell of nobody describes nobody. The rule lives here,
//! in the shared crate, so that the server applies it before anything is
//! sent and the browser never receives a hidden count.

use serde::{Deserialize, Serialize};

use crate::questionnaire::{AnswerValue, Answers, Question, Questionnaire};

/// One count as it is shown: a code or a period, and the number of
/// registrations, absent when it is hidden ("< 5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ShownCount {
    /// A code of the question (or `_unanswered`), or a period (`YYYY-MM`,
    /// `YYYY-Www`).
    pub key: String,
    /// Absent: fewer than five, or hidden so that a small count cannot be
    /// worked out from the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// How the answers to one question are distributed among the completed
/// registrations a filter selects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Distribution {
    pub question: String,
    /// True when the filter selects fewer than five registrations: nothing
    /// else is shown.
    pub too_few: bool,
    /// The registrations the filter selects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registrations: Option<u64>,
    /// Whether one registration can give several codes (then the counts do
    /// not add up to `registrations`).
    pub several_per_registration: bool,
    pub counts: Vec<ShownCount>,
}

/// Completed registrations per month or week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CompletionSeries {
    pub too_few: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    pub counts: Vec<ShownCount>,
}

/// The key of the count of registrations that did not answer a question.
pub const UNANSWERED: &str = "_unanswered";

/// The pseudo-question of the one fact every completed registration has.
pub const COMPLETION_QUESTION: &str = "_registration";

/// The coded answers of a registration, as (question, code) pairs to
/// count: every answer that is an option of its question or a code of its
/// code list (ISO 639-3, ISO 3166, ISCED, ISCO, licence classes, the
/// questionnaire's own options), with a repeatable group's answers under
/// `group.question`. Numbers and free text are not codes and are left out.
pub fn coded_answers(questionnaire: &Questionnaire, answers: &Answers) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (id, value) in answers.iter() {
        if let Some(question) = questionnaire.question(id) {
            collect_codes(question, id, value, &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn collect_codes(
    question: &Question,
    id: &str,
    value: &AnswerValue,
    out: &mut Vec<(String, String)>,
) {
    let is_code = |code: &str| {
        question.answer.options().iter().any(|o| o.code == code)
            || question
                .answer
                .list()
                .is_some_and(|(list, _)| crate::codes::shipped(list).contains(code))
    };
    match value {
        AnswerValue::Text(code) if is_code(code) => out.push((id.to_owned(), code.clone())),
        AnswerValue::Choices(codes) => out.extend(
            codes
                .iter()
                .filter(|c| is_code(c))
                .map(|c| (id.to_owned(), c.clone())),
        ),
        AnswerValue::Group(entries) => {
            let inner = question.answer.group_questions().unwrap_or_default();
            for entry in entries {
                for (local, value) in entry.iter() {
                    if let Some(q) = inner.iter().find(|q| q.id == local) {
                        collect_codes(q, &format!("{id}.{local}"), value, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The derived figure "highest education level": one code per registration,
/// the highest ISCED-like level (`1`–`8`, the codes of the
/// `education_levels` list) among the school level finished and the
/// levels of the educations after school; `none` when the person never
/// went to school; `dont_know` when they went but knew no level. It is a
/// figure of its own (not a question of the questionnaire), counted like
/// one and computed from the coded answers alone, so that the migration
/// that adds it to earlier facts (0016) gives what a completion gives.
pub const HIGHEST_EDUCATION: &str = "highest_education";

/// The code of [`HIGHEST_EDUCATION`] for someone who never went to school.
pub const NO_SCHOOLING: &str = "none";

/// The code of an answer "I don't know".
pub const DONT_KNOW: &str = "dont_know";

/// Whether `question` is a derived figure rather than a question of the
/// questionnaire (one code per registration at most).
pub fn is_derived(question: &str) -> bool {
    question == HIGHEST_EDUCATION
}

/// The derived figures of a registration's coded answers (as
/// [`coded_answers`] gives them), as (figure, code) pairs.
pub fn derived_codes(codes: &[(String, String)]) -> Vec<(String, String)> {
    let has = |question: &str, code: &str| codes.iter().any(|(q, c)| q == question && c == code);
    let levels = || {
        codes
            .iter()
            .filter(|(q, _)| q == "school_level" || q == "educations.level")
            .map(|(_, c)| c.as_str())
    };
    let highest = levels()
        .filter(|c| matches!(*c, "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8"))
        .max();
    let code = match highest {
        Some(level) => level,
        None if has("went_to_school", "no") => NO_SCHOOLING,
        None if levels().any(|c| c == DONT_KNOW) => DONT_KNOW,
        None => return Vec::new(),
    };
    vec![(HIGHEST_EDUCATION.to_owned(), code.to_owned())]
}

/// What a completion counts: its coded answers and the derived figures,
/// in order.
pub fn counted_codes(questionnaire: &Questionnaire, answers: &Answers) -> Vec<(String, String)> {
    let mut codes = coded_answers(questionnaire, answers);
    codes.extend(derived_codes(&codes));
    codes.sort();
    codes
}

/// The smallest number of people a shown count may describe.
pub const MIN_CELL: u64 = 5;

/// A query describes fewer than [`MIN_CELL`] people: nothing is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooFew;

/// Whether a count must be hidden on its own (1 to 4 people).
pub const fn is_small(count: u64) -> bool {
    count > 0 && count < MIN_CELL
}

/// A count as it may be shown: `None` when it is hidden ("< 5").
pub type Shown = Option<u64>;

/// Suppresses one line of cells whose total is published: small cells, and
/// then as many of the smallest other non-zero cells as it takes for the
/// hidden cells to be two or more and hold [`MIN_CELL`] or more people.
/// `TooFew` when the total itself is under [`MIN_CELL`] (and not zero).
pub fn suppress_line(counts: &[u64]) -> Result<Vec<Shown>, TooFew> {
    let total: u64 = counts.iter().sum();
    if is_small(total) {
        return Err(TooFew);
    }
    let mut hidden: Vec<bool> = counts.iter().map(|c| is_small(*c)).collect();
    let line: Vec<usize> = (0..counts.len()).collect();
    protect_line(counts, &mut hidden, &line);
    Ok(shown(counts, &hidden))
}

/// Suppresses cells that do not add up to a total (a question where one
/// person may give several answers): only the small ones, since no sum of
/// the others recovers them. `TooFew` when fewer than [`MIN_CELL`] people
/// (`people`) are described.
pub fn suppress_overlapping(counts: &[u64], people: u64) -> Result<Vec<Shown>, TooFew> {
    if is_small(people) {
        return Err(TooFew);
    }
    Ok(counts
        .iter()
        .map(|c| (!is_small(*c)).then_some(*c))
        .collect())
}

/// A grid of counts as it may be shown, with its row and column totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownGrid {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: u64,
}

/// Suppresses a grid whose row and column totals are published (for
/// example completions per week and organisation). A total under
/// [`MIN_CELL`] is hidden like a cell (and protected among the other
/// totals of its kind, whose sum is the grand total), and so is every cell
/// of its row or column; then small cells, and secondary cells until every
/// row and every column holds no hidden cell, or two or more that
/// together hold [`MIN_CELL`] or more people. `TooFew` when the whole grid
/// describes fewer than [`MIN_CELL`] people.
pub fn suppress_grid(rows: &[Vec<u64>]) -> Result<ShownGrid, TooFew> {
    let width = rows.first().map_or(0, Vec::len);
    let height = rows.len();
    let total: u64 = rows.iter().flatten().sum();
    if is_small(total) {
        return Err(TooFew);
    }
    let row_totals: Vec<u64> = rows.iter().map(|r| r.iter().sum()).collect();
    let column_totals: Vec<u64> = (0..width)
        .map(|c| rows.iter().map(|r| r[c]).sum())
        .collect();
    let row_totals = suppress_line(&row_totals).map_err(|_| TooFew)?;
    let column_totals = suppress_line(&column_totals).map_err(|_| TooFew)?;

    let counts: Vec<u64> = rows.iter().flatten().copied().collect();
    let mut hidden: Vec<bool> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (r, col) = (i / width, i % width);
            *c > 0 && (is_small(*c) || row_totals[r].is_none() || column_totals[col].is_none())
        })
        .collect();
    // Only lines whose total shows can be subtracted from.
    let lines: Vec<Vec<usize>> = (0..height)
        .filter(|r| row_totals[*r].is_some())
        .map(|r| (r * width..(r + 1) * width).collect())
        .chain(
            (0..width)
                .filter(|c| column_totals[*c].is_some())
                .map(|c| (0..height).map(|r| r * width + c).collect()),
        )
        .collect();
    // Hiding a cell to protect its row can expose its column, and the
    // reverse: repeat until no line changes. Each pass hides at least one
    // more cell or ends, so this ends.
    loop {
        let before = hidden.clone();
        for line in &lines {
            protect_line(&counts, &mut hidden, line);
        }
        if hidden == before {
            break;
        }
    }
    let flat = shown(&counts, &hidden);
    Ok(ShownGrid {
        cells: flat.chunks(width.max(1)).map(<[Shown]>::to_vec).collect(),
        row_totals,
        column_totals,
        total,
    })
}

/// Hides more cells of one line (the cells of `counts` at `line`) until
/// its hidden cells are none, or two or more holding [`MIN_CELL`] people.
fn protect_line(counts: &[u64], hidden: &mut [bool], line: &[usize]) {
    loop {
        let hidden_cells: Vec<usize> = line.iter().copied().filter(|i| hidden[*i]).collect();
        let hidden_sum: u64 = hidden_cells.iter().map(|i| counts[*i]).sum();
        if hidden_cells.is_empty() || (hidden_cells.len() >= 2 && hidden_sum >= MIN_CELL) {
            return;
        }
        // The smallest shown non-zero cell is the cheapest to give up.
        let next = line
            .iter()
            .copied()
            .filter(|i| !hidden[*i] && counts[*i] > 0)
            .min_by_key(|i| counts[*i]);
        match next {
            Some(i) => hidden[i] = true,
            // Every non-zero cell of the line is hidden already; only its
            // total shows, and a total under MIN_CELL is refused earlier.
            None => return,
        }
    }
}

fn shown(counts: &[u64], hidden: &[bool]) -> Vec<Shown> {
    counts
        .iter()
        .zip(hidden)
        .map(|(c, h)| (!h).then_some(*c))
        .collect()
}

/// An age band, of the person's age when the registration was completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub enum AgeBand {
    #[serde(rename = "under_18")]
    Under18,
    #[serde(rename = "18_24")]
    From18To24,
    #[serde(rename = "25_34")]
    From25To34,
    #[serde(rename = "35_44")]
    From35To44,
    #[serde(rename = "45_54")]
    From45To54,
    #[serde(rename = "55_plus")]
    From55,
    /// No date of birth registered.
    #[serde(rename = "unknown")]
    Unknown,
}

impl AgeBand {
    /// The band of someone this many whole years old.
    pub const fn of_age(years: u32) -> Self {
        match years {
            0..=17 => Self::Under18,
            18..=24 => Self::From18To24,
            25..=34 => Self::From25To34,
            35..=44 => Self::From35To44,
            45..=54 => Self::From45To54,
            _ => Self::From55,
        }
    }

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Under18 => "under_18",
            Self::From18To24 => "18_24",
            Self::From25To34 => "25_34",
            Self::From35To44 => "35_44",
            Self::From45To54 => "45_54",
            Self::From55 => "55_plus",
            Self::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_without_small_cells_is_shown_whole() {
        assert_eq!(
            suppress_line(&[12, 0, 7, 30]),
            Ok(vec![Some(12), Some(0), Some(7), Some(30)])
        );
    }

    #[test]
    fn one_small_cell_takes_the_smallest_other_with_it() {
        // Alone, the 3 would be the total minus the rest.
        assert_eq!(
            suppress_line(&[20, 3, 9, 40]),
            Ok(vec![Some(20), None, None, Some(40)])
        );
    }

    #[test]
    fn two_small_cells_holding_under_five_take_a_third() {
        // 1 + 2 = 3 would show as the difference: "three people are in
        // these two groups". A third cell brings the hidden sum to 5+.
        assert_eq!(
            suppress_line(&[1, 2, 30, 8]),
            Ok(vec![None, None, Some(30), None])
        );
    }

    #[test]
    fn two_small_cells_holding_five_or_more_are_enough() {
        assert_eq!(
            suppress_line(&[4, 3, 30, 8]),
            Ok(vec![None, None, Some(30), Some(8)])
        );
    }

    #[test]
    fn zero_is_shown_and_never_chosen_to_hide() {
        assert_eq!(
            suppress_line(&[0, 2, 0, 9]),
            Ok(vec![Some(0), None, Some(0), None])
        );
    }

    #[test]
    fn under_five_people_in_all_is_too_few_to_show() {
        assert_eq!(suppress_line(&[1, 2, 1]), Err(TooFew));
        assert_eq!(suppress_grid(&[vec![1, 1], vec![1, 0]]), Err(TooFew));
        assert_eq!(suppress_line(&[0, 0]), Ok(vec![Some(0), Some(0)]));
        assert_eq!(suppress_overlapping(&[3, 4], 4), Err(TooFew));
    }

    #[test]
    fn overlapping_answers_hide_only_their_small_cells() {
        assert_eq!(
            suppress_overlapping(&[3, 12, 0], 14),
            Ok(vec![None, Some(12), Some(0)])
        );
    }

    /// The values each hidden cell can take in some filling of the hidden
    /// cells that agrees with everything shown: the cells, the totals that
    /// show and the grand total (hidden cells are at least 1: zeros show).
    /// Backtracking, cut off where a line would go over its total.
    fn feasible(grid: &[Vec<u64>], shown: &ShownGrid) -> Vec<std::collections::BTreeSet<u64>> {
        struct Search {
            hidden: Vec<(usize, usize)>,
            rows: Vec<Option<u64>>,
            cols: Vec<Option<u64>>,
            grand: u64,
            values: Vec<u64>,
            seen: Vec<std::collections::BTreeSet<u64>>,
        }
        fn go(s: &mut Search, k: usize) {
            if k == s.hidden.len() {
                let lines_done = s
                    .rows
                    .iter()
                    .chain(&s.cols)
                    .all(|l| l.is_none_or(|v| v == 0));
                if lines_done && s.grand == 0 {
                    for (set, v) in s.seen.iter_mut().zip(&s.values) {
                        set.insert(*v);
                    }
                }
                return;
            }
            let (r, c) = s.hidden[k];
            let most = [s.rows[r], s.cols[c], Some(s.grand)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(0);
            for v in 1..=most {
                let take = |l: &mut Option<u64>| *l = l.map(|x| x - v);
                let give = |l: &mut Option<u64>| *l = l.map(|x| x + v);
                take(&mut s.rows[r]);
                take(&mut s.cols[c]);
                s.grand -= v;
                s.values[k] = v;
                go(s, k + 1);
                give(&mut s.rows[r]);
                give(&mut s.cols[c]);
                s.grand += v;
            }
        }
        let width = grid[0].len();
        let hidden: Vec<(usize, usize)> = (0..grid.len() * width)
            .map(|i| (i / width, i % width))
            .filter(|(r, c)| shown.cells[*r][*c].is_none())
            .collect();
        let shown_sum = |cells: &mut dyn Iterator<Item = Shown>| cells.flatten().sum::<u64>();
        let rows = (0..grid.len())
            .map(|r| {
                shown.row_totals[r].map(|t| t - shown_sum(&mut shown.cells[r].iter().copied()))
            })
            .collect();
        let cols = (0..width)
            .map(|c| {
                shown.column_totals[c]
                    .map(|t| t - shown_sum(&mut shown.cells.iter().map(|row| row[c])))
            })
            .collect();
        let grand = shown.total - shown_sum(&mut shown.cells.iter().flatten().copied());
        let mut search = Search {
            seen: vec![std::collections::BTreeSet::new(); hidden.len()],
            values: vec![0; hidden.len()],
            hidden,
            rows,
            cols,
            grand,
        };
        go(&mut search, 0);
        search.seen
    }

    #[test]
    fn no_small_cell_of_a_grid_can_be_recovered_from_its_totals() {
        let grids: [Vec<Vec<u64>>; 4] = [
            vec![vec![3, 10, 12], vec![8, 9, 15]],
            vec![vec![1, 20, 6], vec![7, 2, 11], vec![9, 13, 4]],
            vec![vec![2, 0, 30], vec![0, 12, 9]],
            vec![vec![4, 6], vec![5, 1]],
        ];
        for grid in grids {
            let published = suppress_grid(&grid).unwrap();
            let feasible = feasible(&grid, &published);
            let shown = published.cells;
            let mut k = 0;
            for (r, row) in grid.iter().enumerate() {
                for (c, count) in row.iter().enumerate() {
                    if shown[r][c].is_some() {
                        assert!(!is_small(*count), "{grid:?}: small cell ({r},{c}) shown");
                        continue;
                    }
                    // The true value is one filling; a small cell must
                    // have another.
                    assert!(feasible[k].contains(count));
                    if is_small(*count) {
                        assert!(
                            feasible[k].len() > 1,
                            "{grid:?}: cell ({r},{c}) is recoverable: {:?}",
                            feasible[k]
                        );
                    }
                    k += 1;
                }
            }
            assert_eq!(k, feasible.len());
        }
    }

    #[test]
    fn a_small_row_total_is_hidden_with_its_cells_and_cannot_be_subtracted_out() {
        // Row 0 holds 3 people: its total and cells hide, and another row
        // total hides with it so that the grand total minus the shown row
        // totals does not give it back.
        let grid = suppress_grid(&[vec![2, 1, 0], vec![10, 12, 9], vec![6, 7, 8]]).unwrap();
        assert_eq!(grid.row_totals[0], None);
        assert_eq!(grid.row_totals.iter().filter(|t| t.is_none()).count(), 2);
        assert_eq!(grid.cells[0], vec![None, None, Some(0)]);
        assert_eq!(grid.total, 55);
    }

    #[test]
    fn coded_answers_are_the_codes_and_leave_numbers_and_free_text_out() {
        let questionnaire = crate::questionnaire::shipped_v1();
        let answers: Answers = serde_json::from_value(serde_json::json!({
            "mother_tongue": "som",
            "country_background": "ERI",
            "devices": ["phone", "tablet"],
            "went_to_school": "no",
        }))
        .unwrap();
        assert_eq!(
            coded_answers(questionnaire, &answers),
            [
                ("country_background".to_owned(), "ERI".to_owned()),
                ("devices".to_owned(), "phone".to_owned()),
                ("devices".to_owned(), "tablet".to_owned()),
                ("mother_tongue".to_owned(), "som".to_owned()),
                ("went_to_school".to_owned(), "no".to_owned()),
            ]
        );
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(q, c)| ((*q).to_owned(), (*c).to_owned()))
            .collect()
    }

    #[test]
    fn the_highest_education_level_is_the_highest_of_school_and_after_school() {
        let highest = |list: &[(&str, &str)]| derived_codes(&pairs(list));
        let level = |code: &str| pairs(&[(HIGHEST_EDUCATION, code)]);
        // School alone; a later education above it; one below it.
        assert_eq!(
            highest(&[("went_to_school", "yes"), ("school_level", "2")]),
            level("2")
        );
        assert_eq!(
            highest(&[
                ("school_level", "3"),
                ("educations.level", "4"),
                ("educations.level", "6"),
                ("educations.level", "dont_know"),
            ]),
            level("6")
        );
        assert_eq!(
            highest(&[("school_level", "3"), ("educations.level", "dont_know")]),
            level("3")
        );
        // An education after school whose school level is unknown.
        assert_eq!(
            highest(&[("school_level", "dont_know"), ("educations.level", "5")]),
            level("5")
        );
        assert_eq!(highest(&[("went_to_school", "no")]), level(NO_SCHOOLING));
        assert_eq!(
            highest(&[("went_to_school", "yes"), ("school_level", "dont_know")]),
            level(DONT_KNOW)
        );
        // Nothing about schooling answered: no figure (counted as not
        // answered), and pre-school is not a level finished at school.
        assert_eq!(highest(&[("went_to_school", "yes")]), Vec::new());
        assert_eq!(highest(&[("mother_tongue", "som")]), Vec::new());
        assert_eq!(highest(&[("educations.level", "0")]), Vec::new());
    }

    #[test]
    fn a_completion_counts_its_codes_and_its_derived_figures() {
        let questionnaire = crate::questionnaire::shipped_v1();
        let answers: Answers = serde_json::from_value(serde_json::json!({
            "went_to_school": "yes",
            "school_level": "3",
            "further_education": "yes",
            "educations": [{ "level": "6", "completed": "yes" }],
        }))
        .unwrap();
        let counted = counted_codes(questionnaire, &answers);
        assert!(counted.contains(&(HIGHEST_EDUCATION.to_owned(), "6".to_owned())));
        assert!(counted.contains(&("educations.level".to_owned(), "6".to_owned())));
        assert!(counted.is_sorted());
        assert!(questionnaire.question(HIGHEST_EDUCATION).is_none());
        assert!(is_derived(HIGHEST_EDUCATION) && !is_derived("school_level"));
    }

    #[test]
    fn ages_fall_in_their_bands() {
        assert_eq!(AgeBand::of_age(17), AgeBand::Under18);
        assert_eq!(AgeBand::of_age(18), AgeBand::From18To24);
        assert_eq!(AgeBand::of_age(34), AgeBand::From25To34);
        assert_eq!(AgeBand::of_age(55), AgeBand::From55);
    }
}
