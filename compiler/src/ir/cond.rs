//! Condition algebra over artifact conditions, for requiredness and applicability: `None` is "never", `Condition::Always` is "always".

use yjs_artifacts::Condition;

/// `a or b` over optional conditions, where `None` is "never"; flattens, drops repeats, and lets
/// `Always` absorb the rest.
pub fn or(a: Option<Condition>, b: Option<Condition>) -> Option<Condition> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(Condition::Always), _) | (_, Some(Condition::Always)) => Some(Condition::Always),
        (Some(a), Some(b)) => {
            let mut args = Vec::new();
            for c in [a, b] {
                match c {
                    Condition::Any { args: inner } => args.extend(inner),
                    other => args.push(other),
                }
            }
            let mut unique: Vec<Condition> = Vec::new();
            for c in args {
                if !unique.contains(&c) {
                    unique.push(c);
                }
            }
            if unique.len() == 1 {
                unique.pop()
            } else {
                Some(Condition::Any { args: unique })
            }
        }
    }
}

/// `a and b`, where `Always` is the identity; flattens and drops repeats (`a and (a and b)` is
/// `a and b`).
pub fn and(a: Condition, b: Condition) -> Condition {
    match (a, b) {
        (Condition::Always, x) | (x, Condition::Always) => x,
        (a, b) if a == b => a,
        (a, b) => {
            let mut args: Vec<Condition> = Vec::new();
            for c in [a, b] {
                let inner = match c {
                    Condition::All { args: inner } => inner,
                    other => vec![other],
                };
                for c in inner {
                    if !args.contains(&c) {
                        args.push(c);
                    }
                }
            }
            if args.len() == 1 {
                args.pop().unwrap_or(Condition::Always)
            } else {
                Condition::All { args }
            }
        }
    }
}

/// `a and b` where `b` may be "never".
pub fn and_opt(a: &Condition, b: Option<Condition>) -> Option<Condition> {
    b.map(|b| and(a.clone(), b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use yjs_artifacts::Answer;

    fn is(s: &str) -> Condition {
        Condition::In {
            situation: s.into(),
            values: vec![Answer::Bool(true)],
        }
    }

    #[test]
    fn always_absorbs_and_repeats_collapse() {
        assert_eq!(
            or(Some(is("a")), Some(Condition::Always)),
            Some(Condition::Always)
        );
        assert_eq!(or(Some(is("a")), Some(is("a"))), Some(is("a")));
        assert_eq!(or(None, None), None);
        assert_eq!(and(Condition::Always, is("a")), is("a"));
        let ab = and(is("a"), is("b"));
        assert_eq!(and(is("a"), ab.clone()), ab, "a repeat is dropped");
        let both = or(Some(is("a")), Some(is("b")));
        assert_eq!(
            or(both.clone(), Some(is("c"))),
            Some(Condition::Any {
                args: vec![is("a"), is("b"), is("c")]
            })
        );
    }
}
