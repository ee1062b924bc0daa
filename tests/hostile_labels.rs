//! A label that is Markdown, HTML and a table bar at once, placed in every text a document
//! prints: no document of `yjs build` turns it into a link, emphasis, markup or a new column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;

const HOSTILE: &str = r#"测[试](http://x) *强调* <script>alert(1)</script> | a_b `c` &amp;"#;

fn source(h: &str) -> String {
    format!(
        r#"department win "{h}窗口" {{ phone "12345"; address "{h}" }}
department dep "{h}部门"

matter m "{h}一件事" {{
  lead    dep
  window  win
  promise 3 workdays
  consult "{h}"
  applicant "{h}"
  basis   "{h}依据"
  situation s "{h}问题" {{
    a "{h}甲"
    b "{h}乙"
  }}
  shared {{
    name "{h}姓名" text {{ required }}
  }}
  item one "{h}事项" {{
    department dep
    kind       public_service
    basis      "{h}事项依据"
    condition  "{h}条件"
    legal      5 workdays basis "{h}条"
    promise    1 workday
    fee        none basis "{h}收费依据"
    when       s == a
    form {{
      name
      own "{h}本地字段" text
    }}
    material doc "{h}材料" {{ original 1; accept "{h}标准" }}
    output out "{h}结果" {{ electronic }}
    review {{ "{h}要点" }}
    faq "{h}问" "{h}答"
  }}
}}
"#
    )
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn a_hostile_label_stays_text_in_every_document() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("m.yjs"), source(HOSTILE)).unwrap();
    let out = tmp.path().join("out");
    support::yjs_build(&src, &out);
    let mut all = Vec::new();
    files(&out, &mut all);
    let kinds = |ext: &str| {
        all.iter()
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .count()
    };
    assert!(kinds("md") >= 5 && kinds("html") >= 1, "{all:?}");
    assert!(all.iter().any(|p| p.ends_with("index.md")));
    assert!(all.iter().any(|p| p.to_string_lossy().contains("notices")));
    assert!(all.iter().any(|p| p.to_string_lossy().contains("review")));
    let escaped_md = r#"测\[试\]\(http\:\/\/x\) \*强调\* \<script\>alert\(1\)\<\/script\> \| a\_b \`c\` \&amp\;"#;
    for p in &all {
        let text = std::fs::read_to_string(p).unwrap();
        let name = p.display();
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        // JSON carries the label as data and XML comments hold it as text; every document a
        // person reads must neutralise it.
        if matches!(ext, "md" | "html" | "mmd") {
            assert!(!text.contains("<script>alert"), "{name} prints raw markup");
        }
        // notice.html runs its own inline script and carries its data as JSON: the label is in
        // neither as markup, and no other script element exists.
        if p.file_name().is_some_and(|f| f == "notice.html") {
            assert_eq!(text.matches("<script").count(), 2, "{name}");
            assert!(
                text.contains(r"\u003cscript\u003ealert(1)\u003c/script\u003e"),
                "{name}"
            );
        } else if matches!(ext, "md" | "html" | "mmd") {
            assert!(!text.contains("<script>"), "{name} prints raw markup");
        }
        match ext {
            "md" => {
                for raw in ["[试](", "*强调*", "| a_b", "`c`"] {
                    assert!(!text.contains(raw), "{name} prints `{raw}` unescaped");
                }
                assert!(
                    text.contains(escaped_md),
                    "{name} does not print the label escaped"
                );
            }
            "html" => assert!(
                text.contains(
                    "测[试](http:&#x2f;&#x2f;x) *强调* &lt;script&gt;alert(1)&lt;&#x2f;script&gt;"
                ) && text.contains("&amp;amp;"),
                "{name} does not print the label as HTML text"
            ),
            _ => {}
        }
    }
}
