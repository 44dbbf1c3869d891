//! Finding many names at once: every occurrence, leftmost and longest first, none overlapping.
//!
//! Takes names, each with the index of what it names, and a text, and gives every occurrence. The one name
//! matcher of the project: the mentions of curated entities, the known places and the quoted terms of an
//! extraction are all found with it.

use std::collections::HashMap;

/// A set of words, each with the index of what it names.
pub struct Matcher<'a> {
    /// The words, by their first character, longest first.
    by_first: HashMap<char, Vec<(&'a str, usize)>>,
}

impl<'a> Matcher<'a> {
    /// The words and what each names; a word given twice names what it named first. Empty words are ignored.
    pub fn new(words: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut by_first: HashMap<char, Vec<(&'a str, usize)>> = HashMap::new();
        for (word, owner) in words {
            let Some(first) = word.chars().next() else { continue };
            let list = by_first.entry(first).or_default();
            if !list.iter().any(|(w, _)| *w == word) {
                list.push((word, owner));
            }
        }
        for list in by_first.values_mut() {
            // Longest first; equal lengths by text, so that the order never depends on the input's.
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        }
        Self { by_first }
    }

    /// Calls `found(start, end, owner)` (byte offsets) for each occurrence in `text`, left to right: at each
    /// position the longest word that starts there, then on after it. A word that begins or ends with an ASCII
    /// letter or digit is not taken out of a longer ASCII word or number (`110` in `1100`).
    pub fn find(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        if self.by_first.is_empty() {
            return;
        }
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let hit = self.by_first.get(&c).and_then(|list| {
                list.iter().find(|(word, _)| text[at..].starts_with(word) && bounded(text, at, at + word.len()))
            });
            match hit {
                Some((word, owner)) => {
                    found(at, at + word.len(), *owner);
                    at += word.len();
                }
                None => at += c.len_utf8(),
            }
        }
    }
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let ascii_word = |c: char| c.is_ascii_alphanumeric();
    let word = &text[start..end];
    let before_ok = !word.starts_with(ascii_word) || !text[..start].ends_with(ascii_word);
    let after_ok = !word.ends_with(ascii_word) || !text[end..].starts_with(ascii_word);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(matcher: &Matcher<'_>, text: &str) -> Vec<(String, usize)> {
        let mut found = Vec::new();
        matcher.find(text, |s, e, o| found.push((text[s..e].to_owned(), o)));
        found
    }

    #[test]
    fn the_longest_word_wins_and_none_overlap() {
        let m = Matcher::new([("青浦", 0), ("青浦区", 1), ("浦区", 2), ("朱家角", 3)]);
        assert_eq!(all(&m, "青浦区与朱家角、青浦"), [("青浦区".into(), 1), ("朱家角".into(), 3), ("青浦".into(), 0)]);
    }

    #[test]
    fn ascii_words_are_not_cut_from_longer_ones() {
        let m = Matcher::new([("110", 0), ("1+8", 1)]);
        assert_eq!(all(&m, "“110”处警，1100 人，“1+8”"), [("110".into(), 0), ("1+8".into(), 1)]);
    }
}
