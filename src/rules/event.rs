//! `event`: conferences, congresses, sessions and meetings.
//!
//! Span: from the event noun through its organ and ordinal, with `(mở rộng)`:
//! `hội nghị Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương lần thứ 17 (mở rộng)`,
//! `Đại hội Đảng toàn quốc lần thứ XIII`, `Đại hội XIII Đảng bộ Khối …`,
//! `kỳ họp thứ 14 HĐND thành phố Hà Nội`, `Kỳ họp thứ 8, Quốc hội khóa XV`.
//! The organ may also stand before the event (`Quốc hội khóa X, kỳ họp thứ 10`,
//! `Ủy ban Kiểm tra T.Ư họp kỳ 39`) or after it (`phiên họp thứ 29 của Hội đồng`).
//! A bare `Hội nghị` or `Đại hội` is not an event. Rule id `event/noun`.
//!
//! The organ is recorded as a span here and named once the organizations of
//! the document are resolved (`context::resolve_events`).

use super::id;
use super::numerals::{numeral, roman, word_number};
use super::organization;
use super::words;
use crate::record::{Event, EventType, Fields};
use crate::select::Candidate;
use crate::tokens::Tokens;

/// The event noun at `i`: (end token, event type).
fn event_noun(t: &Tokens, i: usize) -> Option<(usize, EventType)> {
    if let Some(found) = words::event_noun(t, i) {
        return Some(found);
    }
    // `họp kỳ 39`, `họp phiên thứ 28`: numbered after the verb.
    if i > 0 && t.is_word(i - 1) && t.low(i - 1) == "họp" && t.is_word(i + 1) {
        match t.low(i) {
            "kỳ" => return Some((i + 1, EventType::Session)),
            "phiên" => return Some((i + 1, EventType::Meeting)),
            _ => {}
        }
    }
    None
}

/// An ordinal number word at `i`: `17`, `XIII`, `nhất`, `hai`.
fn ordinal_at(t: &Tokens, i: usize) -> Option<u32> {
    if !t.is_word(i) {
        return None;
    }
    let w = t.text(i);
    if let Some(n) = numeral(w) {
        return Some(n);
    }
    match t.low(i) {
        "nhất" => Some(1),
        "tư" => Some(4),
        low => word_number(low)
            .filter(|n| n.fract() == 0.0 && *n >= 1.0)
            .map(|n| n as u32),
    }
}

/// `lần thứ 17`, `thứ 8`, `lần thứ nhất` at `i`: (end, ordinal).
fn ordinal_phrase(t: &Tokens, i: usize) -> Option<(usize, u32)> {
    if t.toks.get(i).is_none_or(|x| x.after_newline) {
        return None;
    }
    let k = t
        .expect(i, &["lần", "thứ"])
        .or_else(|| t.expect(i, &["thứ"]))?;
    Some((k + 1, ordinal_at(t, k)?))
}

