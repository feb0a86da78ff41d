//! Where each byte of a text layer came from in the original file.

/// A map from byte offsets of a text layer to byte offsets of its source.
/// It holds one anchor wherever the two stop moving together (a decoded
/// letter, a tag, an entity); between anchors text and source are copies of
/// each other, so the map stays small for HTML and for text that is mostly
/// ASCII.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// (text byte, source byte), both increasing.
    anchors: Vec<(usize, usize)>,
    /// The source's length: where the end of the text maps.
    source_len: usize,
    text_len: usize,
}

impl OffsetMap {
    /// Builds a map while a text layer is written: call [`OffsetMap::push`]
    /// before each piece of text with the source offset it comes from.
    pub fn new() -> Self {
        OffsetMap::default()
    }

    /// Text from byte `text` on comes from source byte `source` on.
    pub fn push(&mut self, text: usize, source: usize) {
        if let Some(&(t, s)) = self.anchors.last() {
            // Still a copy of the source: no anchor needed.
            if text.wrapping_sub(t) == source.wrapping_sub(s) && text >= t && source >= s {
                return;
            }
            if t == text {
                self.anchors.pop();
            }
        }
        self.anchors.push((text, source));
    }

    /// Closes the map: the text's end maps to the source's end.
    pub fn finish(&mut self, text_len: usize, source_len: usize) {
        self.text_len = text_len;
        self.source_len = source_len;
    }

    /// The source byte of text byte `p`, exact at every character boundary
    /// (where records start and end). Text in a copied run maps byte for
    /// byte; the bytes inside a piece that is not a copy (a letter decoded
    /// from one legacy byte) map no further than the next piece's start.
    pub fn source(&self, p: usize) -> usize {
        if p >= self.text_len {
            return self.source_len;
        }
        let k = self.anchors.partition_point(|&(t, _)| t <= p);
        let Some(&(t, s)) = k.checked_sub(1).and_then(|k| self.anchors.get(k)) else {
            return p;
        };
        let next_source = self.anchors.get(k).map_or(self.source_len, |&(_, s)| s);
        (s + (p - t)).min(next_source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_need_no_anchor_and_pieces_map_to_their_start() {
        // Source `<b>Bộ</b>` (3 + 5 + 4 bytes) → text `Bộ`.
        let mut m = OffsetMap::new();
        m.push(0, 3);
        m.push(1, 4);
        m.finish(4, 12);
        assert_eq!(m.anchors.len(), 1);
        assert_eq!((m.source(0), m.source(1), m.source(4)), (3, 4, 12));
        // One legacy byte per letter: `Vi` + `ệ` (3 bytes from one) + `t`.
        let mut m = OffsetMap::new();
        m.push(0, 0);
        m.push(2, 2);
        m.push(5, 3);
        m.finish(6, 4);
        assert_eq!((m.source(2), m.source(5), m.source(6)), (2, 3, 4));
    }
}
