//! The one place that knows Unicode: a normalized view of the input for
//! matching, and the alignment that maps every normalized span back to the
//! original input.
//!
//! Normalization (all of it reversible through [`Text::to_original`]):
//! - NFC composition of decomposed and half-composed letters;
//! - look-alikes: `Ð` (U+00D0) and `Ɖ` (U+0189) → `Đ`, `ð` (U+00F0) → `đ`;
//! - odd spaces (no-break, narrow, ideographic…) → ASCII space; zero-width
//!   characters, soft hyphens and the BOM are dropped;
//! - en/em dashes and the minus sign → `-`;
//! - CRLF and lone CR → LF;
//! - `_` of word-segmented text → space;
//! - old tone placement at the end of a syllable → the placement used in
//!   administrative texts (`hoà` → `hòa`, `uỷ` → `ủy`, but `quý` stays).
//!
//! Two views share one byte layout: [`Text::norm`] keeps case (document codes
//! need it: `TTg`, `CTr`) and [`Text::lower`] is its lower-case twin, so a
//! byte offset found in either view means the same place.

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// A stretch of the input whose normalized form differs from the original.
/// Outside these segments the two texts are byte-identical.
#[derive(Debug, Clone, Copy)]
struct Segment {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// The original input with its normalized views and their alignment.
#[derive(Debug)]
pub struct Text<'a> {
    original: &'a str,
    norm: String,
    lower: String,
    segments: Vec<Segment>,
}

impl<'a> Text<'a> {
    /// Builds the normalized views of `original` in one pass.
    pub fn new(original: &'a str) -> Self {
        let mut norm = String::with_capacity(original.len());
        let mut segments = Vec::new();
        // Non-ASCII capitals as they land in `norm`: the lower view is the
        // ASCII lower case of `norm` with these replaced.
        let mut capitals = Capitals::default();
        let bytes = original.as_bytes();
        let mut i = 0;
        // Unchanged stretches are copied in one piece when a change comes.
        let mut copied = 0;
        // End of the last stretch handed to `normalize_at`.
        let mut done = 0;
        let mut scratch = String::new();
        while let Some(next) = next_look(bytes, i) {
            i = next;
            // Where `original[i..]` will sit in `norm` if it stays as it is.
            let shift = norm.len() as isize - copied as isize;
            let at = match bytes[i] {
                // A combining mark belongs with the letter before it, and
                // an `o`/`u` before that letter may carry its tone.
                0xCC | 0xCD => {
                    let mut p = i;
                    while p > done && (0x80..0xC0).contains(&bytes[p - 1]) {
                        p -= 1;
                    }
                    if p <= done {
                        i
                    } else if p >= done + 2
                        && is_tone_base_byte(bytes[p - 2])
                        && matches!(bytes[p - 1] | 0x20, b'a' | b'e' | b'y')
                    {
                        p - 2
                    } else {
                        p - 1
                    }
                }
                0xC3 | 0xC6 | 0xE1
                    if i > done
                        && is_tone_base_byte(bytes[i - 1])
                        && is_tone_follower(&bytes[i..]) =>
                {
                    i - 1
                }
                0xC3 | 0xC6 | 0xE1 => match stable_letter_len(bytes, i) {
                    0 => i,
                    len => {
                        capitals.note_kept(bytes, i, len, shift);
                        i += len;
                        continue;
                    }
                },
                // Latin Extended-A/B letters are kept as they are.
                0xC4 | 0xC5 | 0xC7 | 0xC8 => {
                    capitals.note_kept(bytes, i, 2, shift);
                    i += 2;
                    continue;
                }
                _ => i,
            };
            let (end, changed) = normalize_at(original, at, &mut scratch);
            if changed {
                norm.push_str(&original[copied..at]);
                let norm_start = norm.len();
                norm.push_str(&scratch);
                capitals.note_all(&scratch, norm_start);
                segments.push(Segment {
                    norm_start,
                    norm_end: norm.len(),
                    orig_start: at,
                    orig_end: end,
                });
                copied = end;
            } else {
                capitals.note_all(&original[at..end], (at as isize + shift) as usize);
            }
            done = end;
            i = end;
        }
        norm.push_str(&original[copied..]);
        let mut lower = capitals.lower(&norm);
        join_soft_wraps(&norm, &mut lower);
        Text {
            original,
            norm,
            lower,
            segments,
        }
    }

