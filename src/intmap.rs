//! A read-mostly table from non-zero `u64` keys to small values, for the
//! lookups made on every token (word keys, trie edges): open addressing with
//! linear probing in one flat array, so a lookup is a multiply, a shift and
//! usually one compare.

/// Keys are never 0: 0 marks an empty slot.
#[derive(Debug, Clone)]
pub struct IntMap<V: Copy> {
    slots: Vec<(u64, V)>,
    /// `64 - log2(slots.len())`: the top bits of the product pick the slot.
    shift: u32,
    len: usize,
}

impl<V: Copy + Default> Default for IntMap<V> {
    fn default() -> Self {
        IntMap {
            slots: vec![(0, V::default()); 16],
            shift: 64 - 4,
            len: 0,
        }
    }
}

impl<V: Copy + Default> IntMap<V> {
    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`, inserting `make()` first when it has none.
    pub fn get_or_insert_with(&mut self, key: u64, make: impl FnOnce() -> V) -> &mut V {
        assert_ne!(key, 0, "0 marks an empty slot");
        // At most a quarter full: misses, the common case, stop at once.
        if (self.len + 1) * 4 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].0 != key {
            if self.slots[i].0 == 0 {
                self.slots[i] = (key, make());
                self.len += 1;
                break;
            }
            i = (i + 1) & mask;
        }
        &mut self.slots[i].1
    }

    pub fn len(&self) -> usize {
        self.len
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
        self.shift -= 1;
        self.len = 0;
        for (k, v) in old {
            if k != 0 {
                *self.get_or_insert_with(k, || v) = v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_and_nothing_else() {
        let mut m = IntMap::<u32>::default();
        for k in 1..5000u64 {
            *m.get_or_insert_with(k * 7919, || 0) = k as u32;
        }
        assert_eq!(m.len(), 4999);
        for k in 1..5000u64 {
            assert_eq!(m.get(k * 7919), Some(k as u32));
            assert_eq!(m.get(k * 7919 + 1), None);
        }
        // An existing key keeps its value.
        assert_eq!(*m.get_or_insert_with(7919, || 99), 1);
    }
}
