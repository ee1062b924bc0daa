//! The merged form of the normative sample: counts, unified constraints and conditional requiredness,
//! checked by validating concrete submissions against the emitted draft-07 schemas.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use std::path::PathBuf;
use yjs_compiler::emit::form::emit;
use yjs_compiler::ir::form::Form;

fn sample() -> Form {
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Disk,
        &[PathBuf::from("tests/fixtures/newborn.yjs")],
    );
    // The sample gives no sources (W04xx, pinned by tests/examples.rs); nothing else is reported.
    let others: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| !d.code.0.starts_with("W04"))
        .collect();
    assert!(others.is_empty(), "{others:#?}");
    checked.matters[0].form.clone()
}

/// An artifact as JSON, to be looked into.
fn json_of(artifact: impl serde::Serialize) -> Value {
    serde_json::to_value(artifact).unwrap()
}

fn form_schema(form: &Form) -> Value {
    json_of(yjs_compiler::emit::form::form_schema(form))
}

fn ui_schema(form: &Form) -> Value {
    json_of(yjs_compiler::emit::form::ui_schema(form))
}

fn jsonforms_schema(form: &Form) -> Value {
    json_of(yjs_compiler::emit::form::jsonforms_schema(form))
}

fn projections(form: &Form) -> yjs_artifacts::Projections {
    yjs_compiler::emit::form::projections(form).unwrap()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    if let Err(e) = jsonschema::draft7::meta::validate(schema) {
        panic!("not a valid draft-07 schema: {e}");
    }
    match jsonschema::draft7::new(schema) {
        Ok(v) => v,
        Err(e) => panic!("the schema does not compile: {e}"),
    }
}

/// A complete submission for the given answers.
fn submission(settle: &str, card: bool, surname: &str) -> Value {
    let mut s = json!({
        "settle": settle, "card": card, "surname": surname,
        "mother_name": "王芳", "mother_id": "11010519491231002X",
        "father_name": "李强", "father_id": "440524188001010014",
        "baby_name": "李小明", "baby_sex": "male", "birth_date": "2025-03-01",
        "phone": "13800138000",
        "birth_cert": { "birth_weight": 3200, "hospital": "市妇幼保健院" },
        "insurance": { "insured_address": "市中心路 1 号" },
    });
    if settle == "local" {
        s["hukou"] = json!({ "household_address": "市中心路 1 号" });
    }
    if card {
        s["sscard"] = json!({ "bank_branch": "工商银行中心支行" });
    }
    s
}

#[test]
fn twenty_six_item_fields_merge_into_thirteen() {
    let form = sample();
    assert_eq!(form.fields_before, 26);
    assert_eq!(form.fields_after, 13);
    assert_eq!(form.situations.len(), 3);
    let schema = form_schema(&form);
    // 3 situations + 8 shared fields + 4 item objects holding the 5 local fields.
    let names = schema["propertyNames"]["enum"].as_array().expect("names");
    assert_eq!(names.len(), 15);
    // The two conditional sections are defined only where their items apply.
    let props = schema["properties"].as_object().expect("properties");
    assert_eq!(props.len(), 13);
    let section = |id: &str| {
        props.get(id).cloned().unwrap_or_else(|| {
            let all = schema["allOf"].as_array().expect("allOf");
            all.iter()
                .find_map(|r| r["then"]["properties"].get(id).cloned())
                .expect("a conditional section")
        })
    };
    let locals: usize = ["birth_cert", "hukou", "insurance", "sscard"]
        .iter()
        .map(|i| section(i)["properties"].as_object().map_or(0, |p| p.len()))
        .sum();
    assert_eq!(locals, 5);
}

#[test]
fn baby_name_takes_the_tightest_length() {
    let form = sample();
    let schema = form_schema(&form);
    assert_eq!(schema["properties"]["baby_name"]["maxLength"], json!(15));
    let v = validator(&schema);
    let mut s = submission("local", true, "father");
    assert!(v.is_valid(&s));
    s["baby_name"] = json!("一二三四五六七八九十一二三四五六");
    assert!(!v.is_valid(&s), "16 characters must be rejected");
    // The provenance of the winning bound names the item and department.
    let bn = form
        .shared
        .iter()
        .find(|f| f.id == "baby_name")
        .expect("baby_name");
    let b = bn.bounds.max_length.as_ref().expect("max_length");
    assert_eq!(b.source.item.as_deref(), Some("birth_cert"));
    assert_eq!(b.source.department.as_deref(), Some("wsjk"));
    assert!(
        b.source.at.starts_with("tests/fixtures/newborn.yjs:"),
        "{}",
        b.source.at
    );
    assert_eq!(&*b.source.constraint, "max_length 15");
}