    /// Several texts one after another, `sep` between them, as one text
    /// for the rules to run over; and where each text starts in it. The
    /// joined text has no original of its own: offsets found in it are
    /// taken back to each text, which maps them to its input.
    pub(crate) fn join(texts: &[Text], sep: &str) -> (Text<'static>, Vec<usize>) {
        let len = texts.iter().map(|t| t.norm.len() + sep.len()).sum();
        let (mut norm, mut lower) = (String::with_capacity(len), String::with_capacity(len));
        let mut starts = Vec::with_capacity(texts.len());
        for (k, t) in texts.iter().enumerate() {
            if k > 0 {
                norm.push_str(sep);
                lower.push_str(sep);
            }
            starts.push(norm.len());
            norm.push_str(&t.norm);
            lower.push_str(&t.lower);
        }
        let joined = Text {
            original: "",
            norm,
            lower,
            segments: Vec::new(),
        };
        (joined, starts)
    }

    /// The original input.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized view, case kept.
    pub fn norm(&self) -> &str {
        &self.norm
    }

    /// The normalized view in lower case; same byte offsets as [`Text::norm`].
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Maps a normalized byte span to the original byte span that produced it.
    /// A span that starts or ends inside a changed stretch grows to cover it.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig_start_of(start);
        if end <= start {
            return (s, s);
        }
        let e = self.orig_end_of(end - 1);
        (s, e.max(s))
    }

    /// Original byte offset where the normalized byte `pos` comes from.
    fn orig_start_of(&self, pos: usize) -> usize {
        let idx = self.segments.partition_point(|s| s.norm_end <= pos);
        if let Some(seg) = self.segments.get(idx) {
            if seg.norm_start <= pos {
                return seg.orig_start;
            }
        }
        self.identity(idx, pos)
    }

    /// Original byte offset just after the normalized byte `pos`.
    fn orig_end_of(&self, pos: usize) -> usize {
        let idx = self.segments.partition_point(|s| s.norm_end <= pos);
        if let Some(seg) = self.segments.get(idx) {
            if seg.norm_start <= pos {
                return seg.orig_end;
            }
        }
        self.identity(idx, pos) + 1
    }

    /// Offset of an unchanged byte: the last segment before it fixes the shift.
    /// (Zero-length deletions at the same place sort by original offset.)
    fn identity(&self, idx: usize, pos: usize) -> usize {
        match idx.checked_sub(1).map(|i| self.segments[i]) {
            Some(prev) => prev.orig_end + (pos - prev.norm_end),
            None => pos,
        }
    }
}

/// Length of the letter at byte `i` when it is one that normalization keeps
/// (see [`is_stable_letter`]), decoded from its bytes; 0 otherwise.
#[inline]
fn stable_letter_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i..] {
        [a @ 0xC3..=0xC9, b, ..] => {
            let c = (u32::from(a & 0x1F) << 6) | u32::from(b & 0x3F);
            if char::from_u32(c).is_some_and(is_stable_letter) {
                2
            } else {
                0
            }
        }
        // U+1EA0..U+1EF9: E1 BA A0 .. E1 BB B9.
        [0xE1, b @ (0xBA | 0xBB), c, ..] if b == 0xBA && c >= 0xA0 || b == 0xBB && c <= 0xB9 => 3,
        _ => 0,
    }
}

/// The next byte from `i` on where normalization may have work: CR, `_`,
/// and the first byte of every character outside ASCII (the letters that
/// stay as they are still have their case noted). Eight bytes at a time
/// through plain ASCII; continuation bytes are never looked at, a combining
/// mark is found by its own first byte.
#[inline]
fn next_look(bytes: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // High bit of each byte equal to `b` (exact up to the first such byte,
    // which is all that is asked).
    let equal = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGH
    };
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let found = (x & (x << 1) & HIGH) | equal(x, b'\r') | equal(x, b'_');
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    Some(
        i + rest
            .iter()
            .position(|&b| b >= 0xC0 || b == b'\r' || b == b'_')?,
    )
}

/// First byte of a combining mark in U+0300..U+036F.
fn is_mark_lead(b: u8) -> bool {
    b == 0xCC || b == 0xCD
}

/// The vowels that may open an old tone placement (`oà`, `uỷ`).
fn is_tone_base_byte(b: u8) -> bool {
    matches!(b, b'o' | b'O' | b'u' | b'U')
}

