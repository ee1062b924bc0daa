//! The flow picture (办理流程图): the plan's steps as an inline SVG, layered top to bottom.
//!
//! A step's band is its longest-path rank over `after` edges ([`PlanGraph::ranks`]); within a
//! band, steps keep the plan's order, at most [`PER_ROW`] side by side (a wider rank wraps onto
//! further rows), so the picture is at most 656 units wide: it fits a 680 px column and an A4
//! page at scale 1 (12 px text stays 12 px on screen and 9 pt on paper; on a phone the figure
//! scrolls inside its own box, see style.css). Coordinates are integers computed from those
//! numbers only, so the picture is byte-identical across runs. No script, no external reference.

use super::words;
use yjs_artifacts::{Plan, PlanGraph, Step};

const COL_W: usize = 220;
const BOX_W: usize = 184;
const LINE_H: usize = 16;
const MARGIN: usize = 16;
/// Box titles wrap at this many full-width characters (an ASCII character counts half).
const CHARS_PER_LINE: usize = 11;
/// Steps side by side in one row.
const PER_ROW: usize = 3;
/// Vertical gap between rows, room for the arrows.
const ROW_GAP: usize = 40;

/// The SVG of the plan; critical steps and edges are drawn in red, conditional steps dashed.
pub fn flow(plan: &Plan, graph: &PlanGraph) -> String {
    let ranks = graph.ranks();
    let bands = ranks.iter().copied().max().map_or(0, |m| m + 1);
    let lines: Vec<Vec<String>> = plan.steps.iter().map(label_lines).collect();
    let box_h = lines.iter().map(Vec::len).max().unwrap_or(1) * LINE_H + 12;
    let row_h = box_h + ROW_GAP;

    // Rows each band takes, and the first row of each band.
    let mut in_band = vec![0usize; bands];
    for r in &ranks {
        if let Some(c) = in_band.get_mut(*r) {
            *c += 1;
        }
    }
    let mut first_row = Vec::with_capacity(bands);
    let mut rows = 0usize;
    for n in &in_band {
        first_row.push(rows);
        rows += n.div_ceil(PER_ROW).max(1);
    }
    let widest = in_band.iter().copied().max().unwrap_or(1).clamp(1, PER_ROW);
    let mut seen = vec![0usize; bands];
    let mut pos = Vec::with_capacity(plan.steps.len());
    for r in &ranks {
        let k = seen.get(*r).copied().unwrap_or(0);
        if let Some(c) = seen.get_mut(*r) {
            *c += 1;
        }
        let row = first_row.get(*r).copied().unwrap_or(0) + k / PER_ROW;
        pos.push((MARGIN + (k % PER_ROW) * COL_W, MARGIN + 24 + row * row_h));
    }
    let width = MARGIN * 2 + (widest - 1) * COL_W + BOX_W;
    let height = MARGIN * 2 + 24 + rows * row_h;

    let mut s = String::new();
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"办理流程图\">\n"
    ));
    s.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>");
    s.push_str("<marker id=\"arrow-critical\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c00\"/></marker></defs>\n");
    s.push_str(&format!(
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"12\" fill=\"#333\">红色：关键路径；虚线框：按情形办理；天数为承诺时限</text>\n",
        MARGIN + 4
    ));

    for (i, step) in plan.steps.iter().enumerate() {
        for &j in graph.predecessors(i) {
            // The delivery step waits for every item, but only the last ones need an arrow.
            if graph.is_implied(j, i) {
                continue;
            }
            let a = graph.id(j);
            let (Some(&(fx, fy)), Some(&(tx, ty))) = (pos.get(j), pos.get(i)) else {
                continue;
            };
            let critical = critical_edge(plan, a, &step.id);
            let (color, marker, w) = if critical {
                ("#c00", "arrow-critical", 2)
            } else {
                ("#555", "arrow", 1)
            };
            let (x1, y1, x2, y2) = (fx + BOX_W / 2, fy + box_h, tx + BOX_W / 2, ty);
            if y2 > y1 + row_h - box_h {
                // A long edge runs down the left margin beside the boxes it would otherwise cross.
                let side = fx.min(tx).saturating_sub(MARGIN / 2).max(2);
                s.push_str(&format!(
                    "<path d=\"M{x1},{y1} C{side},{} {side},{} {x2},{y2}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{w}\" marker-end=\"url(#{marker})\"/>\n",
                    y1 + ROW_GAP,
                    y2.saturating_sub(ROW_GAP)
                ));
            } else {
                s.push_str(&format!(
                    "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{color}\" stroke-width=\"{w}\" marker-end=\"url(#{marker})\"/>\n"
                ));
            }
        }
    }

    for (i, step) in plan.steps.iter().enumerate() {
        let Some(&(x, y)) = pos.get(i) else { continue };
        let stroke = if step.critical { "#c00" } else { "#555" };
        let sw = if step.critical { 2 } else { 1 };
        let dash = if step.condition.is_always() {
            ""
        } else {
            " stroke-dasharray=\"5,3\""
        };
        s.push_str(&format!(
            "<g id=\"step-{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{box_h}\" rx=\"6\" fill=\"#fff\" stroke=\"{stroke}\" stroke-width=\"{sw}\"{dash}/>\n",
            escape(&step.id)
        ));
        for (k, line) in lines.get(i).into_iter().flatten().enumerate() {
            let weight = if k == 0 { " font-weight=\"bold\"" } else { "" };
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\"{weight}>{}</text>\n",
                x + BOX_W / 2,
                y + 18 + k * LINE_H,
                escape(line)
            ));
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>");
    s
}

