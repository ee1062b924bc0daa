//! A bounded, process-wide memo for pure functions of a key: how a pattern reads, its automaton,
//! whether patterns admit a text. A language server asks for every pattern typed, so a memo
//! forgets everything at once when it reaches its bound; an entry depends on its key alone, so
//! the output never depends on what a memo holds.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The most entries a memo keeps before it forgets them all.
const BOUND: usize = 4_096;

/// Values by key, shared by every thread of the process.
pub struct Memo<K, V>(Mutex<BTreeMap<K, V>>);

impl<K: Ord, V: Clone> Memo<K, V> {
    /// An empty memo, for a `static`.
    pub const fn new() -> Self {
        Memo(Mutex::new(BTreeMap::new()))
    }

    /// The value of `key`, made by `make` the first time (and again after the memo forgets).
    /// The lock is not held while `make` runs, so two threads may both make a value; they
    /// make the same one.
    pub fn get_or<Q>(&self, key: &Q, make: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Ord + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(known) = self.0.lock().ok().and_then(|m| m.get(key).cloned()) {
            return known;
        }
        let value = make();
        if let Ok(mut memo) = self.0.lock() {
            if memo.len() >= BOUND {
                memo.clear();
            }
            memo.insert(key.to_owned(), value.clone());
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_and_the_memo_stays_bounded() {
        let memo: Memo<String, usize> = Memo::new();
        let mut made = 0;
        for _ in 0..3 {
            assert_eq!(
                memo.get_or("a", || {
                    made += 1;
                    1
                }),
                1
            );
        }
        assert_eq!(made, 1);
        for i in 0..BOUND + 10 {
            memo.get_or(i.to_string().as_str(), || i);
        }
        assert!(memo.0.lock().map(|m| m.len() <= BOUND).unwrap_or(false));
    }
}