/// After an `o`/`u`: an `a`, `e` or `y` with one tone mark, precomposed —
/// the letters [`tone_pair`] may move the tone from (with decomposed marks,
/// the mark is found first). `uố`, `uô`, `ươ` (`quốc`, `thuộc`, `người`) are
/// common and never change.
fn is_tone_follower(rest: &[u8]) -> bool {
    match rest {
        // À Á Ã È É Ý à á ã è é ý
        [0xC3, b, ..] => matches!(
            b,
            0x80 | 0x81 | 0x83 | 0x88 | 0x89 | 0x9D | 0xA0 | 0xA1 | 0xA3 | 0xA8 | 0xA9 | 0xBD
        ),
        // Ạ ạ Ả ả, Ẹ ẹ Ẻ ẻ Ẽ ẽ
        [0xE1, 0xBA, c, ..] => matches!(c, 0xA0..=0xA3 | 0xB8..=0xBD),
        // Ỳ ỳ Ỵ ỵ Ỷ ỷ Ỹ ỹ
        [0xE1, 0xBB, c, ..] => matches!(c, 0xB2..=0xB9),
        _ => false,
    }
}

/// Where the lower view differs from the ASCII lower case of the normalized
/// one: capitals outside ASCII, by their offset in the normalized view, with
/// their lower case (same length, or they stay as they are).
#[derive(Default)]
struct Capitals(Vec<(usize, char)>);

impl Capitals {
    /// The letter of `len` bytes at `bytes[i..]`, kept as it is at `i +
    /// shift` in the normalized view, unless a combining mark follows it
    /// (the mark's cluster is normalized and noted as a whole).
    #[inline]
    fn note_kept(&mut self, bytes: &[u8], i: usize, len: usize, shift: isize) {
        if lower_letter_len(bytes, i) > 0 || bytes.get(i + len).is_some_and(|&b| is_mark_lead(b)) {
            return;
        }
        let pos = (i as isize + shift) as usize;
        if let Some(c) = std::str::from_utf8(&bytes[i..i + len])
            .ok()
            .and_then(|s| s.chars().next())
        {
            self.note(pos, c);
        }
    }

    /// Every character of `s`, which sits at `pos` in the normalized view.
    fn note_all(&mut self, s: &str, pos: usize) {
        for (k, c) in s.char_indices() {
            if !c.is_ascii() {
                self.note(pos + k, c);
            }
        }
    }

    fn note(&mut self, pos: usize, c: char) {
        if let Some(l) = lower_of(c).filter(|l| l.len_utf8() == c.len_utf8()) {
            self.0.push((pos, l));
        }
    }

    /// The lower view of `norm`.
    fn lower(self, norm: &str) -> String {
        let mut out = norm.to_ascii_lowercase();
        for (pos, l) in self.0 {
            // Same length: nothing after it moves.
            out.replace_range(pos..pos + l.len_utf8(), l.encode_utf8(&mut [0; 4]));
        }
        out
    }
}

