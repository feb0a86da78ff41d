//! Legacy Vietnamese encodings and mojibake: decoders that keep where each
//! letter came from, and detection by how Vietnamese the result reads.
//!
//! The letters' TCVN3 and VNI codes are `data/legacy_letters.tsv`; the
//! Windows code pages come from `encoding_rs`. A decoder reads *units*: the
//! bytes of a legacy file, or, for text that was mis-read once and saved as
//! UTF-8 (mojibake), the Windows-1252 byte each character stands for.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::offsets::OffsetMap;

/// How the bytes of an input were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Tcvn3,
    Vni,
    Cp1258,
    Viqr,
    /// UTF-8 read as Windows-1252 and saved again (`Nghá»‹ Ä‘á»‹nh`).
    Utf8Mojibake,
    /// TCVN3 shown through Windows-1252 and saved as UTF-8 (`Uû ban nh©n d©n`).
    Tcvn3Mojibake,
    /// VNI shown through Windows-1252 and saved as UTF-8 (`Quyeát ñònh`).
    VniMojibake,
}

impl Encoding {
    pub const ALL: [Encoding; 8] = [
        Encoding::Utf8,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Cp1258,
        Encoding::Viqr,
        Encoding::Utf8Mojibake,
        Encoding::Tcvn3Mojibake,
        Encoding::VniMojibake,
    ];

    /// The name in output lines and for `--encoding`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Cp1258 => "cp1258",
            Encoding::Viqr => "viqr",
            Encoding::Utf8Mojibake => "utf-8-mojibake",
            Encoding::Tcvn3Mojibake => "tcvn3-mojibake",
            Encoding::VniMojibake => "vni-mojibake",
        }
    }

    pub fn parse(s: &str) -> Option<Encoding> {
        let s = s.to_ascii_lowercase().replace('_', "-");
        let s = match s.as_str() {
            "utf8" => "utf-8",
            "abc" | "tcvn" => "tcvn3",
            "vni-windows" => "vni",
            "windows-1258" => "cp1258",
            other => other,
        }
        .to_string();
        Encoding::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// Whether the input's bytes are UTF-8 (the mojibakes and VIQR are).
    pub fn reads_utf8(self) -> bool {
        matches!(
            self,
            Encoding::Utf8
                | Encoding::Viqr
                | Encoding::Utf8Mojibake
                | Encoding::Tcvn3Mojibake
                | Encoding::VniMojibake
        )
    }
}

/// A decoded text and where its bytes came from.
pub struct Decoded {
    pub text: String,
    pub map: OffsetMap,
}

/// A byte of a legacy encoding, or a character no byte stands for (in
/// mojibake: one outside Windows-1252), with its offset in the source.
#[derive(Clone, Copy)]
enum Unit {
    Byte(u8),
    Char(char),
}

