//! `location`: place names outside organization names. The span is the bare
//! name (`Bình Định`, `Quy Nhơn`), not `tỉnh Bình Định`/`TP`.
//!
//! Rules: `location/prefixed` (after a place word: `tỉnh Bình Định`,
//! `huyện Phù Cát`, `xã Nhơn Hạnh`, `TX An Nhơn`, and the names listed after
//! it: `các xã Quỳnh Hồng, Quỳnh Hưng và thị trấn Cầu Giát`),
//! `location/gazetteer` (a known province, city or country standing alone:
//! `tại Hà Nội`). A province merged on 2025-07-01 carries `successor`.
//! Places inside organization names are dropped in selection.

use super::id;
use super::organization::{place_name, place_word};
use crate::data::places::Place;
use crate::lexicon::place_at;
use crate::record::{Fields, Location, PlaceCategory};
use crate::select::Candidate;
use crate::tokens::Tokens;

/// The category a place word gives the name after it.
fn category_of(word: &str) -> PlaceCategory {
    match word {
        "tỉnh" => PlaceCategory::Province,
        "thành phố" | "thủ đô" => PlaceCategory::City,
        "huyện" | "quận" | "thị xã" => PlaceCategory::District,
        "nước" => PlaceCategory::Country,
        _ => PlaceCategory::Commune,
    }
}

fn is_province_level(c: PlaceCategory) -> bool {
    matches!(c, PlaceCategory::Province | PlaceCategory::City)
}

fn location(
    t: &Tokens,
    s: usize,
    e: usize,
    known: Option<&Place>,
    category: Option<PlaceCategory>,
    rule: &'static str,
) -> Candidate {
    let written = t.norm[t.toks[s].start..t.toks[e - 1].end].to_string();
    let (name, category, successor) = match known {
        Some(p)
            if p.category != PlaceCategory::Region
                && category.is_none_or(|c| is_province_level(c) || p.category == c) =>
        {
            (p.name.clone(), Some(p.category), p.successor.clone())
        }
        Some(p) if category.is_none() => (p.name.clone(), Some(p.category), p.successor.clone()),
        _ => (written, category, None),
    };
    Candidate {
        start: t.toks[s].start,
        end: t.toks[e - 1].end,
        fields: Fields::Location(Box::new(Location {
            name,
            category,
            successor,
            province: None,
        })),
        rule,
    }
}

