//! The typed records and their serialization: the output contract of
//! `../shared/spec/RECORDS.md` (schema `vnextract/1`).

use serde::{Deserialize, Serialize, Serializer};

/// The record kinds of the schema.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    DocumentRef,
    Organization,
    Person,
    Date,
    Period,
    Duration,
    Quantity,
    Event,
    Location,
    Document,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 10] = [
        Kind::DocumentRef,
        Kind::Organization,
        Kind::Person,
        Kind::Date,
        Kind::Period,
        Kind::Duration,
        Kind::Quantity,
        Kind::Event,
        Kind::Location,
        Kind::Document,
    ];

    /// The snake_case name used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::DocumentRef => "document_ref",
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Date => "date",
            Kind::Period => "period",
            Kind::Duration => "duration",
            Kind::Quantity => "quantity",
            Kind::Event => "event",
            Kind::Location => "location",
            Kind::Document => "document",
        }
    }

    /// Parses a kind name as written in the output (`document_ref`).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Dates, periods and durations: kinds that never overlap each other.
    pub fn is_time(self) -> bool {
        matches!(self, Kind::Date | Kind::Period | Kind::Duration)
    }
}

/// `party` (`NUMBER-TYPE/ISSUER`) or `state` (`NUMBER[/YEAR]/TYPE-ISSUER`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum System {
    Party,
    State,
}

/// Declares a closed word class of a record field: the enum, its JSON
/// names and `as_str`/`parse` over them, in one place.
macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $v),+
        }

        impl $name {
            /// The name the JSON output writes.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s),+
                }
            }

            /// The value of a JSON or TSV name.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($s => Some($name::$v),)+
                    _ => None,
                }
            }
        }
    };
}

word_enum! {
    /// What kind of body an organization is. `Office` is a post that issues
    /// documents (`Thủ tướng Chính phủ`): a row of the lists, an `issuer`,
    /// never an organization record.
    Category {
        Party = "party",
        State = "state",
        // The Front, unions, associations.
        Mass = "mass",
        Other = "other",
        #[serde(skip)]
        #[schemars(skip)]
        Office = "office",
    }
}

word_enum! {
    /// What kind of place a location is.
    PlaceCategory {
        Province = "province",
        City = "city",
        District = "district",
        Commune = "commune",
        Country = "country",
        // `Tây Nguyên`, `Đồng bằng sông Cửu Long`.
        Region = "region",
    }
}

word_enum! {
    /// What a quantity measures.
    #[derive(Default)]
    Measure {
        #[default]
        Count = "count",
        Ratio = "ratio",
        Percent = "percent",
        Money = "money",
        Amount = "amount",
    }
}

word_enum! {
    /// The change a verb before a quantity states.
    Change {
        Decrease = "decrease",
        Increase = "increase",
        Remain = "remain",
        Add = "add",
        Reach = "reach",
    }
}

word_enum! {
    /// What kind of gathering an event is.
    #[derive(Default)]
    EventType {
        #[default]
        Conference = "conference",
        Congress = "congress",
        Session = "session",
        Meeting = "meeting",
    }
}

/// Fields of a `document_ref` record. Unknown fields are omitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<System>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plenum: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub congress: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    /// True for the document's own number in its legal header (`Số: ...`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_number: bool,
    /// Cited in a `Căn cứ …` clause of the document's preamble: a legal basis.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub basis: bool,
    /// Written with its type word (`Nghị định số …`), not a bare code whose
    /// type is read from the code; context resolution tells them apart.
    #[serde(skip)]
    pub type_written: bool,
}

/// A calendar value at the precision written: any of year, month, day may
/// be unknown (`30/7` has no year until the document gives one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Ymd {
    pub fn new(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Self {
        Ymd { year, month, day }
    }

    /// ISO 8601 at the precision known: `2019-07-30`, `2019-07`, `2019`, and
    /// ISO's year-less forms `--07-30`, `--07` when only the year is missing.
    pub fn iso(&self) -> String {
        // Every date record writes this: digits pushed directly, `format!`
        // only for years outside 0..=9999.
        if self.year.is_none_or(|y| (0..=9999).contains(&y))
            && self.month.is_none_or(|m| m <= 99)
            && self.day.is_none_or(|d| d <= 99)
        {
            let mut s = String::with_capacity(10);
            let push = |s: &mut String, v: u32, width: u32| {
                for p in (0..width).rev() {
                    s.push(char::from(b'0' + (v / 10u32.pow(p) % 10) as u8));
                }
            };
            match (self.year, self.month, self.day) {
                (Some(y), m, d) => {
                    push(&mut s, y as u32, 4);
                    if let Some(m) = m {
                        s.push('-');
                        push(&mut s, m, 2);
                        if let Some(d) = d {
                            s.push('-');
                            push(&mut s, d, 2);
                        }
                    }
                }
                (None, Some(m), d) => {
                    s.push_str("--");
                    push(&mut s, m, 2);
                    if let Some(d) = d {
                        s.push('-');
                        push(&mut s, d, 2);
                    }
                }
                (None, None, _) => {}
            }
            return s;
        }
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => String::new(),
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a publication date given by
    /// the caller); a longer timestamp is cut to its date.
    pub fn parse(s: &str) -> Option<Ymd> {
        let s = s.trim();
        let date = s.get(..10.min(s.len()))?;
        let mut parts = date.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map(|m| m.parse().ok()).unwrap_or(None);
        let day = parts.next().map(|d| d.parse().ok()).unwrap_or(None);
        crate::rules::date::valid(Some(year), month, day)
    }

    /// The precision written.
    pub fn grain(&self) -> Grain {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Grain::Day,
            (Some(_), None) => Grain::Month,
            _ => Grain::Year,
        }
    }
}