struct Tables {
    tcvn3: [Option<char>; 256],
    vni_single: [Option<char>; 256],
    /// (base byte, mark byte) → letter.
    vni_pair: HashMap<(u8, u8), char>,
    cp1252: [char; 256],
    cp1252_byte: HashMap<char, u8>,
    cp1258: [char; 256],
    /// Lower-case Vietnamese letter → (toneless letter, has a tone).
    letters: HashMap<char, (char, bool)>,
}

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let page = |enc: &'static encoding_rs::Encoding| -> [char; 256] {
            let mut t = ['\u{FFFD}'; 256];
            for (b, slot) in t.iter_mut().enumerate() {
                let byte = [b as u8];
                let (s, _) = enc.decode_without_bom_handling(&byte);
                *slot = s.chars().next().unwrap_or('\u{FFFD}');
            }
            t
        };
        let cp1252 = page(encoding_rs::WINDOWS_1252);
        let cp1252_byte = (128..256)
            .map(|b| (cp1252[b], b as u8))
            .collect::<HashMap<_, _>>();
        let mut tcvn3 = [None; 256];
        let mut vni_single = [None; 256];
        let mut vni_pair = HashMap::new();
        let mut letters = HashMap::new();
        let hex = |h: &str| u8::from_str_radix(h, 16).expect("legacy_letters.tsv: hex byte");
        for line in include_str!("../../data/legacy_letters.tsv")
            .lines()
            .skip(4)
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let [letter, t, v] = cols[..] else {
                panic!("legacy_letters.tsv: three columns in `{line}`")
            };
            let c = letter.chars().next().expect("a letter");
            // Toned capitals share the lower-case code: keep the first
            // (lower-case) letter, as TCVN3 text shows them.
            tcvn3[usize::from(hex(t))].get_or_insert(c);
            match v.split(' ').map(hex).collect::<Vec<_>>()[..] {
                [b] => vni_single[usize::from(b)] = Some(c),
                [base, mark] => {
                    vni_pair.insert((base, mark), c);
                }
                _ => panic!("legacy_letters.tsv: one or two VNI bytes"),
            }
            for c in c.to_lowercase() {
                let toned = c.nfd().any(|d| TONES.contains(&d));
                let base: String = c.nfd().filter(|d| !TONES.contains(d)).nfc().collect();
                letters.insert(c, (base.chars().next().unwrap_or(c), toned));
            }
        }
        Tables {
            tcvn3,
            vni_single,
            vni_pair,
            cp1252,
            cp1252_byte,
            cp1258: page(encoding_rs::WINDOWS_1258),
            letters,
        }
    })
}

/// The text layer being written, with its offset map.
struct Out {
    text: String,
    map: OffsetMap,
}

impl Out {
    fn with_capacity(n: usize) -> Out {
        Out {
            text: String::with_capacity(n + n / 2),
            map: OffsetMap::new(),
        }
    }

    fn put(&mut self, c: char, source: usize) {
        self.map.push(self.text.len(), source);
        self.text.push(c);
    }

    /// Composes a combining tone with the letter before it (Windows-1258).
    fn put_mark(&mut self, mark: char, source: usize) {
        // Through NFC, not one composition: `ô` + dot below is `ộ`, whose
        // canonical order puts the dot first.
        let composed = self.text.chars().next_back().and_then(|prev| {
            let mut s = [prev, mark].into_iter().nfc();
            s.next().filter(|_| s.next().is_none())
        });
        match composed {
            Some(c) => {
                self.text.pop();
                self.text.push(c);
            }
            None => self.put(mark, source),
        }
    }

    fn finish(mut self, source_len: usize) -> Decoded {
        self.map.finish(self.text.len(), source_len);
        Decoded {
            text: self.text,
            map: self.map,
        }
    }
}

fn units_of_bytes(bytes: &[u8]) -> Vec<(Unit, usize)> {
    bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| (Unit::Byte(b), i))
        .collect()
}

/// The Windows-1252 byte each character of a mis-read text stands for.
fn units_of_misread(text: &str) -> Vec<(Unit, usize)> {
    let t = tables();
    text.char_indices()
        .map(|(i, c)| {
            let u = match c {
                c if c.is_ascii() => Unit::Byte(c as u8),
                // Latin-1 readers show the bytes Windows-1252 leaves out as C1 controls.
                '\u{80}'..='\u{9f}' => Unit::Byte(c as u8),
                c => t
                    .cp1252_byte
                    .get(&c)
                    .map_or(Unit::Char(c), |&b| Unit::Byte(b)),
            };
            (u, i)
        })
        .collect()
}

fn decode_tcvn3(units: &[(Unit, usize)], len: usize) -> Decoded {
    let t = tables();
    let mut out = Out::with_capacity(units.len());
    for &(u, at) in units {
        let c = match u {
            Unit::Byte(b) if b < 0x80 => b as char,
            Unit::Byte(b) => t.tcvn3[usize::from(b)].unwrap_or(t.cp1252[usize::from(b)]),
            Unit::Char(c) => c,
        };
        out.put(c, at);
    }
    out.finish(len)
}