/// Finds every event; `organ` spans are byte spans of the normalized view.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let t = cx.tokens;
    let mut i = 0;
    while i < t.len() {
        let Some((mut e, kind)) = event_noun(t, i) else {
            i += 1;
            continue;
        };
        let mut ev = Event {
            event_type: kind,
            ..Event::default()
        };
        let mut organ: Option<(usize, usize)> = None;
        // `họp kỳ 39`, `họp kỳ thứ 60`, `họp phiên thứ 28`
        if matches!(t.low(i), "kỳ" | "phiên") && e == i + 1 {
            if let Ok(n) = t.text(e).parse() {
                ev.ordinal = Some(n);
                e += 1;
            } else if let Some((k, n)) = ordinal_phrase(t, e) {
                ev.ordinal = Some(n);
                e = k;
            } else {
                i += 1;
                continue;
            }
        }
        // `Kỳ họp chuyên đề thứ Ba`, `hội nghị bất thường`, `Phiên họp
        // thường kỳ tháng 9`: the kind of sitting goes with the noun.
        let mut adjective = false;
        if let Some(k) = t
            .expect(e, &["chuyên", "đề"])
            .or_else(|| t.expect(e, &["bất", "thường"]))
        {
            e = k;
            adjective = true;
        } else if let Some(k) = t.expect(e, &["thường", "kỳ"]) {
            e = k;
            if let Some(m) = t.expect(e, &["tháng"]) {
                if t.text(m).parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) {
                    e = m + 1;
                }
            }
            // Regular sittings are the organ's own: named only with it.
            adjective = false;
        }
        if kind == EventType::Congress {
            if let Some(k) = t.expect(e, &["đại", "biểu"]) {
                e = k;
            }
            // `Đại hội XIII Đảng bộ …`
            if t.is_word(e) && t.text(e).chars().all(|c| c.is_ascii_uppercase()) {
                if let Some(n) = roman(t.text(e)) {
                    ev.ordinal = Some(n);
                    e += 1;
                }
            }
        }
        if kind == EventType::Conference {
            if let Some(k) = plenum(t, e, &mut ev) {
                e = k;
            }
        }
        for _ in 0..2 {
            if t.toks.get(e).is_none_or(|x| x.after_newline) {
                break;
            }
            if let Some(k) = t
                .expect(e, &["đảng", "toàn", "quốc"])
                .or_else(|| t.expect(e, &["toàn", "quốc"]))
            {
                ev.national = true;
                e = k;
            } else if organ.is_none() && ev.organ.is_none() {
                if let Some(o) = organization::at(t, e).filter(|o| !o.bare) {
                    organ = Some((t.toks[e].start, t.toks[o.end - 1].end));
                    e = o.end;
                    if let Some(k) = t.expect(e, &["khóa"]) {
                        if let Some(n) = t.is_word(k).then(|| numeral(t.text(k))).flatten() {
                            ev.term = Some(n);
                            e = k + 1;
                        }
                    }
                }
            }
            if ev.ordinal.is_none() {
                if let Some((k, n)) = ordinal_phrase(t, e) {
                    ev.ordinal = Some(n);
                    e = k;
                }
            }
        }
        // `Kỳ họp thứ 8, Quốc hội khóa XV`
        if organ.is_none() && ev.ordinal.is_some() && t.is_punct(e, ',') {
            // The term names the body even when the document must resolve
            // it: `kỳ họp thứ 2, HĐND tỉnh khóa VIII`.
            if let Some(o) = organization::at(t, e + 1).filter(|o| !o.bare || o.resolvable) {
                if let Some(k) = t.expect(o.end, &["khóa"]) {
                    if let Some(n) = t.is_word(k).then(|| numeral(t.text(k))).flatten() {
                        organ = Some((t.toks[e + 1].start, t.toks[o.end - 1].end));
                        ev.term = Some(n);
                        e = k + 1;
                    }
                }
            }
        }
        // `(mở rộng)`, `(phiên bất thường)`
        if t.is_punct(e, '(') {
            if let Some(k) = t.expect(e + 1, &["mở", "rộng"]) {
                if t.is_punct(k, ')') {
                    ev.extended = true;
                    e = k + 1;
                }
            } else if let Some(k) = t.expect(e + 1, &["phiên", "bất", "thường"]) {
                if t.is_punct(k, ')') {
                    e = k + 1;
                }
            }
        } else if let Some(k) = t.expect(e, &["mở", "rộng"]) {
            // `Hội nghị Ban Thường vụ Tỉnh ủy mở rộng.`: the adjective, not the
            // verb of `mở rộng quy mô`.
            let ends = !t.is_word(k)
                || t.toks[k].after_newline
                || matches!(
                    t.low(k),
                    "lần"
                        | "tại"
                        | "vào"
                        | "nhằm"
                        | "để"
                        | "do"
                        | "với"
                        | "sáng"
                        | "chiều"
                        | "ngày"
                );
            if ends && (organ.is_some() || ev.ordinal.is_some()) {
                ev.extended = true;
                e = k;
            }
        }
        if organ.is_none() && ev.organ.is_none() && !ev.national {
            organ = organ_around(t, i, e, &mut ev);
        }
        let specific = organ.is_some() || ev.ordinal.is_some() || ev.national || adjective;
        // A bare anaphoric `Hội nghị` is not an event.
        if !specific || (e == i + 2 && organ.is_some() && !ev.national && ev.ordinal.is_none()) {
            i += 1;
            continue;
        }
        ev.organ_span = organ;
        out.push(Candidate {
            start: t.toks[i].start,
            end: t.toks[e - 1].end,
            fields: Fields::Event(Box::new(ev)),
            rule: id::EVENT_NOUN,
        });
        i = e;
    }
}

const PARTY: &str = "Đảng Cộng sản Việt Nam";

