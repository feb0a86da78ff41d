use std::time::Instant;
use vnextract::text::Text;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut texts = Vec::new();
    for p in std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
        if let Ok(s) = std::fs::read_to_string(&p) {
            texts.push(s);
        }
    }
    let t2: Vec<Text> = texts.iter().map(|t| Text::new(t)).collect();
    let pats = [
        (
            "TEXTUAL",
            r"([0-9]{1,2})[ ]+tháng[ ]+([0-9]{1,2})(?:[ ]*,?[ ]*năm[ ]+([0-9]{4}))?",
        ),
        (
            "NUMERIC",
            r"([0-9]{1,2})([/.-])([0-9]{1,2})(?:([/.-])([0-9]{4}))?",
        ),
        (
            "MONTH",
            r"tháng[ ]+([0-9]{1,2})(?:[ ]*(?:/|-|năm)[ ]*([0-9]{4}))?",
        ),
        ("YEAR", r"((?:19|20)[0-9]{2})"),
        (
            "MONTHS",
            r"tháng[ ]+(đầu|cuối)[ ]+năm(?:[ ]+([0-9]{4})|[ ]+nay)?",
        ),
        (
            "MONTHS_OF_YEAR",
            r"([0-9]{1,2})[ ]+tháng[ ]+năm[ ]+([0-9]{4})",
        ),
        (
            "PART_OF_YEAR",
            r"(đầu|cuối)[ ]+năm(?:[ ]+([0-9]{4})|[ ]+nay)?",
        ),
        (
            "QUARTER",
            r"quý[ ]+(iv|i{1,3}|[1-4])(?:[ ]*/[ ]*([0-9]{4})|[ ]+năm[ ]+([0-9]{4}))?",
        ),
        ("TERM", r"((?:19|20)[0-9]{2})[ ]*-[ ]*((?:19|20)[0-9]{2})"),
        ("CONGRESS", r"nhiệm kỳ[ ]+(?:(đại hội)|khóa)[ ]+([ivxl]+)"),
        (
            "DAYS",
            r"([0-9]{1,2})[ ]*(?:-|đến|tới|và)[ ]*(?:ngày[ ]+)?([0-9]{1,2})([/.-])([0-9]{1,2})(?:[/.-]([0-9]{4}))?",
        ),
        (
            "COUNT",
            r"([0-9]{1,4}(?:,[0-9]+)?)[ ]+(năm|tháng|tuần|ngày|giờ)",
        ),
    ];
    for (name, p) in pats {
        let re = regex::Regex::new(p).unwrap();
        let t = Instant::now();
        let mut n = 0;
        for s in &t2 {
            n += re.find_iter(s.lower()).count();
        }
        let f = t.elapsed();
        let t = Instant::now();
        let mut n2 = 0;
        for s in &t2 {
            n2 += re.captures_iter(s.lower()).count();
        }
        println!(
            "{name:16} find {:>8.1?} captures {:>8.1?} matches {n} {n2}",
            f,
            t.elapsed()
        );
    }
}
