//! JSON string literals, for the small JSON documents written by hand (the graph walk's output, the search).

use std::fmt::Write;

/// `text` as a JSON string literal, quoted and escaped (RFC 8259 §7).
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_escapes_and_control_characters() {
        assert_eq!(super::string("重固 \"a\"\\\n\u{1}"), "\"重固 \\\"a\\\"\\\\\\n\\u0001\"");
    }
}
