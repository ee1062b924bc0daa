//! Whether any text satisfies a field's patterns and length bounds together (E0218).
//!
//! Each pattern is an ECMAScript regular expression, as a browser reads it (`new RegExp(p,
//! "u")`: a value satisfies it when it contains a match). It is translated into the syntax of
//! the `regex` crates where the two read alike ([`translate`]), built as a lazy DFA, and the
//! DFAs are walked together one character at a time: a text satisfies all of them when one walk
//! reaches a state where each has matched, after a number of characters within the length
//! bounds. The answer is exact or `None`: a pattern outside the translated subset (look-around,
//! back-references, word boundaries), a DFA too large, or a search too long gives no answer,
//! never a wrong one.

use super::memo::Memo;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::util::start;
use regex_automata::Anchored;
use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

/// The most patterns judged together (a walk's state holds one slot per pattern, and their
/// byte classes make one 64-bit key).
const MACHINES: usize = 8;
/// The memory one pattern's lazy DFA may hold, in bytes.
const CACHE: usize = 1 << 21;
/// The most transitions one question may take before it gives up.
const BUDGET: usize = 100_000;
/// Length bounds above this many characters are not walked one by one: a larger `max_length`
/// is read as no bound, a larger `min_length` as this one, which only widens the texts looked
/// for (a conflict may be missed, never made up).
const LAYERS: u64 = 1_024;

/// What JavaScript's `\s` matches: its WhiteSpace and LineTerminator characters.
const JS_SPACE: &str = r"\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";

/// Whether some text of `min_length..=max_length` characters satisfies every pattern:
/// `Some(false)` when none does, `None` when it cannot be told.
///
/// Answers are remembered for the process: a dictionary field is judged again in every matter
/// that uses it, with the same patterns and bounds.
pub fn satisfiable(patterns: &[&str], min_length: u64, max_length: Option<u64>) -> Option<bool> {
    type Question = (Vec<String>, u64, Option<u64>);
    static ANSWERS: Memo<Question, Option<bool>> = Memo::new();
    let (min, max) = (min_length.min(LAYERS), max_length.filter(|m| *m <= LAYERS));
    let question = (patterns.iter().map(|p| p.to_string()).collect(), min, max);
    ANSWERS.get_or(&question, || {
        if patterns.len() > MACHINES {
            return None;
        }
        patterns
            .iter()
            .map(|p| Machine::new(p))
            .collect::<Option<Vec<_>>>()
            .and_then(|machines| Walk::new(machines).search(min, max))
    })
}

/// The pattern in the `regex` crates' syntax, read as ECMAScript reads it with the `u` flag;
/// `None` for a construct the two read differently or that a DFA cannot hold.
pub fn translate(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    let mut class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = chars.next()?;
                match e {
                    'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                        let set = match e.to_ascii_lowercase() {
                            'd' => "0-9",
                            'w' => "0-9A-Za-z_",
                            _ => JS_SPACE,
                        };
                        let negated = e.is_ascii_uppercase();
                        match (class, negated) {
                            (true, false) => out.push_str(set),
                            (_, true) => {
                                out.push_str("[^");
                                out.push_str(set);
                                out.push(']');
                            }
                            (false, false) => {
                                out.push('[');
                                out.push_str(set);
                                out.push(']');
                            }
                        }
                    }
                    // Backspace in a class; a word boundary outside, which reads `\w` as ASCII
                    // in ECMAScript and as Unicode here.
                    'b' if class => out.push_str(r"\x08"),
                    '0' if !chars.peek().is_some_and(char::is_ascii_digit) => out.push_str(r"\x00"),
                    't' | 'n' | 'r' | 'f' | 'v' => {
                        out.push('\\');
                        out.push(e);
                    }
                    'x' => {
                        let hex: String = (0..2).filter_map(|_| chars.next()).collect();
                        let code = u32::from_str_radix(&hex, 16)
                            .ok()
                            .filter(|_| hex.len() == 2)?;
                        push_code(&mut out, code);
                    }
                    'u' => {
                        let code = if chars.peek() == Some(&'{') {
                            chars.next();
                            let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                            u32::from_str_radix(&hex, 16).ok()?
                        } else {
                            let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                            u32::from_str_radix(&hex, 16)
                                .ok()
                                .filter(|_| hex.len() == 4)?
                        };
                        // A lone surrogate, or the first half of a pair: not a character here.
                        char::from_u32(code)?;
                        push_code(&mut out, code);
                    }
                    'p' | 'P' => {
                        out.push('\\');
                        out.push(e);
                    }
                    e if e.is_ascii_punctuation() => {
                        out.push('\\');
                        out.push(e);
                    }
                    // Back-references, `\b`, `\B`, `\k<…>`, `\cX`: not read alike, or not regular.
                    _ => return None,
                }
            }
            '[' if !class => {
                class = true;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                // `[]` matches nothing and `[^]` anything in ECMAScript; here `]` first is a
                // literal.
                if chars.peek() == Some(&']') {
                    return None;
                }
            }
            ']' if class => {
                class = false;
                out.push(']');
            }
            // Literal in an ECMAScript class, but nesting or set operations here.
            '[' | '&' | '~' if class => {
                out.push('\\');
                out.push(c);
            }
            '-' if class && chars.peek() == Some(&'-') => return None,
            '.' if !class => out.push_str(r"[^\n\r\x{2028}\x{2029}]"),
            '(' if !class && chars.peek() == Some(&'?') => {
                out.push('(');
                out.push(chars.next()?);
                let next = chars.next()?;
                let after = chars.peek().copied();
                match (next, after) {
                    // `(?:…)` and `(?<name>…)`.
                    (':', _) => out.push(':'),
                    ('<', Some(a)) if a != '=' && a != '!' => out.push('<'),
                    // Look-ahead and look-behind.
                    _ => return None,
                }
            }
            // Free spacing and comments are off by default, so `#` and spaces are literal.
            '#' | ' ' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// A code point as an escape, so that no character of it is read as syntax.
