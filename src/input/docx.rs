//! Word files (`.docx`): the paragraphs of the body in order (each table
//! cell's paragraphs as lines), then headers and footers, then footnotes.
//! Read with `zip` and `quick-xml`; the text layer is the only text there
//! is, so offsets index it.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{Encoding, Format, TextLayer};
use crate::output::InputError;

/// Parts larger than this are not a document's text.
const MAX_PART: u64 = 256 << 20;

fn invalid(why: impl std::fmt::Display) -> InputError {
    InputError::new("invalid_docx", format!("not a readable DOCX file: {why}"))
}

pub fn read(bytes: &[u8]) -> Result<TextLayer, InputError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(invalid(
            "an encrypted (password-protected) or Word 97-2003 file",
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(invalid)?;
    let mut names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    names.sort();
    let part = |prefix: &str| {
        names
            .iter()
            .filter(|n| {
                n.strip_prefix(prefix).is_some_and(|r| {
                    r.trim_end_matches(".xml")
                        .chars()
                        .all(|c| c.is_ascii_digit())
                }) && n.ends_with(".xml")
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    if !names.iter().any(|n| n == "word/document.xml") {
        return Err(invalid("no word/document.xml"));
    }
    let mut parts = vec!["word/document.xml".to_string()];
    parts.extend(part("word/header"));
    parts.extend(part("word/footer"));
    parts.extend(part("word/footnotes"));
    let mut text = String::new();
    for name in parts {
        let mut f = zip.by_name(&name).map_err(invalid)?;
        if f.size() > MAX_PART {
            return Err(invalid(format!("{name} is too large")));
        }
        let mut xml = String::new();
        f.read_to_string(&mut xml)
            .map_err(|e| invalid(format!("{name}: {e}")))?;
        paragraphs(&xml, &mut text).map_err(|e| invalid(format!("{name}: {e}")))?;
    }
    let text = text.trim_end().to_string();
    if text.is_empty() {
        return Err(InputError::new("empty", "the document holds no text"));
    }
    Ok(TextLayer::decoded(text, Format::Docx, Encoding::Utf8, None))
}

/// Appends the paragraphs of one part, one line each.
fn paragraphs(xml: &str, out: &mut String) -> Result<(), quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut in_text = false;
    // Footnote separators and the like carry no text of their own.
    let mut line = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().into_inner() == "t" => in_text = true,
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "p" => {
                    let l = line.trim_end();
                    if !l.is_empty() {
                        out.push_str(l);
                        out.push('\n');
                    }
                    line.clear();
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" => line.push('\t'),
                "br" | "cr" => line.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => line.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                match r.resolve_char_ref()? {
                    Some(c) => line.push(c),
                    None => line.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    }),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    /// A minimal DOCX with the given body XML (paragraphs and tables).
    pub fn make_docx(body: &str, header: Option<&str>) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        write!(
            z,
            "<?xml version=\"1.0\"?><w:document {w}><w:body>{body}</w:body></w:document>"
        )
        .unwrap();
        if let Some(h) = header {
            z.start_file("word/header1.xml", opts).unwrap();
            write!(z, "<?xml version=\"1.0\"?><w:hdr {w}>{h}</w:hdr>").unwrap();
        }
        z.finish().unwrap();
        buf.into_inner()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_cells_then_headers() {
        let body = format!(
            "{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}",
            p("Chỉ thị số 05-CT/TW &amp; Bộ Chính trị"),
            p("ỦY BAN NHÂN DÂN"),
            p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "<w:p><w:r><w:t>Dòng</w:t><w:tab/><w:t>hai</w:t></w:r></w:p>"
        );
        let l = read(&make_docx(&body, Some(&p("Trang 1")))).unwrap();
        assert_eq!(
            l.text(),
            "Chỉ thị số 05-CT/TW & Bộ Chính trị\nỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nDòng\thai\nTrang 1"
        );
    }

    #[test]
    fn truncated_and_encrypted_files_are_errors() {
        let d = make_docx(&p("Quốc hội"), None);
        for bad in [
            &d[..d.len() / 2],
            &[0xD0, 0xCF, 0x11, 0xE0, 0, 0][..],
            b"PK\x03\x04junk",
        ] {
            assert_eq!(read(bad).unwrap_err().code, "invalid_docx");
        }
    }
}