fn decode_vni(units: &[(Unit, usize)], len: usize) -> Decoded {
    let t = tables();
    let mut out = Out::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        let (u, at) = units[k];
        let next = units.get(k + 1).and_then(|&(n, _)| match n {
            Unit::Byte(m) => Some(m),
            Unit::Char(_) => None,
        });
        let c = match u {
            Unit::Byte(b) => {
                if let Some(&c) = next.and_then(|m| t.vni_pair.get(&(b, m))) {
                    k += 1;
                    c
                } else if b < 0x80 {
                    b as char
                } else {
                    t.vni_single[usize::from(b)].unwrap_or(t.cp1252[usize::from(b)])
                }
            }
            Unit::Char(c) => c,
        };
        out.put(c, at);
        k += 1;
    }
    out.finish(len)
}

fn decode_cp1258(units: &[(Unit, usize)], len: usize) -> Decoded {
    let t = tables();
    let mut out = Out::with_capacity(units.len());
    for &(u, at) in units {
        match u {
            Unit::Byte(b) => {
                let c = t.cp1258[usize::from(b)];
                if TONES.contains(&c) {
                    out.put_mark(c, at);
                } else {
                    out.put(c, at);
                }
            }
            Unit::Char(c) => out.put(c, at),
        }
    }
    out.finish(len)
}

/// UTF-8 whose bytes were shown as Windows-1252 characters: the bytes are
/// put back together; a byte sequence that is no UTF-8 stays as it was.
fn decode_utf8_bytes(units: &[(Unit, usize)], len: usize) -> Decoded {
    let t = tables();
    let mut out = Out::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        let (u, at) = units[k];
        let Unit::Byte(lead) = u else {
            if let Unit::Char(c) = u {
                out.put(c, at);
            }
            k += 1;
            continue;
        };
        let n = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        let mut buf = [lead, 0, 0, 0];
        let mut ok = n > 1 && k + n <= units.len();
        for (j, slot) in buf.iter_mut().enumerate().take(n).skip(1) {
            match units.get(k + j) {
                Some(&(Unit::Byte(b), _)) if ok && (0x80..0xC0).contains(&b) => *slot = b,
                // `Ä` + a byte the reader lost (U+FFFD): 0xC4 0x90, `Đ`, the
                // only Vietnamese letter it can be.
                Some(&(Unit::Char('\u{FFFD}'), _)) if ok && lead == 0xC4 && n == 2 => *slot = 0x90,
                _ => ok = false,
            }
        }
        match ok.then(|| std::str::from_utf8(&buf[..n]).ok()).flatten() {
            Some(s) => {
                out.put(s.chars().next().expect("one char"), at);
                k += n;
            }
            None => {
                let c = if lead < 0x80 {
                    lead as char
                } else {
                    t.cp1252[usize::from(lead)]
                };
                out.put(c, at);
                k += 1;
            }
        }
    }
    out.finish(len)
}

/// VIQR: letters followed by ASCII marks (`Vie^.t Nam`, `DDa?ng`). A mark
/// that could be punctuation (`?`, `.`, `'`) counts only inside a word.
fn decode_viqr(text: &str) -> Decoded {
    let mut out = Out::with_capacity(text.len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let next = chars.get(k + 1).map(|&(_, c)| c);
        if (c == 'd' || c == 'D') && matches!(next, Some('d' | 'D')) {
            out.put(if c == 'd' { 'đ' } else { 'Đ' }, at);
            k += 2;
            continue;
        }
        if !"aeiouyAEIOUY".contains(c) {
            out.put(c, at);
            k += 1;
            continue;
        }
        let mut s = c.to_string();
        k += 1;
        let shape = |m: char| match (c.to_ascii_lowercase(), m) {
            ('a', '(') => Some('\u{306}'),
            ('a' | 'e' | 'o', '^') => Some('\u{302}'),
            ('o' | 'u', '+') => Some('\u{31b}'),
            _ => None,
        };
        if let Some(d) = chars.get(k).and_then(|&(_, m)| shape(m)) {
            s.push(d);
            k += 1;
        }
        let inside_word = |j: usize| chars.get(j + 1).is_some_and(|&(_, c)| c.is_alphabetic());
        let tone = chars.get(k).and_then(|&(_, m)| match m {
            '`' => Some('\u{300}'),
            '~' => Some('\u{303}'),
            '\'' | '?' | '.' if inside_word(k) => Some(match m {
                '\'' => '\u{301}',
                '?' => '\u{309}',
                _ => '\u{323}',
            }),
            _ => None,
        });
        if let Some(d) = tone {
            s.push(d);
            k += 1;
        }
        for c in s.nfc() {
            out.put(c, at);
        }
    }
    out.finish(text.len())
}

