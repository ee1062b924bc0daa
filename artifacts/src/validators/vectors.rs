//! The shared test vectors (`vectors.json`) run through the Rust validators; the build's
//! `formats.mjs` runs the same file in `tests/consumers/forms/ajv.test.mjs`.

use super::{check_id_card, check_region_code, check_uscc, CivilDate};
use serde_json::Value;

#[test]
fn every_shared_vector_is_judged_as_listed() {
    let v: Value = serde_json::from_str(include_str!("vectors.json")).expect("vectors.json");
    let today = v["today"].as_str().expect("today");
    let ymd: Vec<u32> = today
        .split('-')
        .map(|p| p.parse().expect("digits"))
        .collect();
    let today = CivilDate::new(ymd[0] as i32, ymd[1], ymd[2]);
    let check = |format: &str, value: &str| -> Result<(), String> {
        match format {
            "id-card" => check_id_card(value, today).map_err(|e| e.code().to_owned()),
            "uscc" => check_uscc(value)
                .map(|_| ())
                .map_err(|e| e.code().to_owned()),
            "region-code" => check_region_code(value)
                .map(|_| ())
                .map_err(|e| e.code().to_owned()),
            other => panic!("unknown format {other}"),
        }
    };
    let formats = v["formats"].as_object().expect("formats");
    assert_eq!(formats.len(), 3);
    for (format, cases) in formats {
        for valid in cases["valid"].as_array().expect("valid") {
            let value = valid.as_str().expect("string");
            assert_eq!(check(format, value), Ok(()), "{format} {value}");
        }
        for invalid in cases["invalid"].as_array().expect("invalid") {
            let value = invalid["value"].as_str().expect("value");
            let code = invalid["code"].as_str().expect("code");
            assert_eq!(
                check(format, value),
                Err(code.to_owned()),
                "{format} {value}"
            );
        }
    }
}
