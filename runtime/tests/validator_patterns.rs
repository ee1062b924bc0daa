//! Checks that the JSON Schema `pattern`s of `yjs_artifacts::validators::pattern` compile in the
//! runtime's JSON Schema engine and agree with the check functions on the documented vectors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use jsonschema::Validator;
use serde_json::{json, Value};
use yjs_artifacts::validators::{self, pattern};

fn validator(pattern: &str) -> Validator {
    match jsonschema::validator_for(&json!({ "type": "string", "pattern": pattern })) {
        Ok(v) => v,
        Err(e) => panic!("pattern {pattern} does not compile: {e}"),
    }
}

fn matches(v: &Validator, text: &str) -> bool {
    v.is_valid(&Value::String(text.to_owned()))
}

#[test]
fn every_pattern_compiles() {
    for (name, p) in pattern::ALL {
        let v = validator(p);
        assert!(!matches(&v, ""), "{name} matches the empty string");
    }
}

#[test]
fn id_card_pattern() {
    let v = validator(pattern::ID_CARD);
    for ok in [
        "11010519491231002X",
        "440524188001010014",
        "110105194912310021",
    ] {
        assert!(matches(&v, ok), "{ok}");
    }
    for bad in [
        "11010519491231002x",
        "11010519491231002A",
        "1101051949123100X",
        "１１０１０５１９４９１２３１００２Ｘ",
        " 11010519491231002X",
    ] {
        assert!(!matches(&v, bad), "{bad}");
    }
}

#[test]
fn uscc_pattern_agrees_with_the_structural_checks() {
    let v = validator(pattern::USCC);
    for ok in [
        "91512081MA62K0260E",
        "91350100M000100Y43",
        "1210000040000000XN",
        "91310115MA1G4L1WXK",
    ] {
        assert!(matches(&v, ok), "{ok}");
    }
    for bad in [
        "91512081MA62K0260I",
        "91512081MA62K026OE",
        "9151208IMA62K0260E",
        "91512081MA62K0260",
        "91512081ma62k0260e",
        "91512081MA62K0260S",
        "91512081MA62K0260V",
        "91512081MA62K0260Z",
    ] {
        assert!(!matches(&v, bad), "{bad}");
    }
}

#[test]
fn region_pattern_equals_check_region_code() {
    let v = validator(pattern::REGION);
    for province in 0..100 {
        for prefecture in 0..100 {
            for county in [0, 1, 20, 21, 80, 81, 99] {
                let code = format!("{province:02}{prefecture:02}{county:02}");
                assert_eq!(
                    matches(&v, &code),
                    validators::check_region_code(&code).is_ok(),
                    "{code}"
                );
            }
        }
    }
    for bad in ["11010", "1101a5", "1101055"] {
        assert!(!matches(&v, bad), "{bad}");
    }
}

#[test]
fn mobile_pattern_equals_check_mobile() {
    let v = validator(pattern::MOBILE);
    for text in [
        "13800138000",
        "19912345678",
        "16612345678",
        "14512345678",
        "12012345678",
        "10012345678",
        "1380013800",
        "138001380000",
        "23800138000",
        "+8613800138000",
        "138-0013-8000",
    ] {
        assert_eq!(
            matches(&v, text),
            validators::check_mobile(text).is_ok(),
            "{text}"
        );
    }
}

#[test]
fn phone_pattern() {
    let v = validator(pattern::PHONE);
    for ok in [
        "010-62345678",
        "01062345678",
        "0571-8765432",
        "057187654321",
        "0571-87654321-123",
        "400-123-4567",
        "4001234567",
        "800-1234567",
        "12345",
        "12315",
        "10086",
        "95588",
        "96110",
    ] {
        assert!(matches(&v, ok), "{ok}");
    }
    for bad in [
        "13800138000",
        "010-0123456",
        "010-12345678",
        "10-12345678",
        "010 12345678",
        "(010)12345678",
        "+86-10-12345678",
        "110",
        "0571-87654321-1234567",
        "500-123-4567",
    ] {
        assert!(!matches(&v, bad), "{bad}");
    }
}

#[test]
fn email_pattern() {
    let v = validator(pattern::EMAIL);
    for ok in ["zhang.san@example.gov.cn", "a+b@mail.example.com", "x@y.cn"] {
        assert!(matches(&v, ok), "{ok}");
    }
    for bad in [
        "zhangsan",
        "zhangsan@localhost",
        "@example.com",
        "a@-example.com",
        "a b@example.com",
        "张三@example.com",
    ] {
        assert!(!matches(&v, bad), "{bad}");
    }
}