/// Precision of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    Day,
    Month,
    Year,
}

/// Fields of a `date` record. `value` is derived from `ymd` once the
/// document has lent its year.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Date {
    pub value: String,
    pub grain: Grain,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
    #[serde(skip)]
    pub ymd: Ymd,
}

impl Date {
    pub fn new(ymd: Ymd) -> Self {
        Date {
            value: ymd.iso(),
            grain: ymd.grain(),
            year_inferred: false,
            ymd,
        }
    }
}

/// Fields of a `period` record: inclusive bounds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub congress: Option<u32>,
    #[serde(skip)]
    pub bounds: (Option<Ymd>, Option<Ymd>),
}

impl Period {
    pub fn new(from: Option<Ymd>, to: Option<Ymd>) -> Self {
        let mut p = Period {
            bounds: (from, to),
            ..Period::default()
        };
        p.refresh();
        p
    }

    /// Recomputes `from`/`to` from `bounds`.
    pub fn refresh(&mut self) {
        self.from = self.bounds.0.map(|b| b.iso()).filter(|s| !s.is_empty());
        self.to = self.bounds.1.map(|b| b.iso()).filter(|s| !s.is_empty());
    }
}

/// Unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Year,
    Month,
    Week,
    Day,
    Hour,
}

/// Fields of a `duration` record.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Duration {
    #[serde(serialize_with = "crate::record::number")]
    pub value: f64,
    pub unit: TimeUnit,
    /// ISO 8601 duration (`P3Y`, `P18M`, `PT2H`).
    pub iso: String,
}

impl Duration {
    pub fn new(value: f64, unit: TimeUnit) -> Self {
        Duration::compound(&[(value, unit)])
    }

    /// A length in several units, largest first (`2 năm 9 tháng 20 ngày`):
    /// `iso` holds every part (`P2Y9M20D`); `value` and `unit` the whole in
    /// the smallest unit where that is exact (years in months, weeks in
    /// days, days in hours), else the first part.
    pub fn compound(parts: &[(f64, TimeUnit)]) -> Self {
        let num = |v: f64| {
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        };
        let (mut date, mut time) = (String::new(), String::new());
        for &(v, u) in parts {
            match u {
                TimeUnit::Year => date += &format!("{}Y", num(v)),
                TimeUnit::Month => date += &format!("{}M", num(v)),
                TimeUnit::Week => date += &format!("{}W", num(v)),
                TimeUnit::Day => date += &format!("{}D", num(v)),
                TimeUnit::Hour => time += &format!("{}H", num(v)),
            }
        }
        let iso = if time.is_empty() {
            format!("P{date}")
        } else {
            format!("P{date}T{time}")
        };
        // Exact steps down: year → month, week → day, day → hour.
        let step = |from: TimeUnit, to: TimeUnit| match (from, to) {
            (TimeUnit::Year, TimeUnit::Month) => Some(12.0),
            (TimeUnit::Week, TimeUnit::Day) => Some(7.0),
            (TimeUnit::Day, TimeUnit::Hour) => Some(24.0),
            (TimeUnit::Week, TimeUnit::Hour) => Some(168.0),
            _ => None,
        };
        let (mut value, mut unit) = parts[0];
        for &(v, u) in &parts[1..] {
            match step(unit, u) {
                Some(f) => {
                    value = value * f + v;
                    unit = u;
                }
                None => {
                    (value, unit) = parts[0];
                    break;
                }
            }
        }
        Duration { value, unit, iso }
    }
}

