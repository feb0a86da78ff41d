//! Rule ids: the stable names records report in `rule`, one constant each,
//! so that a renamed rule changes in one place and tests can list them all.

pub const DOCUMENT_REF_CODE: &str = "document_ref/code";
pub const DOCUMENT_REF_TYPED_CODE: &str = "document_ref/typed_code";
pub const DOCUMENT_REF_SHORT: &str = "document_ref/short";
pub const DOCUMENT_REF_NUMBER_YEAR: &str = "document_ref/number_year";
pub const DOCUMENT_REF_SHORT_LIST: &str = "document_ref/short_list";
pub const DOCUMENT_REF_PLENUM: &str = "document_ref/plenum";
pub const DOCUMENT_REF_CONGRESS: &str = "document_ref/congress";
pub const DOCUMENT_REF_NAMED: &str = "document_ref/named";
pub const DATE_TEXT: &str = "date/text";
pub const DATE_NUMERIC: &str = "date/numeric";
pub const DATE_MONTH: &str = "date/month";
pub const DATE_YEAR: &str = "date/year";
pub const PERIOD_MONTHS: &str = "period/months";
pub const PERIOD_PART_OF_YEAR: &str = "period/part_of_year";
pub const PERIOD_PART_OF_MONTH: &str = "period/part_of_month";
pub const PERIOD_QUARTER: &str = "period/quarter";
pub const PERIOD_TERM: &str = "period/term";
pub const PERIOD_CONGRESS: &str = "period/congress";
pub const PERIOD_DAYS: &str = "period/days";
pub const PERIOD_RANGE: &str = "period/range";
pub const DURATION_COUNT: &str = "duration/count";
pub const ORGANIZATION_GAZETTEER: &str = "organization/gazetteer";
pub const ORGANIZATION_HEAD: &str = "organization/head";
pub const ORGANIZATION_BARE: &str = "organization/bare";
pub const LOCATION_PREFIXED: &str = "location/prefixed";
pub const LOCATION_GAZETTEER: &str = "location/gazetteer";
pub const PERSON_NAME: &str = "person/name";
pub const PERSON_SHORT: &str = "person/short";
pub const EVENT_NOUN: &str = "event/noun";
pub const QUANTITY_NUMBER: &str = "quantity/number";
pub const QUANTITY_LIST: &str = "quantity/list";
pub const QUANTITY_RATIO: &str = "quantity/ratio";
pub const DOCUMENT_HEADER: &str = "document/header";

/// Every built-in rule id; each has an example in `examples.rs`.
#[cfg(test)]
pub const ALL: &[&str] = &[
    DOCUMENT_REF_CODE,
    DOCUMENT_REF_TYPED_CODE,
    DOCUMENT_REF_SHORT,
    DOCUMENT_REF_NUMBER_YEAR,
    DOCUMENT_REF_SHORT_LIST,
    DOCUMENT_REF_PLENUM,
    DOCUMENT_REF_CONGRESS,
    DOCUMENT_REF_NAMED,
    DATE_TEXT,
    DATE_NUMERIC,
    DATE_MONTH,
    DATE_YEAR,
    PERIOD_MONTHS,
    PERIOD_PART_OF_YEAR,
    PERIOD_PART_OF_MONTH,
    PERIOD_QUARTER,
    PERIOD_TERM,
    PERIOD_CONGRESS,
    PERIOD_DAYS,
    PERIOD_RANGE,
    DURATION_COUNT,
    ORGANIZATION_GAZETTEER,
    ORGANIZATION_HEAD,
    ORGANIZATION_BARE,
    LOCATION_PREFIXED,
    LOCATION_GAZETTEER,
    PERSON_NAME,
    PERSON_SHORT,
    EVENT_NOUN,
    QUANTITY_NUMBER,
    QUANTITY_LIST,
    QUANTITY_RATIO,
    DOCUMENT_HEADER,
];

/// Rules from a user's rules file are `user/<id>` or `user/<file>:<line>`.
pub const USER_PREFIX: &str = "user/";

pub fn is_user(rule: &str) -> bool {
    rule.starts_with(USER_PREFIX)
}