/// Finds every place name.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let t = cx.tokens;
    let mut i = 0;
    while i < t.len() {
        if let Some((e, word)) = place_word(t, i) {
            let category = category_of(word);
            let mut s = e;
            let mut listed = false;
            while let Some(ne) = place_name(t, s, word) {
                let known = place_at(t, s).filter(|(ke, _)| *ke == ne).map(|(_, p)| p);
                // `(huyện Phù Mỹ, Bình Định)`: a known province in the list is a province.
                let listed_province =
                    listed && known.is_some_and(|p| is_province_level(p.category));
                let cat = (!listed_province).then_some(category);
                out.push(location(t, s, ne, known, cat, id::LOCATION_PREFIXED));
                listed = true;
                // `các xã A, B và C`: a list goes on with the same category.
                let joined = t.is_punct(ne, ',') || (t.is_word(ne) && t.low(ne) == "và");
                if !joined {
                    break;
                }
                let next = ne + 1;
                if place_word(t, next).is_some() || !t.is_capitalized(next) {
                    break;
                }
                s = next;
            }
            i = if listed { s.max(e) } else { e };
            continue;
        }
        if let Some((e, p)) = place_at(t, i) {
            let part_of_name = (i > 0
                && t.is_capitalized(i - 1)
                && !t.is_allcaps(i - 1)
                && t.toks[i - 1].end + 1 >= t.toks[i].start)
                || t.is_capitalized(e) && !t.is_allcaps(e) && !t.toks[e].after_newline;
            // `TPHCM` carries its place word (and is no word of a heading).
            let self_prefixed = e == i + 1 && t.low(i).starts_with("tp");
            // `PHÁP LUẬT` in an all-caps heading is a word.
            let caps_word = e == i + 1 && t.is_allcaps(i) && !self_prefixed;
            // `sang Pháp`, `với Nga`: a country that is also a word stands after a preposition.
            let after_preposition = p.category == PlaceCategory::Country
                && i > 0
                && t.is_word(i - 1)
                && matches!(
                    t.low(i - 1),
                    "tại" | "ở" | "sang" | "đến" | "tới" | "với" | "từ" | "và" | "của"
                );
            if (!p.prefix_only || after_preposition || self_prefixed) && !part_of_name && !caps_word
            {
                out.push(location(t, i, e, Some(p), None, id::LOCATION_GAZETTEER));
            }
            i = e;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::record::Fields;

    fn locs(input: &str) -> Vec<(String, String, Option<String>)> {
        crate::found(input, |f| match f {
            Fields::Location(l) => Some((
                l.category.map_or("", |c| c.as_str()).to_string(),
                l.successor,
            )),
            _ => None,
        })
        .into_iter()
        .map(|(text, (category, successor))| (text, category, successor))
        .collect()
    }

    #[test]
    fn places_with_and_without_place_words() {
        let l = locs("tại Hà Nội; tỉnh Bình Định; đặt tại TP Quy Nhơn, tỉnh Bình Định.");
        let texts: Vec<&str> = l.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["Hà Nội", "Bình Định", "Quy Nhơn", "Bình Định"]);
        assert_eq!(l[1].2.as_deref(), Some("Gia Lai"));
        assert_eq!(l[2].1, "city");
        let l = locs("tại các xã Quỳnh Hồng, Quỳnh Hưng và thị trấn Cầu Giát (huyện Quỳnh Lưu)");
        let got: Vec<(&str, &str)> = l.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Quỳnh Hồng", "commune"),
                ("Quỳnh Hưng", "commune"),
                ("Cầu Giát", "commune"),
                ("Quỳnh Lưu", "district")
            ]
        );
        // A known name opening a longer one: the commune `Mỹ Thọ`, not the country.
        let l = locs("nhập xã Mỹ Thọ và xã Mỹ Thắng");
        let got: Vec<&str> = l.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["Mỹ Thọ", "Mỹ Thắng"]);
        let l = locs("TP.HCM đã thu; người dân TP. HCM; tại TPHCM");
        let got: Vec<(&str, &str)> = l.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(got, [("HCM", "city"), ("HCM", "city"), ("TPHCM", "city")]);
    }

    #[test]
    fn places_inside_bodies_and_names_are_not_locations() {
        assert!(locs("UBND tỉnh Bình Định và Công an tỉnh Bắc Ninh").is_empty());
        assert!(locs("tư tưởng Hồ Chí Minh; Phù Mỹ").is_empty());
    }

    #[test]
    fn two_part_names_with_the_dash_glued_or_spaced() {
        let got: Vec<String> =
            locs("tỉnh Thừa Thiên-Huế, tỉnh Bà Rịa-Vũng Tàu, TP Phan Rang - Tháp Chàm")
                .into_iter()
                .map(|x| x.0)
                .collect();
        assert_eq!(
            got,
            ["Thừa Thiên-Huế", "Bà Rịa-Vũng Tàu", "Phan Rang - Tháp Chàm"]
        );
    }

    #[test]
    fn only_wards_and_urban_districts_are_numbered() {
        let got: Vec<String> = locs("tại Phường 3, quận 1; TX 38 người; tx Ủy ban")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(got, ["3", "1"]);
    }

    #[test]
    fn communes_take_their_province_from_the_unit_list() {
        let got = crate::found(
            "Sáp nhập xã Hồ Bốn và các xã Kim Nọi, Mồ Dề của tỉnh Yên Bái vào tỉnh Lào Cai.",
            |f| match f {
                Fields::Location(l) => Some((l.province, l.successor)),
                _ => None,
            },
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        // Named like persons, they are communes all the same.
        assert_eq!(texts, ["Hồ Bốn", "Kim Nọi", "Mồ Dề", "Yên Bái", "Lào Cai"]);
        assert_eq!(got[0].1 .0.as_deref(), Some("Yên Bái"));
        assert_eq!(got[0].1 .1.as_deref(), Some("Khao Mang"));
        // `Quỳnh Hồng` of Nghệ An is not in the list (merged before 2024):
        // the document's province holds no such unit, so no province.
        let got = crate::found(
            "xã Quỳnh Hồng, huyện Quỳnh Lưu, tỉnh Nghệ An",
            |f| match f {
                Fields::Location(l) => Some(l.province),
                _ => None,
            },
        );
        assert_eq!(got[0].1, None);
        assert_eq!(got[1].1.as_deref(), Some("Nghệ An"));
    }
}
