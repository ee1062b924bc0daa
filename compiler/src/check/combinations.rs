//! The one enumerator of situation-answer combinations: scenarios, implication checks and notices use it.
//!
//! A combination is one option position per situation, as a mixed-radix number whose first
//! digit changes slowest, so combinations come in declaration order of the situations and of
//! their options.

use crate::resolve::model::{Answers, Cond, Matter, Pick, Situation};
use la_arena::Idx;

/// The most combinations of the rules' other situations tried for one combination; past it a
/// combination is kept (nothing is excluded that could not be checked).
pub const MAX_RULE_COMBINATIONS: u64 = 1 << 12;

/// The matter's rules (`rule "…" { … }`) as a filter on combinations of some situations'
/// answers: a combination is possible when some answers to the rules' other situations meet
/// every rule. Scenarios, implication checks and notices enumerate only possible ones.
#[derive(Debug, Clone)]
pub struct Rules<'a> {
    rules: Vec<&'a Cond>,
    extra: Vec<Idx<Situation>>,
    extra_radix: Vec<usize>,
}

impl<'a> Rules<'a> {
    /// The filter for combinations of `given`'s answers.
    pub fn new(matter: &'a Matter, given: &[Idx<Situation>]) -> Self {
        let rules: Vec<&Cond> = matter.rules.iter().map(|r| &r.cond).collect();
        let mut extra: Vec<Idx<Situation>> = rules
            .iter()
            .flat_map(|c| c.situations())
            .filter(|s| !given.contains(s))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        let extra_radix = extra
            .iter()
            .map(|s| matter.situations[*s].radix().max(1))
            .collect();
        Rules {
            rules,
            extra,
            extra_radix,
        }
    }

    /// Whether the combination `answers` (one answer per given situation) can occur.
    pub fn allow(&self, answers: &[(Idx<Situation>, Pick)]) -> bool {
        if self.rules.is_empty() {
            return true;
        }
        let mut full: Answers = answers.iter().copied().collect();
        if self.extra.is_empty() {
            return self.rules.iter().all(|c| c.eval(&full));
        }
        if count(&self.extra_radix) > MAX_RULE_COMBINATIONS {
            return true;
        }
        combinations(&self.extra_radix).any(|digits| {
            for (s, d) in self.extra.iter().zip(digits) {
                full.insert(*s, Pick(d));
            }
            self.rules.iter().all(|c| c.eval(&full))
        })
    }
}

/// The number of combinations of the given radices (saturating); 0 when some radix is 0.
pub fn count(radix: &[usize]) -> u64 {
    radix
        .iter()
        .fold(1u64, |acc, r| acc.saturating_mul(*r as u64))
}

/// Every combination of the given radices, first digit slowest: one empty combination for no
/// radix, none when some radix is 0.
pub fn combinations(radix: &[usize]) -> Combinations<'_> {
    Combinations {
        radix,
        next: (!radix.contains(&0)).then(|| vec![0; radix.len()]),
    }
}

/// The iterator of [`combinations`].
#[derive(Debug, Clone)]
pub struct Combinations<'a> {
    radix: &'a [usize],
    next: Option<Vec<usize>>,
}

impl Iterator for Combinations<'_> {
    type Item = Vec<usize>;

    fn next(&mut self) -> Option<Vec<usize>> {
        let current = self.next.take()?;
        let mut digits = current.clone();
        for k in (0..digits.len()).rev() {
            digits[k] += 1;
            if digits[k] < self.radix[k] {
                self.next = Some(digits);
                return Some(current);
            }
            digits[k] = 0;
        }
        Some(current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_digit_slowest() {
        let all: Vec<Vec<usize>> = combinations(&[2, 3]).collect();
        assert_eq!(
            all,
            vec![
                vec![0, 0],
                vec![0, 1],
                vec![0, 2],
                vec![1, 0],
                vec![1, 1],
                vec![1, 2]
            ]
        );
        assert_eq!(count(&[2, 3]), 6);
        assert_eq!(
            combinations(&[]).collect::<Vec<_>>(),
            vec![Vec::<usize>::new()]
        );
        assert_eq!(combinations(&[2, 0]).count(), 0);
        assert_eq!(count(&[2, 0]), 0);
        assert_eq!(count(&[usize::MAX, usize::MAX, 4]), u64::MAX);
    }
}