/// Writes whole numbers without a fraction (`3`, not `3.0`).
pub fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// Fields of an `organization` record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Canonical full name where the gazetteer or the document makes it
    /// unambiguous, else the name as written.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<u32>,
    /// For a listed body that was merged or dissolved: the body that took
    /// over, and the last day it existed, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    /// A head alone (`Đảng ủy`) that the document has not yet resolved.
    #[serde(skip)]
    pub bare: bool,
    /// The canonical head of a productive name (`Đảng ủy`, `Ủy ban nhân dân`).
    #[serde(skip)]
    pub head: Option<String>,
    /// A bare head that an earlier full mention may resolve.
    #[serde(skip)]
    pub resolvable: bool,
}

/// Fields of a `person` record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honorific: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Fields of an `event` record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub event_type: EventType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub national: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extended: bool,
    /// Where the organ is written (normalized byte span), until it is named.
    #[serde(skip)]
    pub organ_span: Option<(usize, usize)>,
}

/// Fields of a `location` record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<PlaceCategory>,
    /// For a province merged on 2025-07-01, the province that holds it now;
    /// for a district or commune of before that date, the commune that
    /// holds it now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// For a district or commune: its province, where the name and the
    /// document tell which (two provinces may have a commune of one name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}

/// Fields of a `document` record: the text itself, read from its header and
/// signature block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Document {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// The document's own number and its parts, as for `document_ref`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<System>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The superior body printed above the issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The place of the dateline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The date of issue, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer_title: Option<String>,
    /// `KT`, `TM`, `TL`, `TUQ`, `Q`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
}

/// Fields of a `quantity` record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    #[serde(serialize_with = "crate::record::number")]
    pub value: f64,
    /// The upper bound of a range (`8,5 - 9%`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::record::opt_number"
    )]
    pub value_max: Option<f64>,
    /// The counted noun phrase, `%`, a unit of measure or the currency word.
    pub unit: String,
    pub measure: Measure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::record::opt_number"
    )]
    pub denominator: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `hơn`, `gần`, `khoảng` before the number.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

/// Like [`number`], for optional values.
pub fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

/// The kind-specific part of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Fields {
    // Boxed: candidates and records move several times on their way to the
    // output (rules, selection, records), and a pointer moves cheaply
    // where the largest fields take 144 bytes.
    DocumentRef(Box<DocumentRef>),
    Date(Box<Date>),
    Period(Box<Period>),
    Duration(Box<Duration>),
    Organization(Box<Organization>),
    Person(Box<Person>),
    Event(Box<Event>),
    Location(Box<Location>),
    Quantity(Box<Quantity>),
    Document(Box<Document>),
}

impl Fields {
    /// The kind these fields belong to.
    pub fn kind(&self) -> Kind {
        match self {
            Fields::DocumentRef(_) => Kind::DocumentRef,
            Fields::Date(_) => Kind::Date,
            Fields::Period(_) => Kind::Period,
            Fields::Duration(_) => Kind::Duration,
            Fields::Organization(_) => Kind::Organization,
            Fields::Person(_) => Kind::Person,
            Fields::Event(_) => Kind::Event,
            Fields::Location(_) => Kind::Location,
            Fields::Quantity(_) => Kind::Quantity,
            Fields::Document(_) => Kind::Document,
        }
    }
}

/// One extracted record. Offsets refer to the original input:
/// `input[byte_start..byte_end] == text`, and `start`/`end` count code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub fields: Fields,
    /// Stable id of the rule that produced the record (`document_ref/code`).
    pub rule: &'static str,
}

impl Record {
    pub fn kind(&self) -> Kind {
        self.fields.kind()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'a> {
            kind: Kind,
            text: &'a str,
            start: usize,
            end: usize,
            byte_start: usize,
            byte_end: usize,
            #[serde(flatten)]
            fields: &'a Fields,
            rule: &'static str,
        }
        Flat {
            kind: self.kind(),
            text: &self.text,
            start: self.start,
            end: self.end,
            byte_start: self.byte_start,
            byte_end: self.byte_end,
            fields: &self.fields,
            rule: self.rule,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::Ymd;

    #[test]
    fn iso_at_every_precision() {
        let iso = |y, m, d| Ymd::new(y, m, d).iso();
        assert_eq!(iso(Some(2019), Some(7), Some(3)), "2019-07-03");
        assert_eq!(iso(Some(987), Some(12), None), "0987-12");
        assert_eq!(iso(Some(2025), None, Some(4)), "2025");
        assert_eq!(iso(None, Some(7), Some(30)), "--07-30");
        assert_eq!(iso(None, Some(1), None), "--01");
        assert_eq!(iso(None, None, Some(1)), "");
        // Outside the fast path, the same forms.
        assert_eq!(iso(Some(12345), Some(1), Some(2)), "12345-01-02");
        assert_eq!(iso(Some(-5), None, None), "-005");
    }
}
