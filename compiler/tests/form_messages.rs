//! A `message "…"` after a constraint reaches `form.i18n.zh.json` under the keyword that checks
//! the constraint, and `form.sources.json` under the field's pointer, merged over every
//! declaration of the field as the spec says (a bound's from its tightest declaration, the
//! others' from the first).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_artifacts::FormMessages;
use yjs_compiler::emit::form::{form_sources, i18n_zh};
use yjs_compiler::ir::form::Form;

const SOURCE: &str = r#"
department zwfw "市政务服务中心"
department wsjk "市卫生健康委员会"
department gaj "市公安局"
matter birth "出生一件事" {
  lead wsjk
  window zwfw
  promise 1 workday
  situation hospital "是否在医疗机构内出生" bool
  shared {
    baby_name "新生儿姓名" text {
      required message "请按出生医学证明填写新生儿姓名"
      max_length 20 message "姓名不超过20个字"
    }
    nickname "乳名" text { max_length 10 message "乳名不超过10个字" }
    mother_id "母亲身份证号码" id_card {
      required
      pattern "^[0-9]{17}[0-9X]$" 错误提示 "末位为字母时请填写大写X"
      message "请核对母亲身份证号码"
    }
    father_id "父亲身份证号码" id_card { message "请核对父亲身份证号码" }
    birth_date "出生日期" date { required; not_after today message "出生日期不能晚于今天" }
    weight "出生体重（克）" integer { min 300 message "请核对出生体重，单位为克" }
  }
  item birth_cert "出生医学证明首次签发" {
    department wsjk
    legal 20 workdays
    promise 1 workday
    form {
      baby_name { required message "请填写新生儿姓名"; max_length 15 }
      nickname { max_length 10 }
      mother_id
      father_id
      birth_date
      weight { min 500 message "出生体重不低于500克" }
    }
  }
  item hukou "出生登记" {
    department gaj
    legal 20 workdays
    promise 1 workday
    form {
      baby_name
      members "随迁家庭成员" list {
        name "姓名" text { required message "请填写成员姓名" }
      } { required when hospital message "请填写随迁家庭成员"; min_items 1 message "至少填写1名家庭成员" }
    }
  }
}
"#;

fn form() -> Form {
    let files = BTreeMap::from([(PathBuf::from("birth.yjs"), SOURCE.to_string())]);
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Memory(files),
        &[PathBuf::from("birth.yjs")],
    );
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    checked.matters[0].form.clone()
}

fn say(zh: &FormMessages, key: &str) -> String {
    zh.get(key)
        .unwrap_or_else(|| panic!("no message for {key}"))
        .to_string()
}

#[test]
fn a_constraints_message_replaces_the_written_one_under_its_keyword() {
    let zh = i18n_zh(&form());
    // `required`: the first message given, the `shared` block first.
    assert_eq!(
        say(&zh, "baby_name.error.required"),
        "新生儿姓名：请按出生医学证明填写新生儿姓名"
    );
    // A bound's message is its tightest declaration's: the item's `max_length 15` has none, so
    // the shared block's "不超过20个字" would be wrong and the written message stays.
    assert_eq!(
        say(&zh, "baby_name.error.maxLength"),
        "新生儿姓名：不能超过15个字"
    );
    // An equal bound keeps the message of the declaration that has one.
    assert_eq!(
        say(&zh, "nickname.error.maxLength"),
        "乳名：乳名不超过10个字"
    );
    assert_eq!(
        say(&zh, "weight.error.minimum"),
        "出生体重（克）：出生体重不低于500克"
    );
    // A pattern's own message wins over the field's for `pattern`; the field's keeps `format`.
    assert_eq!(
        say(&zh, "mother_id.error.pattern"),
        "母亲身份证号码：末位为字母时请填写大写X"
    );
    assert_eq!(
        say(&zh, "mother_id.error.format"),
        "母亲身份证号码：请核对母亲身份证号码"
    );
    assert_eq!(
        say(&zh, "mother_id.error.required"),
        "母亲身份证号码：此项为必填项，请填写"
    );
    // A date bound is a custom `format`.
    assert_eq!(
        say(&zh, "birth_date.error.format"),
        "出生日期：出生日期不能晚于今天"
    );
    // A list and its entries' fields.
    assert_eq!(
        say(&zh, "hukou.members.error.required"),
        "随迁家庭成员：请填写随迁家庭成员"
    );
    assert_eq!(
        say(&zh, "hukou.members.error.minItems"),
        "随迁家庭成员：至少填写1名家庭成员"
    );
    assert_eq!(
        say(&zh, "hukou.members.name.error.required"),
        "姓名：请填写成员姓名"
    );
    // The fallbacks are untouched.
    assert_eq!(say(&zh, "error.required"), "此项为必填项");
}

#[test]
fn form_sources_lists_each_fields_messages_by_keyword() {
    let form = form();
    let sources = serde_json::to_value(form_sources(&form)).unwrap();
    let messages = |pointer: &str| -> Value {
        let entry = sources["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["pointer"] == pointer)
            .unwrap_or_else(|| panic!("no entry {pointer}"));
        entry.get("messages").cloned().unwrap_or(Value::Null)
    };
    assert_eq!(
        messages("/baby_name"),
        serde_json::json!({ "required": "请按出生医学证明填写新生儿姓名" })
    );
    assert_eq!(
        messages("/mother_id"),
        serde_json::json!({ "format": "请核对母亲身份证号码", "pattern": "末位为字母时请填写大写X" })
    );
    assert_eq!(
        messages("/father_id"),
        serde_json::json!({ "format": "请核对父亲身份证号码", "pattern": "请核对父亲身份证号码" })
    );
    assert_eq!(
        messages("/hukou/members/*/name"),
        serde_json::json!({ "required": "请填写成员姓名" })
    );
    // A section, and a field without messages, have none.
    assert_eq!(messages("/hukou"), Value::Null);
    // The constraint as written stops before its message.
    let text = sources.to_string();
    assert!(text.contains(r#""constraint":"max_length 20""#), "{text}");
    assert!(!text.contains(r#""constraint":"max_length 20 message"#));
    // The document keeps its schema.
    let parsed: yjs_artifacts::FormSources = serde_json::from_value(sources).unwrap();
    assert!(parsed.fields.iter().any(|f| !f.messages.is_empty()));
}

#[test]
fn the_written_file_holds_the_collected_messages_in_order() {
    let form = form();
    let parts = yjs_compiler::emit::form::emit(&form).unwrap();
    let (_, written) = parts
        .iter()
        .find(|(path, _)| path == "form.i18n.zh.json")
        .expect("form.i18n.zh.json");
    let written: serde_json::Map<String, Value> = serde_json::from_str(written).unwrap();
    let written: Vec<(String, String)> = written
        .into_iter()
        .map(|(k, v)| (k, v.as_str().unwrap().to_string()))
        .collect();
    // The file is streamed (each key and text formatted into a reused string); the list is
    // collected: the same messages in the same order.
    assert_eq!(written, i18n_zh(&form).0);
    assert!(written
        .iter()
        .any(|(k, v)| k == "birth_date.error.format" && v == "出生日期：出生日期不能晚于今天"));
}
