//! HTML pages: the visible text, read with the `html5gum` tokenizer (its
//! spans tell where each piece of text stands in the page), block elements
//! and `<br>` as line breaks, entities decoded, white space collapsed as a
//! browser shows it.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{Encoding, Format, OffsetMap, TextLayer};
use crate::output::InputError;

/// Elements whose content is never shown.
const HIDDEN: [&[u8]; 7] = [
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"title",
    b"svg",
    b"head",
];

/// Elements that start and end a line.
const BLOCKS: [&[u8]; 38] = [
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"caption",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"html",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"table",
    b"tbody",
    b"td",
    b"th",
    b"thead",
    b"tr",
    b"ul",
];

/// The encoding a page declares (`<meta charset="windows-1258">`), among
/// those we read.
pub fn meta_charset(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let k = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let name: String = lower[k..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .map(|&b| b as char)
        .collect();
    match name.as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        "windows-1258" | "cp1258" => Some(Encoding::Cp1258),
        _ => None,
    }
}

/// The text layer of a page already decoded to Unicode.
pub fn read(page: TextLayer) -> Result<TextLayer, InputError> {
    let html = page.text();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style content is raw text, not markup.
    emitter.naively_switch_states(true);
    let mut out = Writer {
        text: String::with_capacity(html.len() / 2),
        map: OffsetMap::new(),
        page: &page,
        pre: 0,
    };
    let mut hidden: Option<Vec<u8>> = None;
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0.to_ascii_lowercase();
                if hidden.is_some() {
                    continue;
                }
                if HIDDEN.contains(&name.as_slice()) && !tag.self_closing {
                    hidden = Some(name);
                    continue;
                }
                match name.as_slice() {
                    b"br" => out.newline(tag.span.start, true),
                    b"pre" => {
                        out.newline(tag.span.start, false);
                        out.pre += 1;
                    }
                    n if BLOCKS.contains(&n) => out.newline(tag.span.start, false),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.0.to_ascii_lowercase();
                if let Some(h) = &hidden {
                    if *h == name {
                        hidden = None;
                    }
                    continue;
                }
                if name == b"pre" {
                    out.pre = out.pre.saturating_sub(1);
                }
                if BLOCKS.contains(&name.as_slice()) {
                    out.newline(tag.span.start, false);
                }
            }
            Token::String(s) if hidden.is_none() => {
                out.string(&s.value.0, s.span.start, s.span.end);
            }
            _ => {}
        }
    }
    let mut text = out.text;
    let mut map = out.map;
    // No trailing line breaks from closing blocks.
    text.truncate(text.trim_end().len());
    map.finish(text.len(), page.source_byte(html.len()));
    if text.is_empty() {
        return Err(InputError::new("empty", "the page shows no text"));
    }
    Ok(TextLayer::decoded(
        text,
        Format::Html,
        page.encoding,
        Some(map),
    ))
}

struct Writer<'p> {
    text: String,
    map: OffsetMap,
    page: &'p TextLayer,
    /// Inside `<pre>`: white space kept.
    pre: usize,
}

impl Writer<'_> {
    fn put(&mut self, c: char, at: usize) {
        self.map.push(self.text.len(), self.page.source_byte(at));
        self.text.push(c);
    }

    /// A line break at `at`, unless the text already ends one (`force`: a
    /// `<br>`, one break each).
    fn newline(&mut self, at: usize, force: bool) {
        let trimmed = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(trimmed);
        if self.text.is_empty() || (!force && self.text.ends_with('\n')) {
            return;
        }
        self.put('\n', at);
    }

    /// A string token: `value` is the decoded text of `page[start..end]`.
    /// The two are walked together, so that every character maps to where
    /// it is written (an entity to its `&`).
    fn string(&mut self, value: &[u8], start: usize, end: usize) {
        let html = self.page.text();
        let (Some(src), Ok(value)) = (html.get(start..end), std::str::from_utf8(value)) else {
            return;
        };
        let mut v = value.char_indices().peekable();
        let mut s = src.char_indices().peekable();
        while let Some(&(vi, vc)) = v.peek() {
            let Some(&(si, sc)) = s.peek() else {
                // Text the tokenizer made up: map it to the string's end.
                self.text_char(vc, end);
                v.next();
                continue;
            };
            if sc == vc && sc != '&' {
                self.text_char(vc, start + si);
                v.next();
                s.next();
                continue;
            }
            if sc == '&' {
                // The entity's extent in the source, and what it decodes to.
                let rest = &src[si..];
                let len = 1 + rest[1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                    .unwrap_or(rest.len() - 1);
                let len = if rest[len..].starts_with(';') {
                    len + 1
                } else {
                    len
                };
                let decoded = html_escape::decode_html_entities(&rest[..len]);
                if decoded != rest[..len] && value[vi..].starts_with(decoded.as_ref()) {
                    for c in decoded.chars() {
                        self.text_char(c, start + si);
                        v.next();
                    }
                    while s.peek().is_some_and(|&(k, _)| k < si + len) {
                        s.next();
                    }
                    continue;
                }
                if vc == '&' {
                    self.text_char(vc, start + si);
                    v.next();
                    s.next();
                    continue;
                }
            }
            // Source the tokenizer dropped or changed (`\r`): skip it.
            s.next();
        }
    }

    /// One character of text, white space collapsed outside `<pre>`.
    fn text_char(&mut self, c: char, at: usize) {
        if self.pre == 0 && c.is_whitespace() && c != '\u{a0}' {
            if self.text.is_empty() || self.text.ends_with([' ', '\n']) {
                return;
            }
            self.put(' ', at);
            return;
        }
        self.put(c, at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(html: &str) -> TextLayer {
        read(TextLayer::plain(html.to_string())).unwrap()
    }

    #[test]
    fn visible_text_with_lines_entities_and_offsets() {
        let html = "<html><head><title>T</title><style>p{}</style>\
                    <script>var c = '05-CT/TW';</script></head><body>\
                    <p><b>Bộ</b> Tài&nbsp;chính &amp; <i>Bộ Nội vụ</i></p><!-- 06-CT/TW -->\
                    <div>Dòng 1<br>Dòng&#32;2</div></body></html>";
        let l = layer(html);
        assert_eq!(l.text(), "Bộ Tài\u{a0}chính & Bộ Nội vụ\nDòng 1\nDòng 2");
        let at = l.text().find("Bộ Tài").unwrap();
        let end = at + "Bộ Tài\u{a0}chính".len();
        let (s, e) = (l.source_byte(at), l.source_byte(end));
        assert_eq!(&html[s..e], "Bộ</b> Tài&nbsp;chính");
    }

    #[test]
    fn unclosed_tags_and_huge_attributes_are_read() {
        let big = "x".repeat(10 << 20);
        let html = format!("<p title=\"{big}\">Chính phủ<div><span>Quốc hội");
        assert_eq!(layer(&html).text(), "Chính phủ\nQuốc hội");
    }

    #[test]
    fn the_declared_charset() {
        assert_eq!(
            meta_charset(b"<meta charset=\"windows-1258\">"),
            Some(Encoding::Cp1258)
        );
        assert_eq!(meta_charset(b"<p>charset</p>"), None);
    }
}