fn push_code(out: &mut String, code: u32) {
    out.push_str(&format!(r"\x{{{code:X}}}"));
}

/// One pattern as a lazy DFA started at the beginning of the text, that searches for a match
/// anywhere in it (the pattern keyword is not anchored) unless every match must start there.
/// Lazy, because a walk visits a handful of states: building every state of a Unicode class up
/// front cost ten times the whole check of a matter.
struct Machine {
    dfa: DFA,
    cache: Cache,
    start: LazyStateID,
}

impl Machine {
    /// The machine of `pattern`, its automaton compiled once per process (the type's pattern
    /// and a dictionary field's come back in question after question); its states are the
    /// walk's own.
    fn new(pattern: &str) -> Option<Machine> {
        static COMPILED: Memo<String, Option<DFA>> = Memo::new();
        let dfa = COMPILED.get_or(pattern, || compile(pattern))?;
        let mut cache = dfa.create_cache();
        // A pattern that starts with `^` can only match from the first character: searched from
        // there alone, a wrong character is the end of it (dead), where the search anywhere
        // would keep looking for a start that `^` never allows, and the walk would carry it.
        let anchored = if starts_anchored(pattern) {
            Anchored::Yes
        } else {
            Anchored::No
        };
        let start = dfa
            .start_state(&mut cache, &start::Config::new().anchored(anchored))
            .ok()?;
        Some(Machine { dfa, cache, start })
    }

    /// The state after `byte`: `None` when the DFA gives up.
    fn next(&mut self, state: LazyStateID, byte: u8) -> Option<LazyStateID> {
        let next = self.dfa.next_state(&mut self.cache, state, byte).ok()?;
        (!next.is_quit() && !next.is_unknown()).then_some(next)
    }

    /// Whether the text may end in `state` with a match.
    fn ends_matched(&mut self, state: LazyStateID) -> bool {
        self.dfa
            .next_eoi_state(&mut self.cache, state)
            .is_ok_and(|s| s.is_match())
    }
}

/// Whether every match of `pattern` starts at the beginning of the text: it starts with `^`
/// and has no `|` outside groups (`^a|b` may match `b` anywhere).
fn starts_anchored(pattern: &str) -> bool {
    if !pattern.starts_with('^') {
        return false;
    }
    let (mut depth, mut class) = (0u32, false);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !class => class = true,
            ']' if class => class = false,
            '(' if !class => depth += 1,
            ')' if !class => depth = depth.saturating_sub(1),
            '|' if !class && depth == 0 => return false,
            _ => {}
        }
    }
    true
}

/// The lazy DFA of `pattern`, `None` when it is outside the translated subset or too large.
fn compile(pattern: &str) -> Option<DFA> {
    let translated = translate(pattern)?;
    DFA::builder()
        .configure(
            DFA::config()
                .cache_capacity(CACHE)
                // Clearing the cache would forget the states the walk holds: give up instead.
                .minimum_cache_clear_count(Some(0)),
        )
        .build(&translated)
        .ok()
}