/// Decodes `bytes` (not UTF-8) in the encoding named, or in the one whose
/// result reads most like Vietnamese; `None` when none reads like it.
pub fn decode_bytes(bytes: &[u8], forced: Option<Encoding>) -> Option<(Encoding, Decoded)> {
    let units = units_of_bytes(bytes);
    let run = |e: Encoding| match e {
        Encoding::Tcvn3 => Some(decode_tcvn3(&units, bytes.len())),
        Encoding::Vni => Some(decode_vni(&units, bytes.len())),
        Encoding::Cp1258 => Some(decode_cp1258(&units, bytes.len())),
        _ => None,
    };
    if let Some(e) = forced {
        return run(e).map(|d| (e, d));
    }
    best(
        [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258]
            .into_iter()
            .filter_map(|e| run(e).map(|d| (e, d))),
        None,
    )
}

/// Repairs a mis-read UTF-8 text, or decodes VIQR, when `forced` names
/// one; otherwise repairs it only when a repair reads clearly more like
/// Vietnamese than the text as it is. Cheap when the text shows no sign of
/// mojibake.
pub fn repair_text(text: &str, forced: Option<Encoding>) -> Option<(Encoding, Decoded)> {
    let run = |e: Encoding, units: &[(Unit, usize)]| match e {
        Encoding::Utf8Mojibake => Some(decode_utf8_bytes(units, text.len())),
        Encoding::Tcvn3Mojibake => Some(decode_tcvn3(units, text.len())),
        Encoding::VniMojibake => Some(decode_vni(units, text.len())),
        _ => None,
    };
    match forced {
        Some(Encoding::Viqr) => return Some((Encoding::Viqr, decode_viqr(text))),
        Some(e) => return run(e, &units_of_misread(text)).map(|d| (e, d)),
        None => {}
    }
    if !looks_misread(text.as_bytes()) {
        return None;
    }
    let units = units_of_misread(text);
    // A text mis-read once holds only what Windows-1252 can show: letters
    // outside it (`ệ`, `ư`, `đ`) mean the text is Unicode as it stands.
    let outside = units
        .iter()
        .filter(|(u, _)| matches!(u, Unit::Char(c) if *c != '\u{FFFD}'))
        .count();
    let non_ascii = units
        .iter()
        .filter(|(u, _)| !matches!(u, Unit::Byte(b) if b.is_ascii()))
        .count();
    if outside * 50 > non_ascii {
        return None;
    }
    let candidates = [
        Encoding::Utf8Mojibake,
        Encoding::Tcvn3Mojibake,
        Encoding::VniMojibake,
    ]
    .into_iter()
    .filter_map(|e| run(e, &units).map(|d| (e, d)));
    best(candidates, Some(score(text)))
}

/// A quick look for the characters mojibake is made of: Windows-1252
/// symbols (`©`, `®`, `µ`, `¸`, `»`) and Latin-1 letters Vietnamese never
/// uses (`ø`, `û`, `ñ`, `ö`, `Ö`), a few per hundred letters. Unicode
/// Vietnamese (`ệ`, `ở`: U+1EA0–U+1EFF, `E1 BA`/`E1 BB` in UTF-8), which no
/// mojibake holds, rules it out at once: clean text costs a few bytes' look.
fn looks_misread(bytes: &[u8]) -> bool {
    let vietnamese =
        memchr::memchr_iter(0xE1, bytes).any(|p| matches!(bytes.get(p + 1), Some(0xBA | 0xBB)));
    if vietnamese {
        return false;
    }
    let mut hits = 0usize;
    for p in memchr::memchr3_iter(0xC2, 0xC3, 0xC5, bytes) {
        let Some(&b) = bytes.get(p + 1) else { break };
        hits += usize::from(match bytes[p] {
            0xC2 => b >= 0xA1,
            // Latin-1 letters outside Vietnamese: Ä Å Æ Ë Ï Ñ Ö Ø Û Ü, ä å æ ë ï ñ ö ø û ü.
            0xC3 => matches!(
                b & 0xDF,
                0x84 | 0x85 | 0x86 | 0x8B | 0x8F | 0x91 | 0x96 | 0x98 | 0x9B | 0x9C
            ),
            _ => true,
        });
    }
    hits >= 4 && hits * 200 >= bytes.len().min(1 << 16) / 4
}

