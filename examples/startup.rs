//! What building an extractor costs: the embedded data, and the embedded
//! data plus a folder of user data (`cargo run --release --example startup
//! -- [DATA_DIR]`). With no folder, it also times one made of 10 000 extra
//! organization rows.

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let ex = vnextract::Extractor::default();
    let embedded = t.elapsed();
    println!(
        "embedded data: {:.1} ms ({} organizations)",
        embedded.as_secs_f64() * 1e3,
        ex.lists().data.organizations.len()
    );
    let (dir, _keep) = match std::env::args().nth(1) {
        Some(d) => (std::path::PathBuf::from(d), None),
        None => {
            let tmp = tempfile::tempdir().expect("a temporary folder");
            let mut rows =
                String::from("name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\n");
            for i in 0..10_000 {
                rows.push_str(&format!(
                    "Công ty Cổ phần Thử nghiệm Số {i}\tCông ty Thử nghiệm {i}\t\tother\t\t\t\n"
                ));
            }
            std::fs::write(tmp.path().join("organizations.tsv"), rows).expect("writes");
            (tmp.path().to_path_buf(), Some(tmp))
        }
    };
    let t = Instant::now();
    let built = vnextract::Extractor::builder().data_dir(&dir).build();
    let with_user = t.elapsed();
    match built {
        Ok(ex) => println!(
            "with {}: {:.1} ms ({} organizations)",
            dir.display(),
            with_user.as_secs_f64() * 1e3,
            ex.lists().data.organizations.len()
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
