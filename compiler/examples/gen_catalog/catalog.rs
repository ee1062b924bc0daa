//! Generates a synthetic, valid-by-construction catalog of matters, optionally with known errors.
//!
//! Shared by the `gen-catalog` example, the `catalog` integration test and the `compile`
//! benchmarks (each includes this file with `#[path]`). The output depends only on the options:
//! a tiny xorshift generator replaces `rand`, and every collection is a `Vec`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// How many matters (one file each).
    pub matters: usize,
    /// How many known errors to inject, spread round-robin over the matters.
    pub errors: usize,
    /// The seed of the pseudo-random generator.
    pub seed: u64,
}

/// One injected error: where it is and which code `yjs check` must report there.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    /// The file, relative to the catalog directory.
    pub file: PathBuf,
    /// The 1-based line of the injected statement.
    pub line: usize,
    /// The diagnostic code.
    pub code: &'static str,
}

/// A generated catalog: files relative to its directory, and the injected errors.
pub struct Catalog {
    pub files: Vec<(PathBuf, String)>,
    pub expected: Vec<Expected>,
}

impl Catalog {
    /// The matter files, which are the roots to check (the `common/` files are `use`d).
    pub fn roots(&self, dir: &Path) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter(|(p, _)| !p.starts_with("common"))
            .map(|(p, _)| dir.join(p))
            .collect()
    }

    /// Writes every file under `dir`, and `expected-errors.txt` when errors were injected.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        for (path, text) in &self.files {
            let full = dir.join(path);
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(full, text)?;
        }
        if !self.expected.is_empty() {
            std::fs::write(dir.join("expected-errors.txt"), self.expected_text())?;
        }
        Ok(())
    }

    /// The injected errors as `file:line CODE` lines, sorted.
    pub fn expected_text(&self) -> String {
        let mut out = String::new();
        for e in &self.expected {
            let _ = writeln!(out, "{}:{} {}", e.file.display(), e.line, e.code);
        }
        out
    }
}

/// How many departments `common/departments.yjs` declares besides the window `zwfw`.
const DEPARTMENTS: usize = 40;

/// The kinds of error the generator can inject, each detectable by the resolver.
#[derive(Clone, Copy, Debug)]
enum Fault {
    UnknownDepartment,
    UnknownSharedField,
    UnknownOption,
    DuplicateItem,
    UnknownFlowItem,
}

const FAULTS: [Fault; 5] = [
    Fault::UnknownDepartment,
    Fault::UnknownSharedField,
    Fault::UnknownOption,
    Fault::DuplicateItem,
    Fault::UnknownFlowItem,
];

impl Fault {
    fn code(self) -> &'static str {
        match self {
            Fault::DuplicateItem => "E0103",
            _ => "E0104",
        }
    }
}

/// A xorshift64* generator: deterministic, dependency-free, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Generates the whole catalog.
pub fn generate(opts: &Options) -> Catalog {
    let mut files = vec![
        (PathBuf::from("common/departments.yjs"), departments()),
        (
            PathBuf::from("common/dictionary.yjs"),
            DICTIONARY.to_string(),
        ),
    ];
    let mut expected = Vec::new();
    let mut faults: Vec<Vec<(Fault, usize)>> = vec![Vec::new(); opts.matters];
    if opts.matters > 0 {
        for j in 0..opts.errors {
            faults[j % opts.matters].push((FAULTS[(j + j / opts.matters) % FAULTS.len()], j));
        }
    }
    for (m, faults) in faults.iter().enumerate() {
        let mut rng = Rng::new(opts.seed ^ ((m as u64 + 1) << 20));
        let path = PathBuf::from(format!("matter-{:04}.yjs", m + 1));
        let (text, lines) = matter(&mut rng, m + 1, faults);
        expected.extend(lines.into_iter().map(|(line, code)| Expected {
            file: path.clone(),
            line,
            code,
        }));
        files.push((path, text));
    }
    expected.sort();
    Catalog { files, expected }
}

fn departments() -> String {
    let mut out = String::from(
        "// Departments of the synthetic province.\n\
         department zwfw \"省政务服务中心\" { phone \"12345\"; hours \"工作日 9:00-17:00\" }\n",
    );
    for d in 1..=DEPARTMENTS {
        let _ = writeln!(
            out,
            "department d{d:02} \"合成厅局{d:02}\" {{ phone \"12345\" }}"
        );
    }
    out
}

const DICTIONARY: &str = "// Standard data elements of the synthetic province.
dictionary person \"自然人\" {
  name      \"姓名\"         text    { max_length 50 }
  id_number \"公民身份号码\" id_card
  mobile    \"手机号码\"     mobile
  address   \"住址\"         text    { max_length 200 }
  region    \"行政区划\"     region
}