/// How Vietnamese a text reads: +1 for each word with a Vietnamese letter
/// that is a well-formed syllable, −2 for each such word that is not and
/// for each stray symbol.
fn score(text: &str) -> i64 {
    let t = tables();
    let mut total = 0i64;
    let mut word = String::new();
    let word_score = |word: &str| {
        if !word.is_ascii() {
            if syllable(word, t) {
                1
            } else {
                -2
            }
        } else {
            0
        }
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            continue;
        }
        total += word_score(&word);
        word.clear();
        if !c.is_ascii() && !c.is_whitespace() && !"–—‘’“”…•°€\u{ad}\u{200b}\u{feff}".contains(c)
        {
            total -= 2;
        }
    }
    total + word_score(&word)
}

/// Whether a lower-case word is one Vietnamese syllable: onset, vowel
/// nucleus, coda, at most one tone.
fn syllable(word: &str, t: &Tables) -> bool {
    let mut toned = 0;
    let mut base = String::with_capacity(word.len());
    for c in word.chars() {
        match t.letters.get(&c) {
            Some(&(b, tone)) => {
                toned += usize::from(tone);
                base.push(b);
            }
            None if c.is_ascii_lowercase() => base.push(c),
            None => return false,
        }
    }
    if toned > 1 {
        return false;
    }
    const ONSETS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ];
    const CODAS: [&str; 8] = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];
    const NUCLEI: [&str; 53] = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
        "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê",
        "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oao", "oay",
        "oeo", "uây", "uôi", "uya", "uyê", "ươi", "ươu",
    ];
    let onsets = std::iter::once("").chain(ONSETS.iter().copied().filter(|o| base.starts_with(o)));
    onsets.into_iter().any(|o| {
        let rest = &base[o.len()..];
        std::iter::once("")
            .chain(CODAS.iter().copied())
            .filter(|c| rest.ends_with(c))
            .any(|c| {
                let nucleus = &rest[..rest.len() - c.len()];
                NUCLEI.contains(&nucleus)
                    // `gi` + nothing (`gì`), `qu` + `y`.
                    || (nucleus.is_empty() && o == "gi")
            })
    })
}