#[test]
fn father_id_is_required_exactly_when_surname_is_father() {
    let v = validator(&form_schema(&sample()));
    for surname in ["father", "mother"] {
        let mut s = submission("other", false, surname);
        s.as_object_mut().map(|o| o.remove("father_id"));
        assert_eq!(v.is_valid(&s), surname == "mother", "surname = {surname}");
    }
}

#[test]
fn hukou_is_required_exactly_when_settle_is_local() {
    let v = validator(&form_schema(&sample()));
    for settle in ["local", "other"] {
        let mut s = submission(settle, false, "mother");
        assert!(v.is_valid(&s), "complete submission, settle = {settle}");
        s.as_object_mut().map(|o| o.remove("hukou"));
        assert_eq!(v.is_valid(&s), settle == "other", "settle = {settle}");
    }
    // Present but incomplete: the local field is required while the item applies.
    let mut s = submission("local", false, "mother");
    s["hukou"] = json!({});
    assert!(!v.is_valid(&s));
}

#[test]
fn bank_branch_is_required_exactly_when_card() {
    let v = validator(&form_schema(&sample()));
    for card in [true, false] {
        let mut s = submission("local", card, "mother");
        s["sscard"] = json!({});
        assert!(
            !v.is_valid(&s),
            "card = {card}: incomplete, or not part of the form"
        );
        s["sscard"] = json!({ "bank_branch": "工商银行中心支行" });
        assert_eq!(
            v.is_valid(&s),
            card,
            "card = {card}, complete sscard object"
        );
        s.as_object_mut().map(|o| o.remove("sscard"));
        assert_eq!(v.is_valid(&s), !card, "card = {card}, no sscard object");
    }
}

#[test]
fn required_text_needs_a_character_that_is_not_blank() {
    let v = validator(&form_schema(&sample()));
    for blank in ["", "   ", "\u{3000}\t"] {
        let mut s = submission("local", false, "mother");
        s["mother_name"] = json!(blank);
        assert!(!v.is_valid(&s), "{blank:?}");
    }
    let mut s = submission("local", false, "mother");
    s["mother_name"] = json!(" 王芳 ");
    assert!(v.is_valid(&s));
}

#[test]
fn the_schema_has_standard_keywords_only_and_sources_go_apart() {
    let form = sample();
    let files = emit(&form).unwrap();
    let schema = &files
        .iter()
        .find(|(p, _)| p == "form.schema.json")
        .unwrap()
        .1;
    assert!(!schema.contains("x-yjs"), "{schema}");
    let sources = &files
        .iter()
        .find(|(p, _)| p == "form.sources.json")
        .unwrap()
        .1;
    let sources: Value = serde_json::from_str(sources).unwrap();
    let fields = sources["fields"].as_array().unwrap();
    let mother_id = fields
        .iter()
        .find(|f| f["pointer"] == "/mother_id")
        .unwrap();
    assert_eq!(mother_id["type"], "id_card");
    assert_eq!(
        mother_id["items"],
        json!(["birth_cert", "hukou", "insurance"])
    );
    assert_eq!(mother_id["departments"], json!(["wsjk", "gaj", "ybj"]));
    assert_eq!(mother_id["sources"][0]["constraint"], "required");
    let hukou = fields.iter().find(|f| f["pointer"] == "/hukou").unwrap();
    assert_eq!(hukou["kind"], "section");
    assert_eq!(hukou["applies"]["op"], "in");
    assert!(fields
        .iter()
        .any(|f| f["pointer"] == "/hukou/household_address"));
}

/// A validator that checks formats but does not know the build's custom ones (`id-card`, …)
/// ignores them, and the identifier's `pattern` still applies: a wrong check digit passes there
/// (only `formats.mjs` or the runtime catch it), a wrong length or a lower-case x does not.
#[test]
fn a_validator_without_the_custom_formats_still_applies_the_pattern() {
    let schema = form_schema(&sample());
    let v = match jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
    {
        Ok(v) => v,
        Err(e) => panic!("an unknown format must not stop the schema compiling: {e}"),
    };
    let with_id = |id: &str| {
        let mut s = submission("local", false, "mother");
        s["mother_id"] = json!(id);
        s
    };
    assert!(v.is_valid(&with_id("11010519491231002X")));
    assert!(
        v.is_valid(&with_id("110105194912310021")),
        "the check digit is the format's"
    );
    assert!(
        !v.is_valid(&with_id("1101051949123100")),
        "the length is the pattern's"
    );
    assert!(
        !v.is_valid(&with_id("11010519491231002x")),
        "the upper-case X is the pattern's"
    );
}

