//! Finding many names at once: every occurrence, leftmost and longest first, none overlapping.
//!
//! Takes names, each with the index of what it names, and a text, and gives every occurrence. The one name
//! matcher of the project: the mentions of curated entities, the known places and the quoted terms of an
//! extraction are all found with it. An Aho-Corasick automaton ([`aho_corasick`]) finds every occurrence of every
//! name in one pass, in time linear in the text and the occurrences, however many names there are.

use aho_corasick::{AhoCorasick, MatchKind};

/// A set of words, each with the index of what it names.
pub struct Matcher<'a> {
    /// The words, in the automaton's pattern order, with what each names.
    words: Vec<(&'a str, usize)>,
    automaton: Option<AhoCorasick>,
}

impl<'a> Matcher<'a> {
    /// The words and what each names; a word given twice names what it named first. Empty words are ignored.
    pub fn new(words: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut seen = std::collections::HashSet::new();
        let words: Vec<(&'a str, usize)> =
            words.into_iter().filter(|(w, _)| !w.is_empty() && seen.insert(*w)).collect();
        let automaton = (!words.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(words.iter().map(|(w, _)| w))
                .expect("an automaton of a few hundred thousand words fits the default limits")
        });
        Self { words, automaton }
    }

    /// Calls `found(start, end, owner)` (byte offsets) for each occurrence in `text`, left to right: at each
    /// position the longest word that starts there, then on after it. A word that begins or ends with an ASCII
    /// letter or digit is not taken out of a longer ASCII word or number (`110` in `1100`).
    pub fn find(&self, text: &str, found: impl FnMut(usize, usize, usize)) {
        leftmost_longest(self.occurrences(text), found);
    }

    /// Every occurrence of every word in `text`, overlapping ones too, as `(start, end, owner)`, in no order; a
    /// word that begins or ends with an ASCII letter or digit only where it is not cut from a longer ASCII word.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        automaton
            .find_overlapping_iter(text)
            .filter(|m| bounded(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), self.words[m.pattern().as_usize()].1))
            .collect()
    }
}

/// Calls `found(start, end, owner)` for the occurrences of `all` that stand left to right without overlapping: at
/// each position the longest that starts there, then on after it.
pub fn leftmost_longest(mut all: Vec<(usize, usize, usize)>, mut found: impl FnMut(usize, usize, usize)) {
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut at = 0;
    for (start, end, owner) in all {
        if start >= at {
            found(start, end, owner);
            at = end;
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
