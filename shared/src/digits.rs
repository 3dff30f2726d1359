//! Digits as people type them. Applicants on Arabic or Persian keyboards type
//! Eastern Arabic (٠–٩) or Persian (۰–۹) digits; the server and the browser
//! both read them as ASCII digits through this one function.

/// Replaces Eastern Arabic and Persian digits with ASCII digits and drops
/// spaces (including non-breaking and thin spaces), so that `1234 5678`,
/// `۱۲۳۴۵۶۷۸` and `١٢٣٤ ٥٦٧٨` all read as `12345678`. Other characters are
/// kept, so the caller's parser still rejects them.
pub fn normalize_digits(input: &str) -> String {
    input
        .chars()
        .filter(|c| !is_skipped(*c))
        .map(ascii_digit)
        .collect()
}

/// Spaces of any kind and the direction marks a right-to-left keyboard
/// may put around digits.
fn is_skipped(c: char) -> bool {
    c.is_whitespace() || c == '\u{200f}' || c == '\u{200e}'
}

/// Exactly `count` digits as [`normalize_digits`] reads them (ASCII,
/// Eastern Arabic or Persian, with spaces and direction marks anywhere), as
/// an OpenAPI `pattern`.
pub fn typed_digits_pattern(count: usize) -> String {
    let skipped = crate::text::class_of(is_skipped);
    let digit = crate::text::class_of(|c| ascii_digit(c).is_ascii_digit());
    format!("^[{skipped}]*(?:[{digit}][{skipped}]*){{{count}}}$")
}

fn ascii_digit(c: char) -> char {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return c,
    };
    // The ranges above are exactly ten code points, so the offset is 0..=9.
    char::from(b'0' + (u32::from(c) - zero) as u8)
}

#[cfg(test)]
mod tests {
    use super::normalize_digits;

    #[test]
    fn eastern_arabic_digits_become_ascii() {
        assert_eq!(normalize_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    }

    #[test]
    fn persian_digits_become_ascii() {
        assert_eq!(normalize_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    }

    #[test]
    fn spaces_and_direction_marks_are_dropped() {
        assert_eq!(normalize_digits(" 1234\u{a0}5678\u{200f} "), "12345678");
    }

    #[test]
    fn other_characters_are_kept_for_the_parser_to_reject() {
        assert_eq!(normalize_digits("12a4"), "12a4");
    }
}
