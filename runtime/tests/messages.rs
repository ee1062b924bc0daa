//! The messages the sources write after constraints (`pattern "…" message "…"`), carried by
//! `form.sources.json`: the runtime reports each in place of its own wording, the same text the
//! browser shows after the label from `form.i18n.zh.json`; problems without one keep the
//! runtime's wording.

mod common;

use chrono::NaiveDate;
use common::at;
use serde_json::{json, Value};
use std::path::PathBuf;
use yjs_artifacts::{FormMessages, FormSources};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::validate::{FormValidator, Problem};
use yjs_runtime::{Error, MatterArtifacts, MemoryStore, Service};

fn retirement_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../generated/retirement")
}

fn read<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let text = std::fs::read_to_string(retirement_dir().join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The problems of a retirement submission drawing the housing fund, with a short bank card
/// and a pension account written with dashes, and no name.
fn problems() -> Vec<Problem> {
    let cal = Calendar::official().unwrap_or_else(|e| panic!("{e}"));
    let mut service = Service::new(MemoryStore::new(), cal);
    let artifacts = MatterArtifacts::load(&retirement_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert!(artifacts.sources().is_some(), "form.sources.json is loaded");
    if let Err(e) = service.add_matter(artifacts) {
        panic!("{e}");
    }
    let submission = json!({
        "filer": "flexible",
        "retire_type": "normal",
        "file_review": "not_needed",
        "family": "no_bonus",
        "hukou_outside": false,
        "fund": "draw",
        "med_years": true,
        "payee_card": "6222020012345",
        "retire": { "pension_card": "6222-0200-1234" }
    });
    match service.submit("retirement", &submission, at("2026-03-02 09:00")) {
        Ok(v) => panic!("accepted {}", v.id),
        Err(Error::InvalidSubmission(p)) => p,
        Err(e) => panic!("{e}"),
    }
}

fn find<'a>(problems: &'a [Problem], pointer: &str, code: &str) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.pointer == pointer && p.code == code)
        .unwrap_or_else(|| panic!("no {code} at {pointer}: {problems:#?}"))
}

#[test]
fn the_runtime_reports_the_message_written_after_the_constraint() {
    let problems = problems();
    assert_eq!(
        find(&problems, "/retire/pension_card", "pattern").message,
        "银行账户只能填写数字，不含空格和短横线"
    );
    assert_eq!(
        find(&problems, "/payee_card", "minLength").message,
        "I类银行卡卡号为16至19位，请对照银行卡填写"
    );
    // No message is written for the name: the runtime's own wording.
    assert_eq!(
        find(&problems, "/retiree_name", "required").message,
        "此项为必填项，请填写"
    );
}

#[test]
fn the_runtime_and_the_browser_say_the_same_text() {
    let zh: FormMessages = read("form.i18n.zh.json");
    let sources: FormSources = read("form.sources.json");
    let mut compared = 0;
    for p in problems() {
        let written = sources
            .fields
            .iter()
            .find(|f| f.pointer == p.pointer)
            .and_then(|f| f.messages.get(&p.code));
        let Some(written) = written else { continue };
        assert_eq!(&p.message, written);
        let path = p.pointer.trim_start_matches('/').replace('/', ".");
        let browser = zh
            .get(&format!("{path}.error.{}", p.code))
            .unwrap_or_else(|| panic!("no i18n message for {path} {}", p.code));
        assert_eq!(browser, format!("{}：{}", p.label, p.message));
        compared += 1;
    }
    assert_eq!(compared, 2);
}

fn sources(fields: Value) -> FormSources {
    let doc = json!({ "$comment": "test", "matter": "m", "fields": fields });
    serde_json::from_value(doc).unwrap_or_else(|e| panic!("{e}"))
}

fn entry(pointer: &str, messages: Value) -> Value {
    json!({
        "pointer": pointer, "kind": "field", "label": "x", "items": [], "departments": [],
        "applies": { "op": "always" }, "required": null, "sources": [], "messages": messages
    })
}

#[test]
fn a_domain_check_takes_the_message_of_the_keyword_it_stands_for() {
    let schema = json!({
        "type": "object",
        "properties": {
            "id": { "type": "string", "title": "身份证号码", "format": "id-card" },
            "born": {
                "type": "string", "title": "出生日期", "format": "date",
                "allOf": [{ "format": "date-not-after-today" }]
            },
            "members": {
                "type": "array",
                "items": {
                    "type": "object", "required": ["name"],
                    "properties": { "name": { "type": "string", "title": "姓名" } }
                }
            }
        }
    });
    let v = FormValidator::new(&schema)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_messages(&sources(json!([
            entry("/id", json!({ "format": "请核对身份证号码" })),
            entry("/born", json!({ "format": "出生日期不能晚于今天" })),
            entry("/members/*/name", json!({ "required": "请填写成员姓名" })),
        ])));
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
    let problems = v.validate(
        &json!({ "id": "110105194912310021", "born": "2027-01-01", "members": [{}] }),
        today,
    );
    let said: Vec<(&str, &str, &str)> = problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.code.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        said,
        vec![
            ("/born", "date-not-after-today", "出生日期不能晚于今天"),
            ("/id", "id_card.check_char", "请核对身份证号码"),
            ("/members/0/name", "required", "请填写成员姓名"),
        ]
    );
}