/// Crawled and converted documents break lines inside phrases
/// (`ngày 16 tháng\n10 năm 2025`, `Ủy ban nhân\ndân tỉnh`). In the lower
/// view a line break between a word and a lower-case word or a number
/// becomes a space, so the patterns read the phrase whole; a blank line, a
/// line ending in punctuation and a list marker (`2.`, `a)`) keep theirs.
/// The tokens treat such a break as a space as well.
///
/// Text from PDFs also breaks pages inside a sentence: a page number
/// (`2`, `- 2 -`, `Trang 2`), a form feed and the running header or footer
/// repeated on every page stand between its halves. Such a page break is
/// blanked in the lower view and joined like a line break, so the tokens
/// and patterns read neither the furniture nor a break there.
fn join_soft_wraps(norm: &str, lower: &mut String) {
    let bytes = norm.as_bytes();
    let running = running_lines(norm);
    let mut joins = Vec::new();
    for p in memchr::memchr_iter(b'\n', bytes) {
        let prev_ok = p > 0 && (bytes[p - 1].is_ascii_alphanumeric() || bytes[p - 1] >= 0x80);
        if !prev_ok || p + 1 >= bytes.len() {
            continue;
        }
        let q = page_break_end(norm, p + 1, &running).unwrap_or(p + 1);
        let Some(next) = norm[q..].chars().next() else {
            continue;
        };
        let next_ok = if next.is_ascii_digit() {
            // `2. Mục tiêu`, `3) …`: a list marker starts a new line.
            let run = bytes[q..].iter().take_while(|b| b.is_ascii_digit()).count();
            !matches!(bytes.get(q + run), Some(b'.' | b')'))
        } else if next.is_uppercase() {
            // A name in capitals wrapped over two lines of capitals
            // (`ỦY BAN THƯỜNG VỤ` / `QUỐC HỘI` / `-----`). Not the title
            // above a signer's name (`… NHÂN DÂN` / `CHỦ TỊCH` / `Hồ Văn
            // Mười`), nor a new signing formula (`KT. CHỦ TỊCH`).
            let prev_line = &norm[norm[..p].rfind('\n').map_or(0, |k| k + 1)..p];
            let mut after = norm[q..].split('\n');
            let next_line = after.next().unwrap_or("");
            let third = after.next().unwrap_or("").trim();
            let formula = ["KT.", "TM.", "TL.", "TUQ.", "Q.", "T/M", "K/T"]
                .iter()
                .any(|f| next_line.starts_with(f));
            // A single capitalized word on its own line (`CỘNG` / `HÒA XÃ
            // HỘI …`, `Lai` / `Châu, ngày …`) is half a name: no title,
            // formula or heading is one bare word.
            // (Not the last word of a name wrapped before it: `TM. ỦY BAN
            // NHÂN` / `DÂN` / `CHỦ TỊCH`.)
            let line_start = p - prev_line.len();
            let before = norm[..line_start.saturating_sub(1)]
                .rsplit('\n')
                .next()
                .filter(|_| line_start > 0)
                .unwrap_or("");
            // The next word is written the same way: capitals after
            // capitals, a capital and small letters after the same.
            let next_word = next_line.split([' ', ',']).next().unwrap_or("");
            let one_word = prev_line.trim().chars().all(char::is_alphabetic)
                && prev_line.trim().chars().count() > 1
                && !is_caps_line(before)
                && is_caps_line(prev_line) == is_caps_line(next_word);
            one_word
                || is_caps_line(prev_line)
                    && is_caps_line(next_line)
                    && !formula
                    && (is_caps_line(third) || !third.chars().any(char::is_alphanumeric))
        } else {
            next.is_lowercase()
                // `a) …`, `đ) …`: a lettered list marker.
                && !norm[q + next.len_utf8()..].starts_with(')')
        };
        if next_ok {
            joins.push(p..q);
        }
    }
    if joins.is_empty() {
        return;
    }
    let mut out = std::mem::take(lower).into_bytes();
    for r in joins {
        // Every byte, so that a blanked header stays valid UTF-8 and the
        // views keep their lengths.
        out[r].fill(b' ');
    }
    *lower = String::from_utf8(out).expect("ASCII replaced by ASCII");
}

/// Where the text goes on after a page break that starts at `from` (just
/// after a line break): past blank lines, form feeds, page numbers and
/// `running` headers, to the first character of the next line of text.
/// `None` unless a form feed or a page number was among them: a blank line
/// alone ends a paragraph.
fn page_break_end(norm: &str, from: usize, running: &[&str]) -> Option<usize> {
    // Most lines start with a word: no page break there.
    if !matches!(
        norm.as_bytes().get(from),
        Some(b'\n' | b' ' | b'\t' | b'\r' | b'\x0c' | b'-' | b'0'..=b'9' | b'T')
    ) {
        return None;
    }
    let mut at = from;
    let mut furniture = false;
    for _ in 0..8 {
        let end = memchr::memchr(b'\n', &norm.as_bytes()[at..]).map_or(norm.len(), |k| at + k);
        let line = &norm[at..end];
        let trimmed = line.trim();
        furniture |= line.contains('\x0c');
        let skip = trimmed.is_empty()
            || is_page_number(trimmed)
            || (furniture && running.contains(&trimmed));
        furniture |= is_page_number(trimmed);
        if !skip {
            return furniture.then(|| at + (line.len() - line.trim_start().len()));
        }
        if end == norm.len() {
            return None;
        }
        at = end + 1;
    }
    None
}

/// `2`, `- 12 -`, `Trang 3`, `3/15`: a page number on a line of its own.
fn is_page_number(line: &str) -> bool {
    let line = line.strip_prefix("Trang ").unwrap_or(line);
    let line = line.trim_matches(|c: char| c == '-' || c == ' ');
    let mut parts = line.splitn(2, '/');
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(digits) && parts.next().is_none_or(digits)
}

/// The running headers and footers of a paged text: the lines next to a
/// form feed that come back at two page breaks or more.
fn running_lines(norm: &str) -> Vec<&str> {
    if memchr::memchr(b'\x0c', norm.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in norm.match_indices('\x0c') {
        let text = |l: &&str| !l.is_empty() && !is_page_number(l);
        let before = norm[..k].lines().rev().map(str::trim).find(text);
        let after = norm[k + 1..].lines().map(str::trim).find(text);
        seen.extend(before.into_iter().chain(after).filter(|l| l.len() <= 120));
    }
    seen.sort_unstable();
    let mut running: Vec<&str> = seen
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= 2)
        .map(|run| run[0])
        .collect();
    running.dedup();
    running
}

