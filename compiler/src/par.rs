//! Order-preserving parallel map over independent work (matters, files), on scoped threads.

/// Maps `f` over `items` on up to four threads; the result is in `items`' order, so output
/// stays deterministic whatever the scheduling. Fewer than eight items are mapped in turn.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 8 {
        return items.iter().map(f).collect();
    }
    map_owned(items.iter().collect(), f)
}

/// Maps `f` over owned items on up to four threads, in order (so that `f` can consume each and
/// free it as it goes); [`map`] is this over references.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = threads();
    if threads < 2 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let (len, chunk) = (items.len(), items.len().div_ceil(threads));
    let mut chunks: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut rest = items.into_iter();
    loop {
        let c: Vec<T> = rest.by_ref().take(chunk).collect();
        if c.is_empty() {
            break;
        }
        chunks.push(c);
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| s.spawn(move || c.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out = Vec::with_capacity(len);
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                // A panicking worker is a bug; re-raise it on this thread with its payload.
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        out
    })
}

/// The threads a map uses, up to four: the machine's parallelism, asked once per process.
/// Asking reads the cgroup's CPU quota (`/proc/self/cgroup`, then two files under
/// `/sys/fs/cgroup`) every time, and a build maps eleven times.
fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4)
    })
}

/// The number of form fields from which a matter's items are checked and lowered on several
/// threads. It was 5,000 while threads cost more than they saved at 2,000 fields (`build`'s
/// peak went from 36 to 50 MB, each thread's heap); once the documents had a thread of their
/// own from 1,000 fields, the same change cut the main thread at 2,000 fields from 79.3 M to
/// 66.2 M instructions for 1 MB more peak (spec/scale.md, sixth round). A catalog's matters
/// have tens of fields and are already spread over threads one matter each.
pub const LARGE_FORM: usize = 1_000;

/// The size in bytes of a matter's block from which its items are built from the syntax tree
/// on several threads (about 1,000 fields). Building is a third of `check` on one core; the
/// items are independent there and their diagnostics are merged back in order.
pub const LARGE_BLOCK: usize = 64 * 1024;

/// The number of form fields from which a matter's guide documents are rendered on a thread of
/// their own while its JSON is written. A second thread pays from medium forms on: at 2,000
/// fields the median `build` went from 33–34 to 27–28 ms (two runs of 11–15, a loaded
/// machine; best 21.6 → 19.9 ms) for 4–6 MB more peak memory; at 200 fields the gain was
/// within the noise. A catalog's matters, of tens of fields, are already spread over threads
/// one matter each (spec/scale.md, fifth round).
pub const DOCUMENTS_APART: usize = 1_000;

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let v: Vec<usize> = (0..1000).collect();
        assert_eq!(
            super::map(&v, |x| x * 2),
            (0..1000).map(|x| x * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn owned_keeps_order() {
        let v: Vec<String> = (0..37).map(|i| i.to_string()).collect();
        assert_eq!(
            super::map_owned(v.clone(), |s| s + "!"),
            v.iter().map(|s| format!("{s}!")).collect::<Vec<_>>()
        );
    }
}