/// The UTF-8 encodings of every character, as byte ranges per position: surrogates and
/// over-long forms excluded.
const UTF8: [&[(u8, u8)]; 9] = [
    &[(0x00, 0x7F)],
    &[(0xC2, 0xDF), (0x80, 0xBF)],
    &[(0xE0, 0xE0), (0xA0, 0xBF), (0x80, 0xBF)],
    &[(0xE1, 0xEC), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xED, 0xED), (0x80, 0x9F), (0x80, 0xBF)],
    &[(0xEE, 0xEF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF0, 0xF0), (0x90, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF1, 0xF3), (0x80, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF4, 0xF4), (0x80, 0x8F), (0x80, 0xBF), (0x80, 0xBF)],
];

/// The machines walked together.
struct Walk {
    machines: Vec<Machine>,
    /// For each set of machines still looking (bit `i`: machine `i`), for each range of
    /// [`UTF8`], one byte per class of bytes those machines treat alike; made when first needed.
    /// A machine that has matched draws no distinction, so once the type's `\S` has seen a
    /// character the walk steps through the other patterns' classes alone.
    bytes: FxHashMap<u8, Rc<Classes>>,
    budget: usize,
}

/// One byte per class, per range of each encoding in [`UTF8`].
type Classes = Vec<Vec<Vec<u8>>>;

/// Each machine's state (the first `machines.len()` slots); `None` once it has matched (a
/// value that contains a match satisfies the pattern whatever follows). Inline, so that a step
/// allocates nothing.
type Joint = [Option<LazyStateID>; MACHINES];

impl Walk {
    fn new(machines: Vec<Machine>) -> Walk {
        Walk {
            machines,
            bytes: FxHashMap::default(),
            budget: BUDGET,
        }
    }

    /// The byte classes of the machines in `live`.
    fn classes(&mut self, live: u8) -> Rc<Classes> {
        let machines = &self.machines;
        let made = self.bytes.entry(live).or_insert_with(|| {
            let looking: Vec<&Machine> = machines
                .iter()
                .enumerate()
                .filter(|(i, _)| live & (1 << i) != 0)
                .map(|(_, m)| m)
                .collect();
            let classes = UTF8
                .iter()
                .map(|ranges| {
                    ranges
                        .iter()
                        .map(|&(lo, hi)| {
                            let mut seen = FxHashSet::default();
                            (lo..=hi)
                                .filter(|b| {
                                    // Every live machine's class of the byte, one byte each.
                                    let key = looking.iter().fold(0u64, |key, m| {
                                        key << 8 | u64::from(m.dfa.byte_classes().get(*b))
                                    });
                                    seen.insert(key)
                                })
                                .collect()
                        })
                        .collect()
                })
                .collect();
            Rc::new(classes)
        });
        Rc::clone(made)
    }

    /// Whether a text of `min..=max` characters (`max` `None`: any length from `min`) reaches a
    /// state where every machine has matched.
    fn search(&mut self, min: u64, max: Option<u64>) -> Option<bool> {
        let mut start: Joint = [None; MACHINES];
        for (slot, m) in start.iter_mut().zip(&self.machines) {
            *slot = Some(m.start);
        }
        let mut layer: FxHashSet<Joint> = FxHashSet::default();
        layer.insert(start);
        let mut length = 0;
        // Exactly `length` characters, up to the least length allowed.
        while length < min {
            let next = self.layer(&layer)?;
            length += 1;
            if next.is_empty() {
                return Some(false);
            }
            // The same states one character on: every longer text reaches them too.
            if next == layer {
                length = min;
            }
            layer = next;
        }
        match max {
            Some(max) => loop {
                for j in &layer {
                    if self.accepts(j) {
                        return Some(true);
                    }
                }
                if length >= max || layer.is_empty() {
                    return Some(false);
                }
                let next = self.layer(&layer)?;
                if next == layer {
                    return Some(false);
                }
                layer = next;
                length += 1;
            },
            None => {
                // Any longer text will do: every joint state reachable from here.
                let mut seen = layer.clone();
                let mut todo: Vec<Joint> = layer.into_iter().collect();
                while let Some(j) = todo.pop() {
                    if self.accepts(&j) {
                        return Some(true);
                    }
                    for next in self.char_steps(&j)? {
                        if seen.insert(next) {
                            todo.push(next);
                        }
                    }
                }
                Some(false)
            }
        }
    }

    /// The joint states one character after those of `layer`.
    fn layer(&mut self, layer: &FxHashSet<Joint>) -> Option<FxHashSet<Joint>> {
        let mut next = FxHashSet::default();
        for j in layer {
            next.extend(self.char_steps(j)?);
        }
        Some(next)
    }