/// A short line of words in capitals, without a lower-case letter.
fn is_caps_line(line: &str) -> bool {
    line.len() < 120
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_lowercase)
}

/// Vowels that may carry the first half of an old/new tone-placement pair.
fn is_tone_base(c: char) -> bool {
    matches!(c, 'o' | 'O' | 'u' | 'U')
}

/// Normalizes the text at byte `i` (a char boundary). Returns the end of the
/// consumed stretch and whether it changed; the replacement is left in `scratch`.
fn normalize_at(text: &str, i: usize, scratch: &mut String) -> (usize, bool) {
    let rest = &text[i..];
    let mut chars = rest.char_indices();
    let (_, c) = chars
        .next()
        .expect("normalize_at is called inside the text");
    if c == '\r' {
        scratch.clear();
        scratch.push('\n');
        let len = if rest[1..].starts_with('\n') { 2 } else { 1 };
        return (i + len, true);
    }
    // Fast path: a precomposed Vietnamese letter with no mark after it.
    let next_is_mark = rest
        .as_bytes()
        .get(c.len_utf8())
        .is_some_and(|&b| b == 0xCC || b == 0xCD);
    if !next_is_mark && is_stable_letter(c) && !is_tone_base(c) {
        return (i + c.len_utf8(), false);
    }
    let cluster_end = cluster_len(rest);
    if let Some(len) = tone_pair(text, i, scratch) {
        return (i + len, true);
    }
    scratch.clear();
    let single = cluster_end == c.len_utf8();
    if single && !needs_mapping(c) && is_nfc_char(c) {
        return (i + cluster_end, false);
    }
    for n in rest[..cluster_end].nfc() {
        push_mapped(scratch, n);
    }
    (i + cluster_end, scratch.as_str() != &rest[..cluster_end])
}

/// Length in bytes of the character at the start of `s` with the combining
/// marks that follow it.
fn cluster_len(s: &str) -> usize {
    let mut it = s.char_indices();
    let (_, first) = it.next().unwrap_or((0, ' '));
    let mut end = first.len_utf8();
    for (j, c) in it {
        // Hangul vowel and final jamo compose with what stands before them.
        if is_combining_mark(c) || matches!(c as u32, 0x1160..=0x11FF | 0xD7B0..=0xD7FF) {
            end = j + c.len_utf8();
        } else {
            break;
        }
    }
    end.min(s.len())
}

/// Letters that normalization leaves as they are: Latin-1 and Latin
/// Extended-A/B letters and the precomposed Vietnamese block, less the
/// look-alikes of `Đ`.
fn is_stable_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xCF | 0xD1..=0xD6 | 0xD8..=0xEF | 0xF1..=0xF6 | 0xF8..=0x188 | 0x18A..=0x24F | 0x1EA0..=0x1EF9)
}

fn is_nfc_char(c: char) -> bool {
    if (c as u32) < 0x300 && !matches!(c, '\u{00D0}' | '\u{00F0}') {
        return true;
    }
    canonical_combining_class(c) == 0 && std::iter::once(c).nfc().eq(std::iter::once(c))
}

fn needs_mapping(c: char) -> bool {
    mapped(c) != Some(c)
}

/// The normalized form of one NFC character; `None` drops it.
fn mapped(c: char) -> Option<char> {
    Some(match c {
        '\u{00D0}' | '\u{0189}' => 'Đ',
        '\u{00F0}' => 'đ',
        '_' => ' ',
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => ' ',
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    })
}

fn push_mapped(out: &mut String, c: char) {
    if let Some(m) = mapped(c) {
        out.push(m);
    }
}

