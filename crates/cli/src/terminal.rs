//! Text from outside (an account's names, a QR code, a service's feed) made safe to print on a
//! terminal: control characters (C0, DEL and C1, which can move the cursor, retitle the window or
//! rewrite what was printed) and the Unicode bidi controls (which reorder what the reader sees)
//! are shown as `\u{…}` escapes instead of being obeyed.

use std::borrow::Cow;

/// `text`, with every control and bidi-control character escaped.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// C0 and C1 controls and DEL (`char::is_control`), and the bidi marks, embeddings, overrides
/// and isolates.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn controls_and_bidi_overrides_are_shown_escaped() {
        assert_eq!(printable("Shop"), "Shop");
        assert_eq!(printable("Büro · 東京"), "Büro · 東京");
        assert_eq!(
            printable("evil\u{1b}]0;pwned\u{7}"),
            "evil\\u{1b}]0;pwned\\u{7}"
        );
        assert_eq!(printable("a\u{9b}31mb"), "a\\u{9b}31mb");
        assert_eq!(printable("line\nbreak\r"), "line\\u{a}break\\u{d}");
        assert_eq!(printable("\u{202E}gnp.exe"), "\\u{202e}gnp.exe");
        assert_eq!(printable("x\u{2066}y\u{7f}"), "x\\u{2066}y\\u{7f}");
    }
}
