//! The rule every free-text field shares: no control characters. They are
//! invisible on screen, break CSV exports and logs, and PostgreSQL cannot
//! store NUL in `text` at all; so a name, a remark, a username, a search
//! or a free-text answer holding one is refused, in the browser and on the
//! server alike, rather than cleaned up behind the writer's back.

use crate::domain::ParseError;

/// Whether a field may hold more than one line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A name, a username, a search, a short answer: tab and line breaks
    /// are refused like any other control character.
    One,
    /// A remark or a reason: tab, line feed and carriage return (a line
    /// break as browsers send it, CR LF) are allowed.
    Many,
}

/// The field-error code for text with a control character in it.
pub const CONTROL_CHARACTERS: &str = "control_characters";

/// Whether `c` is refused in a field of this kind: a C0 control (U+0000 to
/// U+001F) or DEL (U+007F), except tab and line breaks in a multi-line field.
pub const fn is_refused_control(c: char, lines: Lines) -> bool {
    match c {
        '\t' | '\n' | '\r' => matches!(lines, Lines::One),
        c => c.is_ascii_control(),
    }
}

/// The body of a regular-expression character class naming every
/// character of the Basic Multilingual Plane for which `holds` is true, as
/// `\uXXXX` ranges (read alike by ECMA-262, which OpenAPI patterns follow,
/// and by Python). Patterns in the OpenAPI document are built with it from
/// the functions the validators use, so that the two cannot drift apart.
pub fn class_of(holds: impl Fn(char) -> bool) -> String {
    let mut class = String::new();
    let mut run: Option<(u32, u32)> = None;
    let mut flush = |(first, last): (u32, u32)| {
        class.push_str(&format!("\\u{first:04x}"));
        if last > first {
            class.push_str(&format!("-\\u{last:04x}"));
        }
    };
    for code in 0..=0xFFFF_u32 {
        match char::from_u32(code).filter(|c| holds(*c)) {
            Some(_) => run = Some(run.map_or((code, code), |(first, _)| (first, code))),
            None => {
                if let Some(done) = run.take() {
                    flush(done);
                }
            }
        }
    }
    if let Some(done) = run {
        flush(done);
    }
    class
}

/// Text without the control characters a field of this kind refuses, as
/// an OpenAPI `pattern`.
pub fn allowed_pattern(lines: Lines) -> String {
    let refused = class_of(|c| is_refused_control(c, lines));
    format!("^[^{refused}]*$")
}

/// Like [`allowed_pattern`], and not blank: at least one character that
/// is not whitespace (as `str::trim` and `split_whitespace` see it).
pub fn non_blank_pattern(lines: Lines) -> String {
    let refused = class_of(|c| is_refused_control(c, lines));
    let visible = class_of(|c| is_refused_control(c, lines) || c.is_whitespace());
    format!("^[^{refused}]*[^{visible}][^{refused}]*$")
}

/// Like [`allowed_pattern`], with at least `min` (2 or more) characters
/// once the whitespace around it is trimmed.
pub fn trimmed_min_pattern(lines: Lines, min: usize) -> String {
    let refused = class_of(|c| is_refused_control(c, lines));
    let visible = class_of(|c| is_refused_control(c, lines) || c.is_whitespace());
    let space = class_of(|c| c.is_whitespace() && !is_refused_control(c, lines));
    let middle = min.saturating_sub(2);
    format!("^[{space}]*[^{visible}][^{refused}]{{{middle},}}[^{visible}][{space}]*$")
}

/// Refuses text that holds a control character not allowed in its field.
pub fn check_text(text: &str, lines: Lines) -> Result<(), ParseError> {
    if text.chars().any(|c| is_refused_control(c, lines)) {
        return Err(ParseError {
            code: CONTROL_CHARACTERS,
            message: match lines {
                Lines::One => "The text holds a control character (such as a tab or a line break)",
                Lines::Many => {
                    "The text holds a control character (only tab and line breaks are allowed)"
                }
            },
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_in_any_script_is_accepted() {
        for text in [
            "Ola Nordmann",
            "عربية",
            "Åse-Marie O'Brien",
            "ትግርኛ",
            "",
            "😀 ok",
        ] {
            assert_eq!(check_text(text, Lines::One), Ok(()), "{text}");
            assert_eq!(check_text(text, Lines::Many), Ok(()), "{text}");
        }
    }

    #[test]
    fn every_c0_control_and_del_is_refused_in_one_line() {
        for c in (0u8..0x20).chain([0x7f]).map(char::from) {
            let text = format!("a{c}b");
            let error = check_text(&text, Lines::One).unwrap_err();
            assert_eq!(error.code, CONTROL_CHARACTERS, "{:?}", c);
        }
    }

    #[test]
    fn tab_and_line_breaks_are_allowed_only_in_many_lines() {
        for text in ["a\tb", "a\nb", "a\r\nb"] {
            assert_eq!(check_text(text, Lines::Many), Ok(()), "{text:?}");
            assert!(check_text(text, Lines::One).is_err(), "{text:?}");
        }
        for text in ["a\0b", "a\u{1b}[31mb", "a\u{7f}", "\u{8}"] {
            assert!(check_text(text, Lines::Many).is_err(), "{text:?}");
        }
    }

    #[test]
    fn the_documented_patterns_name_exactly_the_refused_characters() {
        assert_eq!(allowed_pattern(Lines::One), "^[^\\u0000-\\u001f\\u007f]*$");
        assert_eq!(
            allowed_pattern(Lines::Many),
            "^[^\\u0000-\\u0008\\u000b-\\u000c\\u000e-\\u001f\\u007f]*$"
        );
        // Whitespace beyond the Basic Multilingual Plane would escape the
        // classes; Unicode has none.
        assert!(
            (0x1_0000..=0x10_FFFF)
                .filter_map(char::from_u32)
                .all(|c| !c.is_whitespace())
        );
        assert_eq!(
            trimmed_min_pattern(Lines::Many, 10),
            format!(
                "^[{s}]*[^{v}][^{r}]{{8,}}[^{v}][{s}]*$",
                s = class_of(|c| c.is_whitespace() && !is_refused_control(c, Lines::Many)),
                v = class_of(|c| c.is_whitespace() || is_refused_control(c, Lines::Many)),
                r = "\\u0000-\\u0008\\u000b-\\u000c\\u000e-\\u001f\\u007f",
            )
        );
    }

    #[test]
    fn characters_beyond_ascii_controls_are_not_refused() {
        // C1 controls and format characters are left to the fields' own rules.
        assert_eq!(check_text("a\u{85}b\u{200b}", Lines::One), Ok(()));
    }
}