const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Old tone placement at the end of a syllable: `oà`, `oé`, `uỷ`… become
/// `òa`, `óe`, `ủy`. The `u` of `qu` is part of the onset and is left alone,
/// as is any pair followed by another letter (`hoàng`).
fn tone_pair(text: &str, i: usize, scratch: &mut String) -> Option<usize> {
    let rest = &text[i..];
    let first = rest.chars().next()?;
    if !is_tone_base(first) {
        return None;
    }
    if first.eq_ignore_ascii_case(&'u') && text[..i].ends_with(['q', 'Q']) {
        return None;
    }
    let second_len = cluster_len(&rest[1..]);
    if second_len == 0 {
        return None;
    }
    let second = &rest[1..1 + second_len];
    let after = &rest[1 + second_len..];
    if after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || is_combining_mark(c))
    {
        return None;
    }
    let mut decomposed = second.nfd();
    let base = decomposed.next()?;
    let marks: Vec<char> = decomposed.collect();
    let allowed = match first.to_ascii_lowercase() {
        'o' => matches!(base.to_ascii_lowercase(), 'a' | 'e'),
        _ => base.eq_ignore_ascii_case(&'y'),
    };
    if !allowed || marks.len() != 1 || !TONE_MARKS.contains(&marks[0]) {
        return None;
    }
    scratch.clear();
    scratch.extend([first, marks[0]].iter().copied().nfc());
    scratch.push(base);
    Some(1 + second_len)
}

/// Whether one of the eight bytes of `x` is an ASCII digit (the classic
/// "has a byte between" word trick; bytes from 0x80 up never count).
#[inline]
pub fn has_digit(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (ONES * 0x7F);
    let below_colon = (ONES * (0x7F + u64::from(b':'))).wrapping_sub(low7);
    let above_slash = low7 + ONES * (0x7F - u64::from(b'/'));
    below_colon & !x & above_slash & (ONES * 0x80) != 0
}

/// The first ASCII digit of `b` from `i` on: eight bytes at a time through
/// text without digits (most of it), then byte by byte.
#[inline]
pub fn next_digit(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(eight) = b.get(i..i + 8) {
        if has_digit(u64::from_le_bytes(eight.try_into().expect("eight bytes"))) {
            break;
        }
        i += 8;
    }
    Some(i + b.get(i..)?.iter().position(u8::is_ascii_digit)?)
}

/// Length of the character at byte `i` when it is a lower-case Vietnamese
/// letter outside ASCII (`à`, `đ`, `ư`, `ệ`…), read from its bytes; 0 for
/// anything else (which may still be a lower-case letter). Also `ß`..`ÿ`
/// and `÷`, which no lower-casing changes.
#[inline]
pub fn lower_letter_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i..] {
        [0xC3, b, ..] if b >= 0x9F => 2,
        [0xC6, 0xA1 | 0xB0, ..] | [0xC4, 0x83 | 0x91 | 0xA9, ..] | [0xC5, 0xA9, ..] => 2,
        // U+1EA0..U+1EF9: upper and lower case alternate, lower odd.
        [0xE1, 0xBA, c, ..] if c >= 0xA0 && c & 1 == 1 => 3,
        [0xE1, 0xBB, c, ..] if c <= 0xB9 && c & 1 == 1 => 3,
        _ => 0,
    }
}

/// Case of a non-ASCII letter: the Vietnamese ranges are read from the code
/// point (upper and lower case alternate), other characters ask the Unicode
/// tables. `Some(true)` upper, `Some(false)` lower, `None` without case.
#[inline]
fn letter_case(c: char) -> Option<bool> {
    let u = c as u32;
    match u {
        0xC0..=0xD6 | 0xD8..=0xDE => Some(true),
        0xDF..=0xF6 | 0xF8..=0xFF => Some(false),
        0x100..=0x12F | 0x150..=0x177 | 0x1EA0..=0x1EF9 => Some(u.is_multiple_of(2)),
        0x1A0 | 0x1AF => Some(true),
        0x1A1 | 0x1B0 => Some(false),
        0x300..=0x36F => None,
        _ => Some(c.is_uppercase()).filter(|&up| up || c.is_lowercase()),
    }
}

#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    letter_case(c) == Some(true)
}

#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    letter_case(c) == Some(false)
}

/// The lower case of a non-ASCII upper-case letter, when it is one letter:
/// the next code point in the ranges [`letter_case`] reads, Unicode's
/// mapping elsewhere.
#[inline]
fn lower_of(c: char) -> Option<char> {
    if !is_upper(c) {
        return None;
    }
    let u = c as u32;
    match u {
        0xC0..=0xDE => char::from_u32(u + 0x20),
        0x100..=0x12F | 0x150..=0x177 | 0x1A0 | 0x1AF | 0x1EA0..=0x1EF9 => char::from_u32(u + 1),
        _ => {
            let mut low = c.to_lowercase();
            match (low.next(), low.next()) {
                (Some(l), None) => Some(l),
                _ => None,
            }
        }
    }
}

