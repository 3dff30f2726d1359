//! What a chart, its table and its CSV file show, as plain data tested
//! natively: the rows in the order they are shown, and the CSV text of
//! exactly those rows. A hidden count (`None`, "< 5") stays hidden in all
//! three: the server never sent it.

use kartlegg_shared::statistics::{ShownCount, UNANSWERED};

/// One row as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The code or period.
    pub key: String,
    /// What the caseworker reads: the code's name, or the period.
    pub label: String,
    /// The number of registrations; `None` when hidden ("< 5").
    pub count: Option<u64>,
}

/// The rows of a distribution: the shown counts, largest first (then by
/// name), the hidden ones after them, and "not answered" last, so that
/// the bars read from the most common answer down.
pub fn distribution_rows(counts: &[ShownCount], label: impl Fn(&str) -> String) -> Vec<Row> {
    let mut rows: Vec<Row> = counts
        .iter()
        .map(|c| Row {
            key: c.key.clone(),
            label: label(&c.key),
            count: c.count,
        })
        .collect();
    rows.sort_by(|a, b| {
        let rank = |r: &Row| (r.key == UNANSWERED, r.count.is_none());
        rank(a)
            .cmp(&rank(b))
            .then(b.count.cmp(&a.count))
            .then_with(|| a.label.cmp(&b.label))
    });
    rows
}

/// The rows of a time series, in the server's order (oldest first), each
/// labelled by its period (`2026-05`, `2026-W21`).
pub fn series_rows(counts: &[ShownCount]) -> Vec<Row> {
    counts
        .iter()
        .map(|c| Row {
            key: c.key.clone(),
            label: c.key.clone(),
            count: c.count,
        })
        .collect()
}

/// The text of a hidden count, or the count.
pub fn count_text(count: Option<u64>, hidden: &str) -> String {
    count.map_or_else(|| hidden.to_owned(), |n| n.to_string())
}

/// One CSV field: quoted when it holds a comma, a quote or a line break;
/// a leading `=`, `+`, `-` or `@` is prefixed with `'` so that a
/// spreadsheet does not run a name as a formula.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The CSV file of a table: its two column headings, then one line per
/// row with the count as the table shows it ("< 5" where hidden).
pub fn csv(headings: [&str; 2], rows: &[Row], hidden: &str) -> String {
    let mut out = format!("{},{}\r\n", field(headings[0]), field(headings[1]));
    for row in rows {
        out.push_str(&field(&row.label));
        out.push(',');
        out.push_str(&field(&count_text(row.count, hidden)));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(key: &str, count: Option<u64>) -> ShownCount {
        ShownCount {
            key: key.to_owned(),
            count,
        }
    }

    #[test]
    fn distributions_read_from_the_most_common_down_with_hidden_and_unanswered_last() {
        let counts = [
            shown("som", Some(7)),
            shown(UNANSWERED, Some(12)),
            shown("amh", None),
            shown("ara", Some(20)),
            shown("tir", Some(7)),
        ];
        let rows = distribution_rows(&counts, |k| k.to_uppercase());
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["ara", "som", "tir", "amh", UNANSWERED]);
        assert_eq!(rows[0].label, "ARA");
    }

    #[test]
    fn the_csv_is_the_table_with_hidden_counts_as_shown() {
        let rows = vec![
            Row {
                key: "11".into(),
                label: "Toppledere, politikere".into(),
                count: Some(12),
            },
            Row {
                key: "x".into(),
                label: "=SUM(A1)".into(),
                count: None,
            },
        ];
        assert_eq!(
            csv(["Svar", "Antall"], &rows, "< 5"),
            "Svar,Antall\r\n\"Toppledere, politikere\",12\r\n'=SUM(A1),< 5\r\n"
        );
    }

    #[test]
    fn a_series_keeps_its_periods_in_order() {
        let rows = series_rows(&[shown("2026-04", Some(9)), shown("2026-05", None)]);
        assert_eq!(rows[1].label, "2026-05");
        assert_eq!(count_text(rows[1].count, "< 5"), "< 5");
        assert_eq!(count_text(rows[0].count, "< 5"), "9");
    }
}
