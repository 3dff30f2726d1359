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

/// The characters a field of this kind refuses, as a regular expression
/// (ECMA-262 and Python alike) that matches text without them: the OpenAPI
/// document's `pattern`, built from [`is_refused_control`] so that the two
/// cannot drift apart.
pub fn allowed_pattern(lines: Lines) -> String {
    fn flush((first, last): (u8, u8), class: &mut String) {
        class.push_str(&format!("\\x{first:02x}"));
        if last > first {
            class.push_str(&format!("-\\x{last:02x}"));
        }
    }
    let mut class = String::new();
    let mut run: Option<(u8, u8)> = None;
    for byte in 0u8..0x80 {
        if is_refused_control(char::from(byte), lines) {
            run = Some(run.map_or((byte, byte), |(start, _)| (start, byte)));
        } else if let Some(done) = run.take() {
            flush(done, &mut class);
        }
    }
    if let Some(done) = run {
        flush(done, &mut class);
    }
    format!("^[^{class}]*$")
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
    fn the_documented_pattern_names_exactly_the_refused_characters() {
        assert_eq!(allowed_pattern(Lines::One), "^[^\\x00-\\x1f\\x7f]*$");
        assert_eq!(
            allowed_pattern(Lines::Many),
            "^[^\\x00-\\x08\\x0b-\\x0c\\x0e-\\x1f\\x7f]*$"
        );
    }

    #[test]
    fn characters_beyond_ascii_controls_are_not_refused() {
        // C1 controls and format characters are left to the fields' own rules.
        assert_eq!(check_text("a\u{85}b\u{200b}", Lines::One), Ok(()));
    }
}