/// `a b`: two phrases joined by a space (names are built this way for many
/// candidates; `format!` costs several times more).
pub fn join_words(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + 1 + b.len());
    s.push_str(a);
    s.push(' ');
    s.push_str(b);
    s
}

/// True for letters and digits, the characters that continue a word.
/// Vietnamese letters are answered from their code point ranges: the
/// general Unicode tables are slow for them.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c as u32 {
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        0x300..=0x36F | 0x1EA0..=0x1EF9 => true,
        // Punctuation and symbols common in these texts: quotes, dashes, bullets.
        0x2000..=0x206F | 0x20A0..=0x20CF | 0x2190..=0x22FF | 0x25A0..=0x25FF => false,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// True when byte `pos` of `s` is not inside a word on its left side.
pub fn boundary_before(s: &str, pos: usize) -> bool {
    !s[..pos].chars().next_back().is_some_and(is_word_char)
}

/// True when byte `pos` of `s` is not followed by a word character.
pub fn boundary_after(s: &str, pos: usize) -> bool {
    !s[pos..].chars().next().is_some_and(is_word_char)
}

/// Converts byte offsets of `original` to code point offsets in one sweep.
/// `positions` may come in any order; the result is in the same order.
pub fn char_offsets(original: &str, positions: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_unstable_by_key(|&k| positions[k]);
    let mut out = vec![0; positions.len()];
    let (mut byte, mut chars) = (0usize, 0usize);
    for k in order {
        let target = positions[k];
        if target > byte {
            chars += original[byte..target].chars().count();
            byte = target;
        }
        out[k] = chars;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(input: &str, needle: &str) -> String {
        let t = Text::new(input);
        let s = t.norm().find(needle).expect("needle in normalized text");
        let (a, b) = t.to_original(s, s + needle.len());
        input[a..b].to_string()
    }

    #[test]
    fn nfd_and_lookalikes_normalize() {
        let nfd: String = "Nghị định".nfd().collect();
        let t = Text::new(&nfd);
        assert_eq!(t.norm(), "Nghị định");
        assert_eq!(Text::new("\u{00D0}ảng").norm(), "Đảng");
        assert_eq!(Text::new("a\u{00A0}b\u{200B}c").norm(), "a bc");
        assert_eq!(Text::new("2020 \u{2013} 2025").norm(), "2020 - 2025");
        assert_eq!(Text::new("a\r\nb\rc").norm(), "a\nb\nc");
        assert_eq!(Text::new("Hà_Nội").norm(), "Hà Nội");
        // Other scripts come out in NFC too: Hangul jamo compose.
        let hangul: String = "가각 한".nfd().collect();
        assert_eq!(Text::new(&hangul).norm(), "가각 한");
    }

    #[test]
    fn tone_placement_is_unified() {
        assert_eq!(Text::new("hoà bình").norm(), "hòa bình");
        assert_eq!(Text::new("Uỷ ban").norm(), "Ủy ban");
        assert_eq!(Text::new("quý I").norm(), "quý I");
        assert_eq!(Text::new("hoàng").norm(), "hoàng");
        assert_eq!(Text::new("KHOẺ").norm(), "KHỎE");
    }

    #[test]
    fn spans_map_back_to_original() {
        let nfd: String = "Nghị định số 30".nfd().collect();
        assert_eq!(roundtrip(&nfd, "định"), "định".nfd().collect::<String>());
        assert_eq!(roundtrip("\u{FEFF}Chỉ thị", "Chỉ"), "Chỉ");
        assert_eq!(roundtrip("a\u{200B}b", "ab"), "a\u{200B}b");
        assert_eq!(roundtrip("x\r\ny", "x\ny"), "x\r\ny");
        assert_eq!(roundtrip("Uỷ ban", "Ủy"), "Uỷ");
    }

    #[test]
    fn soft_wraps_are_spaces_in_the_lower_view() {
        let t = Text::new("ngày 16 tháng\n10 năm 2025, Ủy ban nhân\ndân tỉnh");
        assert_eq!(t.lower(), "ngày 16 tháng 10 năm 2025, ủy ban nhân dân tỉnh");
        // A sentence end, a list marker and a capital keep the break.
        for kept in [
            "họp.\nngày",
            "sau:\n2. Mục",
            "sau\na) Mục",
            "Huế\nĐẢNG",
            "x\n\ny",
        ] {
            assert_eq!(
                Text::new(kept).lower().matches('\n').count(),
                kept.matches('\n').count(),
                "{kept:?}"
            );
        }
        // The end of a wrapped body is no one-word heading: the title after
        // it stays on its line.
        let t = Text::new("TM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nHồ Văn Mười");
        assert_eq!(t.lower(), "tm. ủy ban nhân dân\nchủ tịch\nhồ văn mười");
        // A crawl that breaks after one word of a heading or a dateline.
        let t = Text::new("|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập\n|\nLai\nChâu, ngày 28");
        assert_eq!(
            t.lower(),
            "|\ncộng hòa xã hội chủ nghĩa việt nam\nđộc lập\n|\nlai châu, ngày 28"
        );
    }

    #[test]
    fn page_breaks_inside_a_sentence_are_spaces_in_the_lower_view() {
        // `pdftotext` output: a form feed, a page number, the running header.
        let paged = "BÁO CÁO SỐ 5\nVăn bản của Bộ Chính\n\n\x0c   2\nBÁO CÁO SỐ 5\ntrị và Ủy ban nhân\n- 3 -\n\x0cBÁO CÁO SỐ 5\ndân tỉnh.";
        let t = Text::new(paged);
        assert_eq!(t.lower().len(), paged.len());
        let words: Vec<_> = t.lower().split_whitespace().collect();
        assert_eq!(
            words.join(" "),
            "báo cáo số 5 văn bản của bộ chính trị và ủy ban nhân dân tỉnh."
        );
        assert_eq!(t.lower().matches('\n').count(), 1, "{:?}", t.lower());
        // Without a form feed or a page number, a blank line ends a paragraph,
        // and a number that starts a list stays.
        for kept in ["Bộ Chính\n\ntrị", "như sau\n\n2. trị", "Bộ Chính\n\x0cĐẢNG"] {
            assert!(Text::new(kept).lower().contains('\n'), "{kept:?}");
        }
        assert!(is_page_number("Trang 3/15") && is_page_number("- 12 -"));
        assert!(!is_page_number("2.") && !is_page_number("12345") && !is_page_number("Trang"));
    }

    #[test]
    fn lower_view_shares_offsets() {
        let t = Text::new("ĐẢNG Bộ İ");
        assert_eq!(t.lower().len(), t.norm().len());
        assert!(t.lower().starts_with("đảng bộ"));
    }

    /// The lower view character by character, as its definition says.
    fn lower_by_chars(norm: &str) -> String {
        norm.chars()
            .map(|c| match lower_of(c) {
                Some(l) if l.len_utf8() == c.len_utf8() => l,
                _ if c.is_ascii() => c.to_ascii_lowercase(),
                _ => c,
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn lower_view_is_the_lower_case_of_each_character(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "o", "O", "U", "q", "A", "y", "\u{301}", "\u{323}", "\u{309}", "À", "à", "ạ",
                "Ỷ", "Đ", "Ð", "ð", "Ơ", "Ư", "Ă", "Ĩ", "Ǆ", "Ȁ", "İ", "Σ", "Ж", "ẞ", "Ệ",
                "ệ", "\r\n", "_", " ", "\u{a0}", "\u{200b}", "\u{2013}", "x", "1", "\u{308}", "\n", "a", "2", ")", ".",
            ]), 0..24)
        ) {
            let input = pieces.concat();
            let t = Text::new(&input);
            // Soft wraps and page breaks (a page-number line such as `1`
            // between two lines) are spaces in the lower view; nothing else
            // differs.
            let expected = lower_by_chars(t.norm());
            let same = t.lower().bytes().zip(expected.bytes()).all(|(l, e)| l == e || l == b' ');
            proptest::prop_assert!(same && t.lower().len() == expected.len(), "{:?} vs {:?}", t.lower(), expected);
        }
    }

    #[test]
    fn lower_case_table_agrees_with_unicode() {
        for c in (0x80..0x2000)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            let mut low = c.to_lowercase();
            let expected = match (low.next(), low.next()) {
                (Some(l), None) if c.is_uppercase() && l.len_utf8() == c.len_utf8() => Some(l),
                _ => None,
            };
            let got = lower_of(c).filter(|l| l.len_utf8() == c.len_utf8());
            assert_eq!(got, expected, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn stable_letters_decode_like_chars() {
        for c in (0x80..0x2000)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            let s = c.to_string();
            let expected = if is_stable_letter(c) { s.len() } else { 0 };
            assert_eq!(
                stable_letter_len(s.as_bytes(), 0),
                expected,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn char_offsets_in_one_sweep() {
        let s = "aĐb€c";
        assert_eq!(char_offsets(s, &[7, 0, 3, 4]), vec![4, 0, 2, 3]);
    }
}