/// The text lines of a step's box: its name (wrapped), its department, its promised days.
fn label_lines(step: &Step) -> Vec<String> {
    let mut lines = wrap(&step.name);
    if step.kind == yjs_artifacts::StepKind::Wait {
        // A waiting period: no department; its duration, not counted in the limits.
        lines.push(format!("等待{}", words::limit(&step.promise)));
        lines.push("不计入办理时限".to_string());
        return lines;
    }
    lines.extend(wrap(step.department_name.as_deref().unwrap_or_default()));
    let mut last = words::step_limit(step);
    if step.critical {
        last.push_str(" ★");
    }
    lines.push(last);
    lines
}

/// Wraps a box title at word boundaries: between the words of `lexicon::segment` (出生 / 医学 /
/// 证明 stay whole), never inside a run of ASCII letters or digits, never before closing
/// punctuation (a line never starts with "）") and never after opening punctuation.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0usize; // in half-width units
    for unit in units(text) {
        let w: usize = unit.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        if used > 0 && used + w > CHARS_PER_LINE * 2 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        line.push_str(&unit);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The words of a text: Chinese words (`lexicon::segment`), ASCII words, and any other
/// character alone.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let run = |same: &dyn Fn(char) -> bool| {
            chars[at..]
                .iter()
                .position(|&x| !same(x))
                .map_or(chars.len(), |n| at + n)
        };
        if super::lexicon::is_han(c) {
            let end = run(&super::lexicon::is_han);
            let word: String = chars[at..end].iter().collect();
            out.extend(super::lexicon::segment(&word));
            at = end;
        } else if c.is_ascii_alphanumeric() {
            let end = run(&|x: char| x.is_ascii_alphanumeric());
            out.push(chars[at..end].iter().collect());
            at = end;
        } else {
            out.push(c.to_string());
            at += 1;
        }
    }
    out
}

/// The unbreakable pieces of a text: its words, with closing punctuation glued to the piece
/// before and opening punctuation to the piece after.
fn units(text: &str) -> Vec<String> {
    const CLOSING: &str = "）)」』】》〉，。、；：！？,.;:!?%";
    const OPENING: &str = "（(「『【《〈";
    let mut out: Vec<String> = Vec::new();
    let mut open = String::new();
    for t in tokens(text) {
        let mut cs = t.chars();
        let single = match (cs.next(), cs.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        match single {
            Some(c) if CLOSING.contains(c) => match out.last_mut() {
                Some(last) if open.is_empty() => last.push(c),
                _ => open.push(c),
            },
            Some(c) if OPENING.contains(c) => open.push(c),
            Some(' ') => out.push(std::mem::take(&mut open) + " "),
            _ => {
                let mut u = std::mem::take(&mut open);
                u.push_str(&t);
                out.push(u);
            }
        }
    }
    if !open.is_empty() {
        out.push(open);
    }
    out
}

/// Whether `from → to` are consecutive on the plan's critical path.
fn critical_edge(plan: &Plan, from: &str, to: &str) -> bool {
    plan.critical_path
        .windows(2)
        .any(|w| matches!(w, [a, b] if a == from && b == to))
}

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{units, wrap};

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let lines = wrap("出生医学证明签发（助产机构）");
        assert!(lines.iter().all(|l| !l.starts_with('）')), "{lines:?}");
        assert_eq!(lines.concat(), "出生医学证明签发（助产机构）");
        let lines = wrap("一二三四五六七八九十（甲）");
        assert!(lines.iter().all(|l| !l.starts_with('）')), "{lines:?}");
        assert_eq!(lines.concat(), "一二三四五六七八九十（甲）");
    }

    #[test]
    fn lines_break_between_words_only() {
        assert_eq!(
            wrap("城乡居民基本医疗保险参保登记"),
            ["城乡居民基本医疗保险", "参保登记"]
        );
        assert_eq!(
            wrap("企业职工基本养老保险正常退休（提前退休）申请"),
            ["企业职工基本养老保险", "正常退休（提前退休）", "申请"]
        );
        // Every example title: each line ends at a word boundary of the whole title.
        for title in [
            "出生医学证明首次签发",
            "烟草专卖零售许可证核发",
            "公众聚集场所投入使用、营业前消防安全检查（告知承诺）",
            "住房公积金单位缴存登记",
            "仅销售预包装食品备案",
        ] {
            let lines = wrap(title);
            assert_eq!(lines.concat(), title);
            let mut bounds = vec![0usize];
            for u in units(title) {
                bounds.push(bounds.last().copied().unwrap_or(0) + u.chars().count());
            }
            let mut at = 0;
            for l in &lines {
                at += l.chars().count();
                assert!(bounds.contains(&at), "{title}: {lines:?}");
            }
            for word in ["出生", "医学", "证明", "许可证", "公积金", "预包装", "消防"]
            {
                for pair in lines.windows(2) {
                    let joint = format!("{}{}", pair[0], pair[1]);
                    let cut = pair[0].chars().count();
                    if let Some(i) = joint.find(word) {
                        let start = joint[..i].chars().count();
                        let end = start + word.chars().count();
                        assert!(!(start < cut && cut < end), "{word} split in {lines:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_words_stay_whole() {
        let lines = wrap("一二三四五六七八九ABCDEF");
        assert_eq!(lines, vec!["一二三四五六七八九", "ABCDEF"]);
    }
}
