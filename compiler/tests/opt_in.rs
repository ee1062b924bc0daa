//! Optional items and material templates through every artifact: the form asks the choice, the
//! plan and BPMN route it, scenarios, notices and 改革成效 count it, the guide and notices link
//! the template, and the build copies its bytes.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_artifacts::PlanGraph;
use yjs_compiler::emit::{self, bpmn, guide};
use yjs_compiler::resolve::{Disk, Memory, MAX_TEMPLATE_BYTES};
use yjs_compiler::MatterIr;

const MATTER: &str = r#"department zwfw "区政务服务中心"
department sc "区市场监督管理局"
department bank "开户银行"
matter close "企业注销一件事" {
  lead sc
  window zwfw
  promise 5 workdays
  item license "营业执照注销登记" {
    department sc
    legal 20 workdays
    promise 3 workdays
    material apply "注销登记申请书" { original 1; template "templates/申请书.txt" }
  }
  item bank_close "预约银行账户销户" {
    department bank
    legal unregulated
    promise 1 workday
    optional "是否需要预约银行销户"
    form {
      bank_name "开户银行名称" text { required }
    }
    material book "开户许可证" { original 1 }
  }
}
"#;

const TEMPLATE: &str = "注销登记申请书（空白样表）\n企业名称：\n";

fn source(template: &str) -> Memory {
    Memory(BTreeMap::from([
        (PathBuf::from("close.yjs"), MATTER.to_string()),
        (PathBuf::from("templates/申请书.txt"), template.to_string()),
    ]))
}

fn checked(template: &str) -> yjs_compiler::Checked {
    yjs_compiler::check(&source(template), &[PathBuf::from("close.yjs")])
}

fn ir() -> MatterIr {
    let c = checked(TEMPLATE);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    c.matters[0].clone()
}

fn documents(ir: &MatterIr) -> BTreeMap<String, String> {
    let graph = PlanGraph::new(&ir.plan.plan).unwrap();
    guide::guide_files(ir, &graph)
        .unwrap()
        .into_iter()
        .collect()
}

#[test]
fn the_form_asks_the_choice_and_the_items_fields_only_when_chosen() {
    let files: BTreeMap<String, String> =
        emit::form::emit(&ir().form).unwrap().into_iter().collect();
    let schema: serde_json::Value = serde_json::from_str(&files["form.schema.json"]).unwrap();
    let choice = &schema["properties"]["bank_close_chosen"];
    assert_eq!(choice["type"], "boolean");
    assert_eq!(choice["title"], "是否需要预约银行销户");
    let required = schema["required"].as_array().unwrap();
    assert!(required.iter().any(|r| r == "bank_close_chosen"));
    // The item's section exists only in the `then` of the choice.
    assert!(schema["properties"].get("bank_close").is_none());
    let text = serde_json::to_string(&schema["allOf"]).unwrap();
    assert!(
        text.contains("\"bank_close_chosen\":{\"const\":true}"),
        "{text}"
    );
    assert!(text.contains("\"bank_close\""), "{text}");
}

#[test]
fn the_plan_and_the_process_route_the_item_only_when_chosen() {
    let ir = ir();
    let plan = &ir.plan.plan;
    let step = plan.steps.iter().find(|s| s.id == "bank_close").unwrap();
    let cond = serde_json::to_value(&step.condition).unwrap();
    assert_eq!(
        cond,
        serde_json::json!({"op": "in", "situation": "bank_close_chosen", "values": [true]})
    );
    // Two scenarios: chosen (license and bank_close) and declined (license only).
    assert_eq!(plan.scenarios.list.len(), 2, "{:?}", plan.scenarios);
    let xml = bpmn::matter(&ir).unwrap();
    assert!(xml.contains(">=bank_close_chosen = true<"), "{xml}");
    assert!(xml.contains("default=\"bank_close-skip\""), "{xml}");
}

#[test]
fn the_guide_marks_the_item_and_links_the_template() {
    let docs = documents(&ir());
    let g = &docs["guide.md"];
    assert!(
        g.contains("- 可选办理：申请人自愿选择是否办理，在申请表中回答「是否需要预约银行销户」"),
        "{g}"
    );
    assert!(
        g.contains("| 注销登记申请书（[空白表格/样表](templates/license-apply.txt)） |"),
        "{g}"
    );
    let html = &docs["guide.html"];
    // minijinja escapes `/` in HTML as `&#x2f;`, which a browser reads back as `/`.
    assert!(
        html.contains("<a href=\"templates&#x2f;license-apply.txt\">空白表格/样表</a>"),
        "{html}"
    );
    // 改革成效: two departments when the bank appointment is chosen (the maximum), not one.
    let reform = &g[g.find("## 改革成效").unwrap()..];
    assert!(
        reform.contains("| 跑动部门（窗口） | 2个 | 1个 |"),
        "{reform}"
    );
}

#[test]
fn one_notice_per_answer_each_with_its_items_and_the_template() {
    let docs = documents(&ir());
    let yes = &docs["notices/bank_close_chosen-true.md"];
    let no = &docs["notices/bank_close_chosen-false.md"];
    assert!(
        yes.contains("预约银行账户销户") && yes.contains("开户许可证"),
        "{yes}"
    );
    assert!(
        !no.contains("预约银行账户销户") && !no.contains("开户许可证"),
        "{no}"
    );
    for n in [yes, no] {
        assert!(
            n.contains("注销登记申请书（[空白表格/样表](../templates/license-apply.txt)）"),
            "{n}"
        );
    }
}

#[test]
fn the_build_copies_the_bytes_that_were_checked() {
    let files = emit::templates(&ir());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "close/templates/license-apply.txt");
    assert_eq!(&*files[0].1, TEMPLATE.as_bytes());
}

#[test]
fn a_template_over_the_limit_is_refused() {
    let big = "表".repeat(MAX_TEMPLATE_BYTES / 3 + 1);
    let c = checked(&big);
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.0).collect();
    assert!(codes.contains(&"E0112"), "{codes:?}");
}

#[cfg(unix)]
#[test]
fn a_template_through_a_link_out_of_the_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("templates/申请书.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("close.yjs"), MATTER).unwrap();
    let c = yjs_compiler::check(&Disk, &[dir.path().join("close.yjs")]);
    let e = c.diagnostics.iter().find(|d| d.code.0 == "E0113");
    assert!(e.is_some(), "{:?}", c.diagnostics);
    assert!(c.matters[0].documents.templates.is_empty());
    // The same file, really inside the folder, is accepted.
    std::fs::remove_file(dir.path().join("templates/申请书.txt")).unwrap();
    std::fs::write(dir.path().join("templates/申请书.txt"), TEMPLATE).unwrap();
    let c = yjs_compiler::check(&Disk, &[dir.path().join("close.yjs")]);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
}