#[test]
fn situations_are_required_and_typed() {
    let v = validator(&form_schema(&sample()));
    let mut s = submission("local", false, "mother");
    s.as_object_mut().map(|o| o.remove("card"));
    assert!(!v.is_valid(&s));
    let mut s = submission("local", false, "mother");
    s["settle"] = json!("abroad");
    assert!(!v.is_valid(&s));
}

#[test]
fn every_emitted_schema_is_draft_07() {
    let form = sample();
    for (path, text) in emit(&form).unwrap() {
        assert!(text.ends_with("}\n"), "{path}");
        let v: Value = serde_json::from_str(&text).expect("valid JSON");
        if path == "form.schema.json" {
            jsonschema::draft7::meta::validate(&v).expect("draft-07");
            assert!(!text.contains("$defs") && !text.contains("dependentRequired"));
        }
    }
    for p in projections(&form).items {
        jsonschema::draft7::meta::validate(&p.packet_schema).expect("draft-07 packet");
    }
}

#[test]
fn departments_receive_only_their_fields_under_their_names() {
    let form = sample();
    let proj = projections(&form);
    let hukou = proj
        .items
        .iter()
        .find(|p| p.item == "hukou")
        .expect("hukou");
    let names: Vec<&str> = hukou.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "baby_name",
            "baby_sex",
            "birth_date",
            "guardian_id",
            "household_address"
        ]
    );
    let g = &hukou.fields[3];
    assert_eq!(g.pointer, "/mother_id");
    assert_eq!(g.shared.as_deref(), Some("mother_id"));
    assert_eq!(hukou.fields[4].pointer, "/hukou/household_address");
    let v = validator(&hukou.packet_schema);
    assert!(v.is_valid(&json!({
        "baby_name": "李小明", "baby_sex": "male", "birth_date": "2025-03-01",
        "guardian_id": "11010519491231002X", "household_address": "市中心路 1 号"
    })));
    assert!(
        !v.is_valid(&json!({
            "baby_name": "李小明", "baby_sex": "male", "birth_date": "2025-03-01",
            "guardian_id": "11010519491231002X", "household_address": "市中心路 1 号",
            "phone": "13800138000"
        })),
        "a field the item does not declare"
    );
    let birth = proj
        .items
        .iter()
        .find(|p| p.item == "birth_cert")
        .expect("birth_cert");
    assert_eq!(birth.fields[1].label, "产妇身份证号码");
    assert_eq!(birth.fields[4].constraints["maxLength"], json!(15));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(emit(&sample()).unwrap(), emit(&sample()).unwrap());
}

#[test]
fn ui_schemas_and_messages_follow_the_form() {
    use yjs_compiler::emit::form::i18n_zh;
    let form = sample();
    let ui = ui_schema(&form);
    assert_eq!(ui["ui:groups"][0]["title"], "办理情形");
    assert_eq!(
        ui["ui:groups"][0]["fields"],
        json!(["settle", "card", "surname"])
    );
    assert_eq!(ui["hukou"]["ui:title"], "出生登记（市公安局）");
    assert_eq!(ui["hukou"]["household_address"]["ui:widget"], "textarea");
    assert_eq!(ui["card"]["ui:widget"], "radio");
    // Help is shown once: from the schema's description, never again as ui:help.
    assert!(!ui.to_string().contains("ui:help"));

    let jf = jsonforms_schema(&form);
    let groups = jf["elements"].as_array().unwrap();
    assert_eq!(groups[0]["label"], "办理情形");
    let hukou = groups
        .iter()
        .find(|g| g["label"] == "出生登记（市公安局）")
        .unwrap();
    assert_eq!(hukou["rule"]["effect"], "SHOW");
    assert_eq!(
        hukou["rule"]["condition"]["schema"]["properties"]["settle"]["const"],
        "local"
    );
    let scope = hukou["elements"][0]["scope"].as_str().unwrap();
    // The scope resolves in the schema to the field's definition.
    let schema = form_schema(&form);
    let pointer = scope.trim_start_matches('#');
    assert_eq!(schema.pointer(pointer).unwrap()["title"], "户籍地址");

    let zh = i18n_zh(&form);
    assert_eq!(
        zh.get("mother_id.error.pattern").unwrap(),
        "母亲身份证号码：请填写18位居民身份证号码，末位可为X"
    );
    assert_eq!(
        zh.get("baby_name.error.maxLength").unwrap(),
        "新生儿姓名：不能超过15个字"
    );
    assert_eq!(zh.get("hukou.household_address.label").unwrap(), "户籍地址");
    assert_eq!(zh.get("error.required").unwrap(), "此项为必填项");
}