/// The candidate that reads most like Vietnamese, if it reads clearly
/// better than `baseline` (the text as it is) or, with none, at all.
fn best(
    candidates: impl Iterator<Item = (Encoding, Decoded)>,
    baseline: Option<i64>,
) -> Option<(Encoding, Decoded)> {
    let (e, d, s) = candidates
        .map(|(e, d)| {
            let s = score(&d.text);
            (e, d, s)
        })
        .max_by_key(|&(_, _, s)| s)?;
    let floor = match baseline {
        Some(b) => b + 3 + b.abs() / 10,
        None => 2,
    };
    (s >= floor).then_some((e, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "Ủy ban nhân dân tỉnh Quảng Nam. Cộng hòa xã hội chủ nghĩa Việt Nam. \
                        Độc lập - Tự do - Hạnh phúc. Nghị định của Chính phủ về đường bộ.";

    /// Encodes a text in TCVN3 or VNI with the letters table.
    fn encode(text: &str, vni: bool) -> Vec<u8> {
        let mut codes: HashMap<char, Vec<u8>> = HashMap::new();
        for line in include_str!("../../data/legacy_letters.tsv")
            .lines()
            .skip(4)
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let hex = |h: &str| u8::from_str_radix(h, 16).unwrap();
            let bytes = if vni {
                cols[2].split(' ').map(hex).collect()
            } else {
                vec![hex(cols[1])]
            };
            codes.insert(cols[0].chars().next().unwrap(), bytes);
        }
        text.chars()
            .flat_map(|c| codes.get(&c).cloned().unwrap_or_else(|| vec![c as u8]))
            .collect()
    }

    fn misread(bytes: &[u8]) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }

    #[test]
    fn raw_vni_and_tcvn3_are_found_and_decoded() {
        let (e, d) = decode_bytes(&encode(SEED, true), None).expect("vni");
        assert_eq!((e, d.text.as_str()), (Encoding::Vni, SEED));
        let (e, d) = decode_bytes(&encode(SEED, false), None).expect("tcvn3");
        assert_eq!(e, Encoding::Tcvn3);
        // TCVN3 has no toned capitals: `Ủy` reads `ủy`.
        assert_eq!(d.text.to_lowercase(), SEED.to_lowercase());
    }

    #[test]
    fn windows_1258_composes_its_tones() {
        // Windows-1258 writes a base letter and a combining tone.
        let split: String = SEED
            .chars()
            .flat_map(|c| {
                let base: String = c.nfd().filter(|d| !TONES.contains(d)).nfc().collect();
                base.chars()
                    .chain(c.nfd().filter(|d| TONES.contains(d)))
                    .collect::<Vec<_>>()
            })
            .collect();
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
        assert!(!unmappable);
        let (e, d) = decode_bytes(&bytes, None).expect("cp1258");
        assert_eq!((e, d.text.as_str()), (Encoding::Cp1258, SEED));
        let at = d.text.find("Việt").unwrap();
        let src = d.map.source(at + "Việt".len());
        assert_eq!(&bytes[d.map.source(at)..src], &b"Vi\xea\xf2t"[..]);
    }

    #[test]
    fn the_three_mojibakes_are_repaired() {
        let utf8 = misread(SEED.as_bytes());
        assert!(utf8.contains("Nghá»‹ Ä‘á»‹nh"));
        let (e, d) = repair_text(&utf8, None).expect("utf-8 mojibake");
        assert_eq!((e, d.text.as_str()), (Encoding::Utf8Mojibake, SEED));
        let (e, d) = repair_text(&misread(&encode(SEED, false)), None).expect("tcvn3");
        assert_eq!(e, Encoding::Tcvn3Mojibake);
        assert_eq!(d.text.to_lowercase(), SEED.to_lowercase());
        let (e, d) = repair_text(&misread(&encode(SEED, true)), None).expect("vni");
        assert_eq!((e, d.text.as_str()), (Encoding::VniMojibake, SEED));
    }

    #[test]
    fn clean_text_with_symbols_and_latin_names_is_left_alone() {
        for text in [
            SEED.to_string(),
            format!("{SEED} © 2024 Báo Điện tử ®. Tác giả: José Müller, Ðào Thị Hương © ©"),
            "Bản quyền © ® © ® ©, ông François Lê và bà Zoë Ngô.".to_string(),
        ] {
            let got = repair_text(&text, None);
            assert!(
                got.is_none(),
                "{text} → {:?}",
                got.map(|(e, d)| (e, d.text))
            );
        }
    }

    #[test]
    fn viqr_when_asked() {
        let (_, d) = repair_text(
            "Vie^.t Nam, DDa?ng Co^.ng sa?n. Ha` No^.i?",
            Some(Encoding::Viqr),
        )
        .unwrap();
        assert_eq!(d.text, "Việt Nam, Đảng Cộng sản. Hà Nội?");
    }

    #[test]
    fn bytes_no_encoding_explains_are_not_decoded() {
        let noise: Vec<u8> = (0..400u32).map(|i| (i * 7919 % 251) as u8 | 0x80).collect();
        assert!(decode_bytes(&noise, None).is_none());
    }
}