/// The Central Committee's plenums, numbered after `Trung ương`/`TW`/`T.Ư`:
/// `Hội nghị Trung ương 11 khóa XIII`, `Hội nghị TW lần thứ 4`. Returns the end.
fn plenum(t: &Tokens, e: usize, ev: &mut Event) -> Option<usize> {
    let k = organization::central(t, e)?;
    let k = if t.is_word(k) && t.low(k) == "đảng" {
        k + 1
    } else {
        k
    };
    let (mut end, n) = match ordinal_phrase(t, k) {
        Some(x) => x,
        None => (k + 1, t.is_word(k).then(|| numeral(t.text(k))).flatten()?),
    };
    ev.ordinal = Some(n);
    ev.organ = Some(CENTRAL_COMMITTEE.to_string());
    if let Some(kk) = t.expect(end, &["khóa"]) {
        if let Some(term) = t.is_word(kk).then(|| numeral(t.text(kk))).flatten() {
            ev.term = Some(term);
            end = kk + 1;
        }
    }
    Some(end)
}

/// The body a plenum belongs to, as the organization gazetteer names it.
const CENTRAL_COMMITTEE: &str = "Ban Chấp hành Trung ương Đảng";

/// An organ written next to the event: `của X` after it, `X khóa Y,` or
/// `X họp`/`X tổ chức`/`X chủ trì` before it in the same sentence.
fn organ_around(t: &Tokens, i: usize, e: usize, ev: &mut Event) -> Option<(usize, usize)> {
    if let Some(k) = t.expect(e, &["của"]) {
        if let Some(o) = organization::at(t, k).filter(|o| !o.bare) {
            return Some((t.toks[k].start, t.toks[o.end - 1].end));
        }
        // `Đại hội XIV của Đảng`: the Party's own congress.
        let party = t.is_word(k) && t.text(k) == "Đảng" && !t.is_capitalized(k + 1);
        if party && ev.event_type == EventType::Congress {
            ev.organ = Some(PARTY.to_string());
        }
    }
    // Back to the start of the sentence: the last organization before the event.
    let mut s = i;
    let sentence_end = |k: usize| {
        let glued_dot = t.is_punct(k, '.') && k > 0 && t.glued(k - 1) && t.glued(k);
        (t.is_punct(k, '.') && !glued_dot) || t.is_punct(k, ';')
    };
    while s > 0 && !sentence_end(s - 1) && !t.toks[s].after_newline && i - s < 30 {
        s -= 1;
    }
    let mut last = None;
    let mut k = s;
    // A congress is an organization's own, not its committee's (`báo cáo
    // của Bộ Chính trị … trình Đại hội XIV`).
    let holds = |o: &organization::Org| {
        ev.event_type != EventType::Congress
            || !["Ban ", "Bộ Chính trị", "Ủy ban", "Thường trực"]
                .iter()
                .any(|p| o.name.starts_with(p))
    };
    while k < i {
        if let Some(o) = organization::at(t, k).filter(|o| !o.bare && o.end <= i && holds(o)) {
            let mut end = o.end;
            let mut term = None;
            if let Some(kk) = t.expect(end, &["khóa"]) {
                term = t.is_word(kk).then(|| numeral(t.text(kk))).flatten();
                end = kk + 1;
            }
            last = Some((k, o.end, end, term));
            k = o.end;
        } else {
            k += 1;
        }
    }
    let (os, oe, end, term) = last?;
    // Only the organization's own clause: `X khóa Y, kỳ họp`, `X họp kỳ`, `X chủ trì phiên họp`.
    let between: Vec<&str> = (end..i).map(|m| t.low(m)).collect();
    let near = between.len() <= 6 || between.iter().any(|w| matches!(*w, "họp" | "chủ" | "tổ"));
    if !near {
        return None;
    }
    if ev.term.is_none() {
        ev.term = term;
    }
    Some((t.toks[os].start, t.toks[oe - 1].end))
}

#[cfg(test)]
mod tests {
    use crate::record::{Event, EventType, Fields};

    fn events(input: &str) -> Vec<(String, Event)> {
        crate::found(input, |f| match f {
            Fields::Event(e) => Some(*e),
            _ => None,
        })
    }