    /// The joint states after one more character, through each of its encodings; a state
    /// where some machine can no longer match is dropped. The sets between the bytes of one
    /// character hold a state or two, so they are short lists, not hash sets.
    fn char_steps(&mut self, joint: &Joint) -> Option<Vec<Joint>> {
        let live = joint
            .iter()
            .take(self.machines.len())
            .enumerate()
            .filter(|(_, s)| s.is_some())
            .fold(0u8, |mask, (i, _)| mask | 1 << i);
        if live == 0 {
            // Every pattern has matched: any character keeps it so.
            return Some(vec![*joint]);
        }
        let classes = self.classes(live);
        let mut out: Vec<Joint> = Vec::new();
        let (mut here, mut next): (Vec<Joint>, Vec<Joint>) = (Vec::new(), Vec::new());
        for ranges in classes.iter() {
            here.clear();
            here.push(*joint);
            for bytes in ranges {
                next.clear();
                for j in &here {
                    for &b in bytes {
                        self.budget = self.budget.checked_sub(1)?;
                        if let Some(n) = self.step(j, b)? {
                            if !next.contains(&n) {
                                next.push(n);
                            }
                        }
                    }
                }
                std::mem::swap(&mut here, &mut next);
                if here.is_empty() {
                    break;
                }
            }
            for j in &here {
                if !out.contains(j) {
                    out.push(*j);
                }
            }
        }
        Some(out)
    }

    /// Every machine after `byte`: `Some(None)` when one of them is dead, `None` when one gives
    /// up.
    fn step(&mut self, joint: &Joint, byte: u8) -> Option<Option<Joint>> {
        let mut next = *joint;
        for (m, slot) in self.machines.iter_mut().zip(next.iter_mut()) {
            let Some(s) = *slot else {
                continue;
            };
            let n = m.next(s, byte)?;
            if n.is_dead() {
                return Some(None);
            }
            *slot = (!n.is_match()).then_some(n);
        }
        Some(Some(next))
    }

