//! Buffers handed from one document to the next on the same thread.
//!
//! Most documents are a few kilobytes. Allocated fresh, their per-document
//! buffers (the normalized views, the tokens, the lexicon table) land in
//! memory the allocator has not touched for a while, and each first write
//! misses the cache: on a folder of short articles that cost a third of the
//! run. Reused, the same few buffers stay in cache from one document to the
//! next.

use std::cell::RefCell;

/// Larger buffers go back to the allocator, so a thread keeps at most a few
/// megabytes however long the documents it saw.
const MAX_KEPT_BYTES: usize = 4 << 20;

/// Buffers of one type kept by a thread.
pub struct Spare<T> {
    kept: RefCell<Vec<Vec<T>>>,
}

impl<T> Spare<T> {
    pub const fn new() -> Self {
        Spare {
            kept: RefCell::new(Vec::new()),
        }
    }

    /// An empty buffer with room for at least `capacity` items.
    pub fn take(&self, capacity: usize) -> Vec<T> {
        let kept = self.kept.try_borrow_mut().ok().and_then(|mut k| k.pop());
        match kept {
            Some(mut v) => {
                v.reserve(capacity);
                v
            }
            None => Vec::with_capacity(capacity),
        }
    }

    /// Gives a buffer back for the next document.
    pub fn give(&self, mut v: Vec<T>) {
        if v.capacity() * std::mem::size_of::<T>().max(1) > MAX_KEPT_BYTES {
            return;
        }
        v.clear();
        if let Ok(mut kept) = self.kept.try_borrow_mut() {
            if kept.len() < 4 {
                kept.push(v);
            }
        }
    }
}

impl<T> Default for Spare<T> {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    /// Bytes of the normalized and lower-case views.
    pub static BYTES: Spare<u8> = const { Spare::new() };
}

/// An empty string with room for `capacity` bytes, from the spare buffers.
pub fn string(capacity: usize) -> String {
    let mut s = String::from_utf8(BYTES.with(|b| b.take(capacity))).unwrap_or_default();
    s.reserve(capacity);
    s
}

/// Gives a string's buffer back.
pub fn give_string(s: String) {
    // `try_with`: during thread teardown the spare list may be gone already.
    let _ = BYTES.try_with(|b| b.give(s.into_bytes()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_come_back_empty_with_their_room() {
        let mut s = string(100);
        s.push_str("abc");
        let cap = s.capacity();
        give_string(s);
        let again = string(10);
        assert!(again.is_empty());
        assert_eq!(again.capacity(), cap);
    }

    #[test]
    fn huge_buffers_are_not_kept() {
        let spare: Spare<u64> = Spare::new();
        spare.give(Vec::with_capacity(MAX_KEPT_BYTES));
        assert_eq!(spare.take(0).capacity(), 0);
    }
}
