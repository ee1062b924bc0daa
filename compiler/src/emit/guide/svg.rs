//! The flow picture (办理流程图): the plan's steps as an inline SVG, layered left to right.
//!
//! A step's column is its longest-path rank over `after` edges ([`PlanGraph::ranks`]); within a
//! column, steps keep the plan's order. Coordinates are integers computed from those two
//! numbers only, so the picture is byte-identical across runs. No script, no external reference.

use super::words;
use yjs_artifacts::{Plan, PlanGraph, Step};

const COL_W: usize = 220;
const BOX_W: usize = 184;
const LINE_H: usize = 16;
const MARGIN: usize = 16;
const CHARS_PER_LINE: usize = 11;

/// The SVG of the plan; critical steps and edges are drawn in red, conditional steps dashed.
pub fn flow(plan: &Plan, graph: &PlanGraph) -> String {
    let ranks = graph.ranks();
    let columns = ranks.iter().copied().max().map_or(0, |m| m + 1);
    let lines: Vec<Vec<String>> = plan.steps.iter().map(label_lines).collect();
    let box_h = lines.iter().map(Vec::len).max().unwrap_or(1) * LINE_H + 12;
    let row_h = box_h + 28;

    // Position: (column, row within the column).
    let mut rows_in_col = vec![0usize; columns];
    let mut pos = Vec::with_capacity(plan.steps.len());
    for r in &ranks {
        let row = rows_in_col.get(*r).copied().unwrap_or(0);
        if let Some(c) = rows_in_col.get_mut(*r) {
            *c += 1;
        }
        pos.push((MARGIN + r * COL_W, MARGIN + 24 + row * row_h));
    }
    let max_rows = rows_in_col.iter().copied().max().unwrap_or(1);
    let width = MARGIN * 2 + columns.saturating_sub(1) * COL_W + BOX_W;
    let height = MARGIN * 2 + 24 + max_rows * row_h + box_h / 2 + 20;

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
            let (x1, y1, x2, y2) = (fx + BOX_W, fy + box_h / 2, tx, ty + box_h / 2);
            let gap = ranks
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(ranks.get(j).copied().unwrap_or(0));
            if gap > 1 {
                // A long edge bends under the boxes it would otherwise cross.
                let below = y1.max(y2) + box_h / 2 + 36;
                s.push_str(&format!(
                    "<path d=\"M{x1},{y1} C{},{below} {},{below} {x2},{y2}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{w}\" marker-end=\"url(#{marker})\"/>\n",
                    x1 + 30,
                    x2.saturating_sub(30)
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
    lines.extend(wrap(&step.department_name));
    let mut last = words::limit(&step.promise);
    if step.critical {
        last.push_str(" ★");
    }
    lines.push(last);
    lines
}

fn wrap(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return vec![String::new()];
    }
    chars
        .chunks(CHARS_PER_LINE)
        .map(|c| c.iter().collect())
        .collect()
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