    /// Whether the text may end here: every machine has matched, or matches at its end.
    fn accepts(&mut self, joint: &Joint) -> bool {
        self.machines
            .iter_mut()
            .zip(joint.iter())
            .all(|(m, s)| s.is_none_or(|s| m.ends_matched(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sat(patterns: &[&str], min: u64, max: Option<u64>) -> Option<bool> {
        satisfiable(patterns, min, max)
    }

    #[test]
    fn disjoint_patterns_admit_nothing() {
        assert_eq!(sat(&[r"^\d+$", r"^[A-Z]+$"], 0, None), Some(false));
        assert_eq!(sat(&["^[0-9]{17}[0-9X]$", "^[A-Z]"], 0, None), Some(false));
        assert_eq!(sat(&["^[0-9]{17}[0-9X]$", "^0"], 0, None), Some(true));
        assert_eq!(sat(&["^1[3-9][0-9]{9}$", "^0"], 0, None), Some(false));
        assert_eq!(
            sat(&[r"^[\u4e00-\u9fa5]+$", "[A-Za-z]"], 0, None),
            Some(false)
        );
    }

    #[test]
    fn overlapping_patterns_admit_a_text() {
        assert_eq!(sat(&[r"^\d+$", "^1"], 0, None), Some(true));
        assert_eq!(sat(&["a", "b"], 0, None), Some(true));
        assert_eq!(sat(&[r"^[\u4e00-\u9fa5]+$", "^张"], 0, None), Some(true));
        assert_eq!(sat(&[r"\S", r"^\s*\S"], 0, None), Some(true));
    }

    #[test]
    fn length_bounds_count_characters() {
        assert_eq!(sat(&[r"^\d{18}$"], 0, Some(10)), Some(false));
        assert_eq!(sat(&[r"^\d{18}$"], 0, Some(18)), Some(true));
        assert_eq!(sat(&[r"^\d{2,4}$"], 5, None), Some(false));
        // Three Chinese characters are nine bytes and three characters.
        assert_eq!(sat(&[r"^[\u4e00-\u9fa5]{3}$"], 3, Some(3)), Some(true));
        assert_eq!(sat(&[r"^[\u4e00-\u9fa5]{3}$"], 4, None), Some(false));
        assert_eq!(sat(&["x"], 0, Some(0)), Some(false));
    }

    #[test]
    fn ecmascript_classes_are_read_as_ascii() {
        // Full-width digits are Unicode digits but not ECMAScript's `\d`.
        assert_eq!(sat(&[r"^\d$", "^[０-９]$"], 0, None), Some(false));
        assert_eq!(sat(&[r"^\w+$", "^[é]$"], 0, None), Some(false));
        // `.` stops at line ends; U+FEFF is a space in ECMAScript.
        assert_eq!(sat(&["^.$", "^\n$"], 0, None), Some(false));
        assert_eq!(sat(&[r"^\s$", "^\u{FEFF}$"], 0, None), Some(true));
        assert_eq!(sat(&[r"^[\d-]+$", "^-$"], 0, None), Some(true));
        assert_eq!(sat(&[r"^[\D]$", "^[0-9]$"], 0, None), Some(false));
        assert_eq!(sat(&[r"^[a&&b]$", "^&$"], 0, None), Some(true));
        assert_eq!(sat(&["^a#b c$", "^a#b c$"], 0, None), Some(true));
    }

    #[test]
    fn a_pattern_is_searched_from_the_start_only_when_every_match_starts_there() {
        assert!(starts_anchored("^[0-9]+$"));
        assert!(starts_anchored("^(?:a|b)c"));
        assert!(starts_anchored(r"^[|]\|x"));
        assert!(!starts_anchored("^a|b"));
        assert!(!starts_anchored("a^"));
        assert_eq!(sat(&["^a|b", "^c"], 0, None), Some(true));
        assert_eq!(sat(&["^a|b$", "^c$"], 0, None), Some(false));
    }

    #[test]
    fn constructs_read_differently_give_no_answer() {
        for p in [
            r"(?=a)b", r"(?!a)b", r"(?<=a)b", r"(a)\1", r"\bx", "[]", "[^]", r"\cA",
        ] {
            assert_eq!(translate(p), None, "{p}");
            assert_eq!(sat(&[p, "^z$"], 0, None), None, "{p}");
        }
    }

    #[test]
    fn the_answer_agrees_with_the_browser_engine_on_found_texts() {
        // When a text is found, some short text matches both as ECMAScript reads them.
        let pairs = [
            (r"^\d{3}$", "^1"),
            ("^(?:ab|cd)+$", "c"),
            (r"^[\u4e00-\u9fa5]{2}$", "^王"),
        ];
        let alphabet = ["1", "2", "a", "b", "c", "d", "王", "五"];
        for (a, b) in pairs {
            assert_eq!(sat(&[a, b], 0, None), Some(true));
            let ra = regress::Regex::with_flags(a, "u").unwrap();
            let rb = regress::Regex::with_flags(b, "u").unwrap();
            let mut texts = vec![String::new()];
            let mut found = false;
            for _ in 0..4 {
                texts = texts
                    .iter()
                    .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                    .collect();
                found |= texts
                    .iter()
                    .any(|t| ra.find(t).is_some() && rb.find(t).is_some());
            }
            assert!(found, "{a} and {b}");
        }
    }

    /// Patterns built from pieces over a few character classes, and texts over one character of
    /// each class: the search agrees with ECMAScript (regress) on every pair, lengths 0 to 3.
    mod agrees_with_ecmascript {
        use super::*;
        use proptest::prelude::*;

        const PIECES: [&str; 16] = [
            "a",
            "b",
            "1",
            "[ab]",
            r"\d",
            r"\D",
            r"\w",
            r"\s",
            ".",
            "b*",
            "(?:a|1)",
            "[^a]",
            "é",
            "[０-９]",
            "a{2}",
            r"\S",
        ];
        const ALPHABET: [char; 8] = ['a', 'b', '1', '\n', 'é', '１', ' ', 'Z'];

        fn pattern() -> impl Strategy<Value = String> {
            (
                any::<bool>(),
                proptest::collection::vec(0..PIECES.len(), 1..4),
                any::<bool>(),
            )
                .prop_map(|(start, pieces, end)| {
                    let body: String = pieces.iter().map(|i| PIECES[*i]).collect();
                    format!(
                        "{}{body}{}",
                        if start { "^" } else { "" },
                        if end { "$" } else { "" }
                    )
                })
        }

        fn texts(max: usize) -> Vec<String> {
            let mut all = vec![String::new()];
            let mut last = vec![String::new()];
            for _ in 0..max {
                last = last
                    .iter()
                    .flat_map(|t| ALPHABET.iter().map(move |c| format!("{t}{c}")))
                    .collect();
                all.extend(last.iter().cloned());
            }
            all
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn on_short_texts(a in pattern(), b in pattern(), min in 0u64..3) {
                let ra = regress::Regex::with_flags(&a, "u").unwrap();
                let rb = regress::Regex::with_flags(&b, "u").unwrap();
                let found = texts(3).iter().any(|t| {
                    let n = t.chars().count() as u64;
                    n >= min && ra.find(t).is_some() && rb.find(t).is_some()
                });
                prop_assert_eq!(satisfiable(&[&a, &b], min, Some(3)), Some(found), "{} {}", a, b);
            }
        }
    }
}