/// The sample with a hint and help on `mother_id`, checked from memory.
fn sample_with_hint() -> Form {
    use std::collections::BTreeMap;
    let dir = PathBuf::from("tests/fixtures");
    let text = std::fs::read_to_string(dir.join("newborn.yjs"))
        .unwrap()
        .replace(
            "mother_id   \"母亲身份证号码\"  id_card { required }",
            "mother_id   \"母亲身份证号码\"  id_card { required; hint \"18位，末位可为X\"; help \"以居民身份证为准\" }",
        );
    assert!(text.contains("末位可为X"));
    let deps = std::fs::read_to_string(dir.join("common/departments.yjs")).unwrap();
    let files = BTreeMap::from([
        (PathBuf::from("newborn.yjs"), text),
        (PathBuf::from("common/departments.yjs"), deps),
    ]);
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Memory(files),
        &[PathBuf::from("newborn.yjs")],
    );
    assert!(
        !checked.diagnostics.iter().any(|d| d.is_error()),
        "{:#?}",
        checked.diagnostics
    );
    checked.matters[0].form.clone()
}

#[test]
fn hints_and_help_reach_both_ui_schemas() {
    let form = sample_with_hint();
    let ui = ui_schema(&form);
    assert_eq!(ui["mother_id"]["ui:placeholder"], "18位，末位可为X");
    assert_eq!(
        form_schema(&form)["properties"]["mother_id"]["description"],
        "以居民身份证为准"
    );
    let jf = jsonforms_schema(&form);
    let control = jf["elements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["elements"].as_array().unwrap())
        .find(|c| c["scope"] == "#/properties/mother_id")
        .unwrap();
    assert_eq!(control["options"]["placeholder"], "18位，末位可为X");
    assert_eq!(control["options"]["showUnfocusedDescription"], true);
    // A field without help or hint gets neither.
    let plain = jf.to_string();
    assert_eq!(plain.matches("placeholder").count(), 1, "{plain}");
}

/// A list entry's field required only in some situations: the merged form adds the requirement
/// in a conditional branch, and each department's packet schema carries it as
/// `x-yjs-required-when` under the list's `items`, as it does for the packet's own fields.
#[test]
fn a_list_entry_required_by_a_situation_says_so_in_the_packet() {
    let source = r#"
department wsjk "市卫生健康委员会"
matter m "测试一件事" {
  lead wsjk
  window wsjk
  promise 5 workdays
  situation married "是否已婚" bool
  item a "事项甲" {
    department wsjk
    legal unregulated
    promise 1 workday
    form {
      kids "子女" list { kid_name "姓名" text { required }; kid_id "身份证号" id_card { required when married } }
    }
  }
}
"#;
    let path = PathBuf::from("m.yjs");
    let files = [(path.clone(), source.to_owned())].into_iter().collect();
    let checked = yjs_compiler::check(&yjs_compiler::resolve::Memory(files), &[path]);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    let form = &checked.matters[0].form;
    let packet = &projections(form).items[0].packet_schema;
    let entry = &packet["properties"]["kids"]["items"];
    assert_eq!(entry["required"], json!(["kid_name"]));
    assert_eq!(
        entry["properties"]["kid_id"]["x-yjs-required-when"],
        json!({"op": "in", "situation": "married", "values": [true]})
    );
    assert!(entry["properties"]["kid_name"]
        .get("x-yjs-required-when")
        .is_none());
    // The merged form keeps to standard keywords: the requirement is its `if`/`then`.
    let schema = form_schema(form);
    assert!(!schema.to_string().contains("x-yjs"), "{schema}");
    let v = validator(&schema);
    let without_id = json!({"married": true, "a": {"kids": [{"kid_name": "李小华"}]}});
    assert!(!v.is_valid(&without_id));
    let single = json!({"married": false, "a": {"kids": [{"kid_name": "李小华"}]}});
    assert!(
        v.is_valid(&single),
        "{:?}",
        v.iter_errors(&single)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
}