dictionary org \"法人\" {
  name  \"名称\"             text { max_length 100 }
  uscc  \"统一社会信用代码\" uscc
  scope \"经营范围\"         text { max_length 2000 }
}
";

/// A shared field of a generated matter: its name and how an item may narrow it.
struct Shared {
    name: String,
    narrowing: Option<&'static str>,
}

/// One item of a generated matter, before it is written.
struct Item {
    promise: usize,
    legal: usize,
    when: Option<String>,
    preds: Vec<usize>,
}

/// Lines of a file being written, so that injected lines know their number.
struct Out {
    lines: Vec<String>,
    expected: Vec<(usize, &'static str)>,
}

impl Out {
    fn line(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }

    fn fault(&mut self, s: String, code: &'static str) {
        self.lines.push(s);
        self.expected.push((self.lines.len(), code));
    }
}

const TYPES: [(&str, Option<&str>); 6] = [
    (
        "text    { required; max_length 50 }",
        Some("{ max_length 30 }"),
    ),
    ("date    { required }", None),
    ("integer { min 0; max 1000 }", Some("{ max 500 }")),
    ("choice  { yes \"是\"; no \"否\" }", None),
    ("id_card", None),
    ("region  { required }", None),
];

fn matter(
    rng: &mut Rng,
    n: usize,
    faults: &[(Fault, usize)],
) -> (String, Vec<(usize, &'static str)>) {
    let mut o = Out {
        lines: Vec::new(),
        expected: Vec::new(),
    };
    let options = rng.range(2, 4);
    let bools = rng.range(1, 2);
    let n_items = rng.range(6, 10);
    let items = plan_items(rng, n_items, options, bools);
    let longest = longest_path(&items, |i| i.promise);
    let promise = 1 + longest + 1 + rng.range(0, 2);

    o.line(format!(
        "// Synthetic matter {n} (generated by gen-catalog)."
    ));
    o.line("use \"common/departments.yjs\"");
    o.line("use \"common/dictionary.yjs\"");
    o.line("");
    o.line(format!("matter m{n:04} \"合成一件事{n:04}\" {{"));
    o.line(format!("  code     \"SYN-{n:06}\" basis \"合成事项目录\""));
    o.line(format!("  lead     d{:02}", rng.range(1, DEPARTMENTS)));
    o.line("  window   zwfw");
    o.line(format!("  promise  {promise} workdays"));
    o.line("  visits   0");
    o.line("  delivery online, mail, window");
    o.line(
        "  basis    \"《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》\"",
    );
    let opts: Vec<String> = (0..options).map(|k| format!("o{k} \"选项{k}\"")).collect();
    o.line(format!(
        "  situation s0 \"办理情形\" {{ {} }}",
        opts.join("; ")
    ));
    for b in 1..=bools {
        o.line(format!("  situation b{b} \"是否情形{b}\" bool"));
    }

    // Shared fields: four from the dictionary (two renamed), the rest declared here.
    let mut shared = vec![
        Shared {
            name: "name".into(),
            narrowing: Some("{ max_length 30 }"),
        },
        Shared {
            name: "applicant_id".into(),
            narrowing: None,
        },
        Shared {
            name: "mobile".into(),
            narrowing: None,
        },
        Shared {
            name: "org_name".into(),
            narrowing: Some("{ max_length 60 }"),
        },
    ];
    o.line("  shared {");
    o.line("    person.name { required }");
    o.line("    applicant_id = person.id_number \"申请人身份证号码\" { required }");
    o.line("    person.mobile { required }");
    o.line("    org_name = org.name \"单位名称\"");
    let own_shared = rng.range(10, 14);
    for k in 0..own_shared {
        let (ty, narrowing) = TYPES[rng.range(0, TYPES.len() - 1)];
        o.line(format!("    sf{k:02} \"共享字段{k:02}\" {ty}"));
        shared.push(Shared {
            name: format!("sf{k:02}"),
            narrowing,
        });
    }
    // A note every situation makes required, so no situation goes unused (W0101).
    let mut triggers = vec!["s0 == o0".to_string()];
    triggers.extend((1..=bools).map(|b| format!("b{b}")));
    o.line(format!(
        "    situation_note \"情形说明\" text {{ max_length 200; required when {} }}",
        triggers.join(" or ")
    ));
    shared.push(Shared {
        name: "situation_note".into(),
        narrowing: None,
    });
    o.line("  }");

    for (i, item) in items.iter().enumerate() {
        write_item(&mut o, rng, i, item, &items, &shared, faults);
    }
    for &(fault, j) in faults {
        match fault {
            Fault::UnknownDepartment => o.fault(
                format!("  item inj{j} \"注入事项{j}\" {{ department nodept{j}; legal 10 workdays basis \"《合成条例》\"; promise 1 workday }}"),
                fault.code(),
            ),
            Fault::DuplicateItem => o.fault(
                format!("  item i0 \"重复事项{j}\" {{ department d01; legal 10 workdays basis \"《合成条例》\"; promise 1 workday }}"),
                fault.code(),
            ),
            _ => {}
        }
    }

    o.line("  flow {");
    o.line("    accept  1 workday by zwfw");
    for (i, item) in items.iter().enumerate() {
        for &p in &item.preds {
            o.line(format!("    i{p} -> i{i}"));
        }
    }
    for &(fault, j) in faults {
        if let Fault::UnknownFlowItem = fault {
            o.fault(format!("    i0 -> ghost{j}"), fault.code());
        }
    }
    o.line("    deliver 1 workday");
    o.line("  }");
    o.line("}");
    let mut text = o.lines.join("\n");
    text.push('\n');
    (text, o.expected)
}

/// Lays the items out in layers; each item after the first layer waits for one or two items
/// of the layer before, which gives parallel branches that join.
fn plan_items(rng: &mut Rng, n: usize, options: usize, bools: usize) -> Vec<Item> {
    let layers = rng.range(2, 4).min(n);
    let mut layer_of = Vec::with_capacity(n);
    for i in 0..n {
        // Every layer gets at least one item; the rest are spread at random, in order.
        let l = if i < layers {
            i
        } else {
            rng.range(0, layers - 1)
        };
        layer_of.push(l);
    }
    layer_of.sort_unstable();
    let mut items: Vec<Item> = Vec::with_capacity(n);
    for i in 0..n {
        let l = layer_of[i];
        let before: Vec<usize> = (0..i).filter(|&k| layer_of[k] + 1 == l).collect();
        let mut preds = Vec::new();
        if !before.is_empty() {
            preds.push(before[rng.range(0, before.len() - 1)]);
            if before.len() > 1 && rng.chance(40) {
                let other = before[rng.range(0, before.len() - 1)];
                if !preds.contains(&other) {
                    preds.push(other);
                }
            }
        }
        let when = match rng.range(0, 5) {
            0 => Some(format!("s0 == o{}", rng.range(0, options - 1))),
            1 => Some(format!("b{}", rng.range(1, bools))),
            2 => Some(format!("s0 in [o0, o1] or not b{}", rng.range(1, bools))),
            _ => None,
        };
        let legal = if rng.chance(30) { 5 } else { 10 };
        items.push(Item {
            promise: rng.range(1, 5),
            legal,
            when,
            preds,
        });
    }
    items
}

/// The longest path through the items, by `cost`, which is the critical path of the flow.
fn longest_path(items: &[Item], cost: impl Fn(&Item) -> usize) -> usize {
    let mut finish: Vec<usize> = Vec::with_capacity(items.len());
    for item in items {
        let start = item.preds.iter().map(|&p| finish[p]).max().unwrap_or(0);
        finish.push(start + cost(item));
    }
    finish.into_iter().max().unwrap_or(0)
}

const KINDS: [&str; 4] = [
    "public_service",
    "administrative_license",
    "administrative_confirmation",
    "filing",
];

fn write_item(
    o: &mut Out,
    rng: &mut Rng,
    i: usize,
    item: &Item,
    items: &[Item],
    shared: &[Shared],
    faults: &[(Fault, usize)],
) {
    // Faults that belong inside an item go to the item the fault's number picks.
    let mine = |f: &(Fault, usize)| f.1 % items.len() == i;
    o.line(format!("  item i{i} \"合成事项{i}\" {{"));
    o.line(format!("    department d{:02}", rng.range(1, DEPARTMENTS)));
    o.line(format!(
        "    kind       {}",
        KINDS[rng.range(0, KINDS.len() - 1)]
    ));
    o.line(format!(
        "    basis      \"《合成条例》第{}条\"",
        rng.range(1, 90)
    ));
    if let Some(w) = &item.when {
        o.line(format!("    when       {w}"));
    }
    o.line(format!(
        "    legal      {} workdays basis \"《合成条例》\"",
        item.legal
    ));
    o.line(format!("    promise    {} workdays", item.promise));
    o.line("    fee        none basis \"《合成收费规定》\"");
    o.line("    form {");
    let bound = rng.range(4, 7).min(shared.len());
    let start = rng.range(0, shared.len() - 1);
    // A random window of shared fields, plus every field whose turn it is, so that every
    // shared field is bound by some item (an unbound one is a W0202 warning).
    let mut picks: Vec<usize> = (0..bound).map(|k| (start + k) % shared.len()).collect();
    picks.extend((0..shared.len()).filter(|k| k % items.len() == i));
    picks.sort_unstable();
    picks.dedup();
    for k in picks {
        let f = &shared[k];
        match rng.range(0, 4) {
            0 => o.line(format!("      {} \"{}（本部门）\"", f.name, f.name)),
            1 => o.line(format!("      i{i}_{} = {}", f.name, f.name)),
            2 if f.narrowing.is_some() => o.line(format!(
                "      {} {}",
                f.name,
                f.narrowing.unwrap_or_default()
            )),
            _ => o.line(format!("      {}", f.name)),
        }
    }
    for k in 0..2 {
        o.line(format!(
            "      own{i}_{k} \"事项{i}专有字段{k}\" text {{ required; max_length 100 }}"
        ));
    }
    for &(fault, j) in faults.iter().filter(|f| mine(f)) {
        if let Fault::UnknownSharedField = fault {
            o.fault(format!("      nosuch{j}"), fault.code());
        }
    }
    o.line("    }");
    o.line(format!(
        "    material doc{i} \"申请材料{i}\" {{ original 1 }}"
    ));
    if rng.chance(50) {
        o.line(format!(
            "    material extra{i} \"补充材料{i}\" {{ copy 1; when s0 == o1 }}"
        ));
    }
    // Reuse an earlier output only from a predecessor that always applies.
    for &p in &item.preds {
        if items[p].when.is_none() {
            o.line(format!("    material i{p}.out"));
        }
    }
    for &(fault, j) in faults.iter().filter(|f| mine(f)) {
        if let Fault::UnknownOption = fault {
            o.fault(
                format!("    material inj{j} \"注入材料{j}\" {{ original 1; when s0 == nope{j} }}"),
                fault.code(),
            );
        }
    }
    o.line(format!("    output out \"办理结果{i}\" {{ electronic }}"));
    o.line("    review {");
    o.line("      \"核对申请信息与共享数据一致\"");
    o.line("    }");
    o.line("  }");
}

/// One matter whose merged form has about `fields` fields: half shared, half item-specific,
/// with every item binding a slice of the shared ones.
pub fn big_form(fields: usize) -> String {
    let items = 20;
    let shared = fields / 2;
    let own = (fields - shared) / items;
    let mut s = String::from(
        "use \"common/departments.yjs\"\n\nmatter big \"大表单一件事\" {\n  lead d01\n  window zwfw\n  promise 3 workdays\n  shared {\n",
    );
    for k in 0..shared {
        let _ = writeln!(
            s,
            "    sf{k} \"共享字段{k}\" text {{ required; max_length 50 }}"
        );
    }
    s.push_str("  }\n");
    for i in 0..items {
        let _ = writeln!(
            s,
            "  item i{i} \"事项{i}\" {{\n    department d{:02}\n    legal 10 workdays basis \"《合成条例》\"\n    promise 1 workday\n    form {{",
            i % DEPARTMENTS + 1
        );
        for k in (i..shared).step_by(2) {
            if k % 5 == 0 {
                let _ = writeln!(s, "      sf{k} {{ max_length 30 }}");
            } else {
                let _ = writeln!(s, "      sf{k}");
            }
        }
        for k in 0..own {
            let _ = writeln!(s, "      own{i}_{k} \"专有字段{k}\" integer {{ min 0 }}");
        }
        s.push_str("    }\n  }\n");
    }
    s.push_str("}\n");
    s
}

/// One matter with `n` yes/no situations, and items and materials conditioned on them.
pub fn many_situations(n: usize) -> String {
    let mut s = String::from(
        "use \"common/departments.yjs\"\n\nmatter sit \"多情形一件事\" {\n  lead d01\n  window zwfw\n  promise 3 workdays\n",
    );
    for k in 0..n {
        let _ = writeln!(s, "  situation q{k} \"是否情形{k}\" bool");
    }
    for i in 0..n {
        let a = i;
        let b = (i + 1) % n;
        let c = (i + 7) % n;
        let _ = writeln!(
            s,
            "  item i{i} \"事项{i}\" {{\n    department d{:02}\n    legal 10 workdays basis \"《合成条例》\"\n    promise 1 workday\n    when q{a} and (q{b} or not q{c})\n    material m{i} \"材料{i}\" {{ original 1; when q{c} or q{b} }}\n  }}",
            i % DEPARTMENTS + 1
        );
    }
    s.push_str("}\n");
    s
}

/// The `common/departments.yjs` text, for callers that build single-matter sources.
pub fn departments_text() -> String {
    departments()
}
