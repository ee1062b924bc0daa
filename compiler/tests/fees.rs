//! Fees by situation through the documents: the guide prints every arm with its condition and
//! source, each notice and `yjs notice` the arm of their answers, 改革成效 the arm per scenario.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_artifacts::{Answer, Answers, PlanGraph};
use yjs_compiler::emit::guide;
use yjs_compiler::resolve::Memory;
use yjs_compiler::MatterIr;

const MATTER: &str = r#"department zwfw "区政务服务中心"
department gaj "区公安分局"
matter idcard "居民身份证申领一件事" {
  lead gaj
  window zwfw
  promise 10 workdays
  situation dibao "是否为城市最低生活保障对象" bool
  situation photo "是否需要现场拍摄证件照片" bool
  item id_card "居民身份证申领" {
    department gaj
    legal   60 days
    promise 8 workdays
    fee {
      none basis "《中华人民共和国居民身份证法》第二十条" when dibao
      otherwise 20 yuan basis "《中华人民共和国居民身份证法》第二十条"
    }
  }
  item shoot "证件照片拍摄" {
    department gaj
    legal   unregulated
    promise immediate
    when    photo
    fee     none basis "本市公安机关服务承诺"
  }
}
"#;

fn checked(src: &str) -> yjs_compiler::Checked {
    let files = BTreeMap::from([(PathBuf::from("m.yjs"), src.to_string())]);
    yjs_compiler::check(&Memory(files), &[PathBuf::from("m.yjs")])
}

fn ir() -> MatterIr {
    let c = checked(MATTER);
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
fn the_guide_prints_every_arm_with_its_condition_and_source() {
    let g = &documents(&ir())["guide.md"];
    let fees = &g[g.find("## 收费标准").unwrap()..g.find("## 办理结果").unwrap()];
    assert!(fees.contains("按各事项收费标准收取，见上表"), "{fees}");
    assert!(
        fees.contains(
            "| 居民身份证申领 | 为城市最低生活保障对象的：不收费（依据：《中华人民共和国居民身份证法》第二十条）；其他情形：20元（依据：《中华人民共和国居民身份证法》第二十条） |"
        ),
        "{fees}"
    );
}

#[test]
fn each_notice_prints_the_fee_of_its_answers() {
    let docs = documents(&ir());
    let free = &docs["notices/dibao-true_photo-false.md"];
    let paid = &docs["notices/dibao-false_photo-false.md"];
    assert!(free.contains("- 收费：不收费"), "{free}");
    assert!(
        paid.contains(
            "- 收费：居民身份证申领：20元（依据：《中华人民共和国居民身份证法》第二十条）"
        ),
        "{paid}"
    );
    // `yjs notice` gives the same notice for the same answers.
    let mut answers = Answers::new();
    answers.insert("dibao".into(), Answer::Bool(false));
    answers.insert("photo".into(), Answer::Bool(false));
    assert_eq!(&guide::notice(&ir(), &answers, false).unwrap(), paid);
}

#[test]
fn reform_takes_the_arm_of_each_scenario() {
    let g = &documents(&ir())["guide.md"];
    let reform = &g[g.find("## 改革成效").unwrap()..];
    // The worst scenario pays 20 yuan (not 0 + 20 added over the arms, not 0).
    assert!(reform.contains("| 收费 | 20元 | 20元 | 持平 |"), "{reform}");
}

#[test]
fn a_fee_table_in_chinese_reads_the_same() {
    let zh = MATTER
        .replace("fee {", "收费 {")
        .replace("none basis", "不收费 依据")
        .replace("otherwise 20 yuan basis", "否则 20 元 依据")
        .replace(" when dibao", " 当 dibao");
    let a = serde_json::to_value(&ir().documents.items).unwrap();
    let c = checked(&zh);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    let b = serde_json::to_value(&c.matters[0].documents.items).unwrap();
    assert_eq!(a, b);
}

#[test]
fn an_arm_whose_condition_the_rules_exclude_does_not_overlap() {
    // With a rule that a 低保 applicant never needs a photo taken, two arms that could only
    // hold together in the excluded combination are exclusive.
    let src = MATTER
        .replace(
            "  item id_card",
            "  rule \"低保对象的照片由社区代为采集\" { not (dibao and photo) }\n  item id_card",
        )
        .replace(
            "      otherwise 20 yuan",
            "      10 yuan basis \"《中华人民共和国居民身份证法》第二十条\" when photo\n      otherwise 20 yuan",
        );
    let c = checked(&src);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    // Without the rule they overlap: E0117 names the answers.
    let src = src.replace(
        "  rule \"低保对象的照片由社区代为采集\" { not (dibao and photo) }\n",
        "",
    );
    let c = checked(&src);
    let e = c.diagnostics.iter().find(|d| d.code.0 == "E0117").unwrap();
    let text = yjs_compiler::diagnostics::render_human(&c.files, std::slice::from_ref(e), false);
    assert!(text.contains("dibao = true, photo = true"), "{text}");
}