    #[test]
    fn conferences_congresses_sessions() {
        let e = events("đã diễn ra hội nghị Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương lần thứ 17 (mở rộng) nhằm");
        assert_eq!(
            e[0].0,
            "hội nghị Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương lần thứ 17 (mở rộng)"
        );
        assert_eq!((e[0].1.ordinal, e[0].1.extended), (Some(17), true));
        assert_eq!(
            e[0].1.organ.as_deref(),
            Some("Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương")
        );
        let e = events("tiến tới Đại hội Đảng toàn quốc lần thứ XIII.");
        assert_eq!((e[0].1.ordinal, e[0].1.national), (Some(13), true));
        let e = events("Quốc hội khoá X, kỳ họp thứ 10 thông qua");
        assert_eq!(e[0].0, "kỳ họp thứ 10");
        assert_eq!(
            (e[0].1.organ.as_deref(), e[0].1.term),
            (Some("Quốc hội"), Some(10))
        );
        let e = events("tại Hội nghị Trung ương 11 khóa XIII, Hội nghị TW lần thứ tư, Hội nghị T.Ư 8 và Hội nghị Trung ương Đảng lần thứ 6.");
        let got: Vec<_> = e
            .iter()
            .map(|(s, e)| (s.as_str(), e.ordinal, e.term, e.organ.as_deref()))
            .collect();
        let cc = Some("Ban Chấp hành Trung ương Đảng");
        assert_eq!(
            got,
            [
                ("Hội nghị Trung ương 11 khóa XIII", Some(11), Some(13), cc),
                ("Hội nghị TW lần thứ tư", Some(4), None, cc),
                ("Hội nghị T.Ư 8", Some(8), None, cc),
                ("Hội nghị Trung ương Đảng lần thứ 6", Some(6), None, cc),
            ]
        );
        // Inside a resolution's name the plenum is part of the reference.
        assert!(events("Nghị quyết Hội nghị Trung ương 4 khóa XII").is_empty());
        let e = events("Hội nghị Ban Thường vụ Tỉnh ủy mở rộng. Hội nghị Ban Chấp hành Đảng bộ tỉnh mở rộng quy mô");
        assert_eq!(e[0].0, "Hội nghị Ban Thường vụ Tỉnh ủy mở rộng");
        assert!(e[0].1.extended);
        assert_eq!(e[1].0, "Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        assert!(!e[1].1.extended);
        let e = events("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực họp phiên thứ 28 dưới sự chủ trì");
        assert_eq!(
            (e[0].0.as_str(), e[0].1.ordinal),
            ("phiên thứ 28", Some(28))
        );
        assert_eq!(e[0].1.event_type, EventType::Meeting);
        let e = events("Ủy ban Kiểm tra Trung ương họp kỳ thứ 60 dưới sự chủ trì");
        assert_eq!(e[0].0, "kỳ thứ 60");
        assert_eq!(
            (e[0].1.organ.as_deref(), e[0].1.ordinal),
            (Some("Ủy ban Kiểm tra Trung ương"), Some(60))
        );
        let e = events("Kỳ họp thứ 8, Quốc hội khóa XV");
        assert_eq!(e[0].0, "Kỳ họp thứ 8, Quốc hội khóa XV");
        assert_eq!(e[0].1.term, Some(15));
    }

    #[test]
    fn special_and_extraordinary_sittings() {
        let e = events(
            "Kỳ họp chuyên đề thứ Ba, HĐND tỉnh khóa XIX bế mạc; tỉnh tổ chức hội nghị bất thường",
        );
        assert_eq!(e[0].0, "Kỳ họp chuyên đề thứ Ba, HĐND tỉnh khóa XIX");
        assert_eq!((e[0].1.ordinal, e[0].1.term), (Some(3), Some(19)));
        assert_eq!(e[1].0, "hội nghị bất thường");
        assert_eq!(e[1].1.event_type, EventType::Conference);
        // A regular sitting is named with its organ only.
        let e = events(
            "Phiên họp thường kỳ tháng 9 của UBND tỉnh Ninh Bình; phiên họp thường kỳ tháng 9.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, "Phiên họp thường kỳ tháng 9");
        let e = events("Phiên họp thường kỳ Chính phủ tháng 10");
        assert_eq!(e[0].0, "Phiên họp thường kỳ Chính phủ");
    }

    #[test]
    fn the_party_congress() {
        let e = events("chuẩn bị Đại hội XIV của Đảng.");
        assert_eq!(e[0].0, "Đại hội XIV");
        assert_eq!(e[0].1.organ.as_deref(), Some("Đảng Cộng sản Việt Nam"));
        // Not the committee reporting to it.
        let e =
            events("báo cáo của Bộ Chính trị, thông qua các văn kiện trình Đại hội XIV sau đây");
        assert_eq!(e[0].1.organ_span, None);
    }

    #[test]
    fn bare_nouns_are_not_events() {
        assert!(events("Hội nghị đã thống nhất. Đại hội thành công.").is_empty());
        assert!(
            events("Chủ tịch UBND tỉnh chủ trì cuộc họp. Tỉnh ủy tổ chức hội nghị.").is_empty()
        );
        assert!(events("thực hiện Nghị quyết Đại hội XII của Đảng").is_empty());
    }
}
