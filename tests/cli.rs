//! The command line end to end: exit codes, JSON diagnostics, build, notice and explain.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn yjs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(args)
        .output()
        .expect("run yjs")
}

#[test]
fn check_exit_codes() {
    assert_eq!(yjs(&["check", "dsl-examples"]).status.code(), Some(0));
    assert_eq!(
        yjs(&["check", "tests/ui/fail/e0104-unknown-name.yjs"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(yjs(&["check", "no/such/path"]).status.code(), Some(2));
    assert_eq!(yjs(&["check", "--format", "yaml"]).status.code(), Some(2));
}

#[test]
fn check_json_has_the_documented_shape() {
    let out = yjs(&[
        "check",
        "--format",
        "json",
        "tests/ui/fail/e0104-unknown-names-across-files.yjs",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    let first = &v.as_array().expect("array")[0];
    for key in ["code", "severity", "message", "labels", "notes", "help"] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    let label = &first["labels"][0];
    for key in [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "primary",
    ] {
        assert!(label.get(key).is_some(), "missing {key} in {label}");
    }
    assert_eq!(first["code"], "E0104");
    assert_eq!(label["line"], 4);
    assert_eq!(label["column"], 8);
    assert_eq!(first["help"], "did you mean `wsjk`?");
}

#[test]
fn build_writes_what_is_committed() {
    let dir = tempfile::tempdir().unwrap();
    let out = yjs(&[
        "build",
        "dsl-examples",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "index.md",
        "newborn/plan.json",
        "newborn/guide.html",
        "newborn/review/hukou.md",
    ] {
        let built = std::fs::read_to_string(dir.path().join(f)).unwrap();
        let committed = std::fs::read_to_string(std::path::Path::new("generated").join(f)).unwrap();
        assert_eq!(built, committed, "{f}");
    }
}

#[test]
fn build_copies_a_binary_template_byte_for_byte_and_links_it() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    // A few bytes that are not UTF-8 (a ZIP header and a NUL), as a .docx holds.
    let bytes: &[u8] = b"PK\x03\x04\x00\xff\xfe\x80template";
    std::fs::create_dir(src.path().join("forms")).unwrap();
    std::fs::write(src.path().join("forms/申请书.docx"), bytes).unwrap();
    std::fs::write(
        src.path().join("close.yjs"),
        r#"department zwfw "区政务服务中心"
department sc "区市场监督管理局"
matter close "企业注销一件事" {
  lead sc
  window zwfw
  promise 5 workdays
  item license "营业执照注销登记" {
    department sc
    legal 20 workdays
    promise 3 workdays
    material apply "注销登记申请书" { original 1; template "forms/申请书.docx" }
  }
}
"#,
    )
    .unwrap();
    let run = || {
        yjs(&[
            "build",
            src.path().to_str().unwrap(),
            "--out",
            out.path().to_str().unwrap(),
        ])
    };
    let o = run();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let copied = std::fs::read(out.path().join("close/templates/license-apply.docx")).unwrap();
    assert_eq!(copied, bytes);
    let guide = std::fs::read_to_string(out.path().join("close/guide.md")).unwrap();
    assert!(guide.contains("(templates/license-apply.docx)"), "{guide}");
    // A rebuild over its own output replaces it; a template that went missing refuses the
    // build and leaves the earlier output as it was.
    assert_eq!(run().status.code(), Some(0));
    std::fs::remove_file(src.path().join("forms/申请书.docx")).unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("E0112"));
    let kept = std::fs::read(out.path().join("close/templates/license-apply.docx")).unwrap();
    assert_eq!(kept, bytes);
}

#[test]
fn build_refuses_input_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = yjs(&[
        "build",
        "tests/ui/fail/e0104-unknown-name.yjs",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing may be written"
    );
}

#[test]
fn notice_prints_one_scenario_and_lists_valid_answers() {
    let ok = yjs(&[
        "notice",
        "dsl-examples",
        "--matter",
        "newborn",
        "--answer",
        "settle=local",
        "--answer",
        "card=true",
        "--answer",
        "surname=mother",
        "--answer",
        "marriage=unmarried",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(
        text.contains("母亲居民身份证")
            && !text.contains("亲子鉴定证明")
            && !text.contains("新生儿证件照片"),
        "{text}"
    );
    let html = yjs(&[
        "notice",
        "dsl-examples",
        "--matter",
        "newborn",
        "--format",
        "html",
        "--answer",
        "settle=local",
        "--answer",
        "card=false",
        "--answer",
        "surname=father",
        "--answer",
        "marriage=unmarried",
    ]);
    let html_text = String::from_utf8_lossy(&html.stdout);
    assert!(
        html_text.contains("<html") && html_text.contains("亲子鉴定证明"),
        "a child born outside marriage who takes the father's surname needs the paternity proof at 出生登记"
    );
    let bad = yjs(&[
        "notice",
        "dsl-examples",
        "--matter",
        "newborn",
        "--answer",
        "settle=locl",
        "--answer",
        "card=true",
        "--answer",
        "surname=mother",
        "--answer",
        "marriage=married",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("local, other"));
}

#[test]
fn notice_names_every_missing_answer_in_one_run_and_reads_chinese_yes_no() {
    let none = yjs(&["notice", "dsl-examples", "--matter", "newborn"]);
    assert_eq!(none.status.code(), Some(1));
    let err = String::from_utf8_lossy(&none.stderr);
    for s in ["settle", "card", "surname", "marriage"] {
        assert!(
            err.contains(&format!("situation `{s}`")),
            "every unanswered situation is named at once: {err}"
        );
    }
    let chinese = yjs(&[
        "notice",
        "dsl-examples",
        "--matter",
        "newborn",
        "--answer",
        "settle=local",
        "--answer",
        "card=是",
        "--answer",
        "surname=mother",
        "--answer",
        "marriage=unmarried",
    ]);
    assert_eq!(
        chinese.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&chinese.stderr)
    );
    let english = yjs(&[
        "notice",
        "dsl-examples",
        "--matter",
        "newborn",
        "--answer",
        "settle=local",
        "--answer",
        "card=true",
        "--answer",
        "surname=mother",
        "--answer",
        "marriage=unmarried",
    ]);
    assert_eq!(chinese.stdout, english.stdout);
}

#[test]
fn explain_prints_the_explanation() {
    let out = yjs(&["explain", "e0104"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# E0104: unknown name"));
    assert_eq!(yjs(&["explain", "E9999"]).status.code(), Some(2));
}

#[test]
fn a_case_from_submission_to_the_supervision_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let db = db.to_str().unwrap();
    let submit = yjs(&[
        "case",
        "--db",
        db,
        "submit",
        "--artifacts",
        "generated/newborn",
        "--received",
        "2026-03-02T09:00",
        "runtime/tests/fixtures/newborn/submission.json",
    ]);
    assert_eq!(
        submit.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&submit.stderr)
    );
    let accepted: serde_json::Value = serde_json::from_slice(&submit.stdout).unwrap();
    assert_eq!(accepted["accepted"], true);
    let id = accepted["case"]["id"].as_str().unwrap().to_string();
    // Long after every limit: the supervision list names promised and legal overruns in words.
    let overdue = yjs(&[
        "case",
        "--db",
        db,
        "--format",
        "text",
        "overdue",
        "--at",
        "2026-04-15",
    ]);
    assert_eq!(overdue.status.code(), Some(0));
    let text = String::from_utf8_lossy(&overdue.stdout);
    assert!(
        text.contains(&id) && text.contains("超期") && text.contains("法定时限至"),
        "{text}"
    );
    // The same submission with a broken check digit is refused with the field's label.
    let mut bad: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("runtime/tests/fixtures/newborn/submission.json").unwrap(),
    )
    .unwrap();
    bad["mother_id"] = serde_json::json!("110105199001011233");
    let bad_path = dir.path().join("bad.json");
    std::fs::write(&bad_path, bad.to_string()).unwrap();
    let refused = yjs(&[
        "case",
        "--db",
        db,
        "submit",
        "--artifacts",
        "generated/newborn",
        bad_path.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stdout).contains("母亲身份证号码"));
}

/// `--format text` says every status with the runtime's one vocabulary (`yjs_runtime::status`),
/// in the case view and in refusal messages alike; JSON keeps the English codes.
#[test]
fn case_text_output_speaks_the_one_status_vocabulary() {
    use yjs_runtime::status::table;
    let names = |family: &str| -> Vec<&'static str> {
        table()
            .into_iter()
            .filter(|(f, _, _)| *f == family)
            .map(|(_, _, name)| name)
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let db = db.to_str().unwrap();
    let case = |args: &[&str]| {
        let mut all = vec!["case", "--db", db];
        all.extend_from_slice(args);
        yjs(&all)
    };
    let submit = case(&[
        "submit",
        "--artifacts",
        "generated/newborn",
        "--received",
        "2026-03-02T09:00",
        "runtime/tests/fixtures/newborn/submission.json",
    ]);
    assert_eq!(submit.status.code(), Some(0));
    let id = "newborn-20260302-0001";
    for args in [
        ["approve", "accept", "--at", "2026-03-02T10:00"].as_slice(),
        &["approve", "birth_cert", "--at", "2026-03-03T10:00"],
        &[
            "correction",
            "hukou",
            "--at",
            "2026-03-04T10:00",
            "--reason",
            "户籍地址不符",
        ],
    ] {
        let mut all = vec!["event", id];
        all.extend_from_slice(args);
        assert_eq!(case(&all).status.code(), Some(0), "{args:?}");
    }
    // A decision on the suspended step is refused, naming its status as the view does.
    let refused = case(&[
        "--format",
        "text",
        "event",
        id,
        "approve",
        "hukou",
        "--at",
        "2026-03-05T10:00",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&refused.stdout).trim(),
        "拒绝：步骤 hukou 当前状态为 暂停计时，不能作出决定 [wrong_status]"
    );
    let shown = case(&["--format", "text", "show", id, "--at", "2026-03-05"]);
    assert_eq!(shown.status.code(), Some(0));
    let text = String::from_utf8_lossy(&shown.stdout).into_owned();
    let mut seen = Vec::new();
    for line in text.lines().skip(2) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(names("step").contains(&words[2]), "{line}");
        if let Some(last) = words.get(5) {
            assert!(names("clock").contains(last), "{line}");
        }
        seen.push((words[0], words[2]));
    }
    assert_eq!(
        seen,
        [
            ("accept", "已批准"),
            ("birth_cert", "已批准"),
            ("vaccine", "待办理"),
            ("hukou", "暂停计时"),
            ("insurance", "待办理"),
            ("sscard", "待办理"),
            ("deliver", "待办理"),
        ]
    );
    // The words the two vocabularies once disagreed on are gone.
    assert!(
        !text.contains("已办结") && !text.contains("待办 "),
        "{text}"
    );
    let json = case(&["show", id, "--at", "2026-03-05"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["steps"][0]["status"], "approved");
    assert_eq!(v["steps"][3]["status"], "suspended");
}

#[test]
fn bpmn_prints_the_committed_process_of_one_matter() {
    let out = yjs(&["bpmn", "dsl-examples", "--matter", "newborn"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read("generated/newborn/plan.bpmn").expect("committed plan.bpmn");
    assert_eq!(
        out.stdout, committed,
        "`yjs bpmn` prints what `yjs build` writes"
    );
    let unknown = yjs(&["bpmn", "dsl-examples", "--matter", "nosuch"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("newborn"));
    let broken = yjs(&[
        "bpmn",
        "tests/ui/fail/e0104-unknown-name.yjs",
        "--matter",
        "x",
    ]);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!(yjs(&["bpmn", "dsl-examples"]).status.code(), Some(2));
}
