//! Where each element of `plan.bpmn` is drawn (BPMNDI): one column per rank of the plan
//! (`PlanGraph::ranks`), one row per step within its rank, and within a step's cell the join,
//! the decision, the task with its two timers, the merge and the fork from left to right.

/// A rectangle in diagram coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Bounds {
    fn centered(cx: i32, cy: i32, w: i32, h: i32) -> Self {
        Bounds {
            x: cx - w / 2,
            y: cy - h / 2,
            w,
            h,
        }
    }

    /// The middle of the left edge.
    pub fn left(&self) -> (i32, i32) {
        (self.x, self.y + self.h / 2)
    }

    /// The middle of the right edge.
    pub fn right(&self) -> (i32, i32) {
        (self.x + self.w, self.y + self.h / 2)
    }

    /// The middle of the top edge.
    pub fn top(&self) -> (i32, i32) {
        (self.x + self.w / 2, self.y)
    }

    /// The middle of the bottom edge.
    pub fn bottom(&self) -> (i32, i32) {
        (self.x + self.w / 2, self.y + self.h)
    }
}

/// The width of one rank's column.
const COLUMN: i32 = 500;
/// The height of one row.
const ROW: i32 = 240;
/// The left edge of the first column.
const LEFT: i32 = 200;
/// The vertical middle of the first row.
const TOP: i32 = 140;
/// Gateways are squares of this side; events circles of `EVENT`; tasks `TASK_W` × `TASK_H`.
const GATEWAY: i32 = 50;
const EVENT: i32 = 36;
const TASK_W: i32 = 100;
const TASK_H: i32 = 80;

/// The parts of a step's cell, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Join,
    Decide,
    Task,
    Merge,
    Fork,
    /// A wait step's timer catch event, in the middle of the task's place.
    Catch,
    /// The warning timer on the task's lower edge, and its end event below.
    WarnTimer,
    WarnEnd,
    /// The due-date timer on the task's lower edge, and its end event below.
    DueTimer,
    DueEnd,
}

/// The vertical middle of a row.
fn middle(row: usize) -> i32 {
    TOP + ROW * i32::try_from(row).unwrap_or(i32::MAX / ROW / 2)
}

/// The left edge of a column.
fn column(rank: usize) -> i32 {
    LEFT + COLUMN * i32::try_from(rank).unwrap_or(i32::MAX / COLUMN / 2)
}

/// The bounds of one part of the cell of the step in `rank`, `row`.
pub fn cell(rank: usize, row: usize, slot: Slot) -> Bounds {
    let x = column(rank);
    let y = middle(row);
    let task_x = x + 160;
    let under = y + TASK_H / 2;
    match slot {
        Slot::Join => Bounds::centered(x + GATEWAY / 2, y, GATEWAY, GATEWAY),
        Slot::Decide => Bounds::centered(x + 80 + GATEWAY / 2, y, GATEWAY, GATEWAY),
        Slot::Task => Bounds {
            x: task_x,
            y: y - TASK_H / 2,
            w: TASK_W,
            h: TASK_H,
        },
        Slot::Catch => Bounds::centered(task_x + TASK_W / 2, y, EVENT, EVENT),
        Slot::Merge => Bounds::centered(x + 300 + GATEWAY / 2, y, GATEWAY, GATEWAY),
        Slot::Fork => Bounds::centered(x + 380 + GATEWAY / 2, y, GATEWAY, GATEWAY),
        Slot::WarnTimer => Bounds::centered(task_x + 25, under, EVENT, EVENT),
        Slot::DueTimer => Bounds::centered(task_x + 75, under, EVENT, EVENT),
        Slot::WarnEnd => Bounds::centered(task_x + 25, under + 80, EVENT, EVENT),
        Slot::DueEnd => Bounds::centered(task_x + 75, under + 80, EVENT, EVENT),
    }
}

/// The start event, left of the first column, and the fork after it when several steps wait
/// for nothing.
pub fn start(fork: bool) -> Bounds {
    if fork {
        Bounds::centered(LEFT - 55, middle(0), GATEWAY, GATEWAY)
    } else {
        Bounds::centered(LEFT - 110, middle(0), EVENT, EVENT)
    }
}

/// The start event itself.
pub fn start_event() -> Bounds {
    start(false)
}

/// The join before the end event when several steps have no successor, in the column after
/// the last rank, and the end event after it.
pub fn end(ranks: usize, join: bool) -> Bounds {
    let x = column(ranks);
    if join {
        Bounds::centered(x + GATEWAY / 2, middle(0), GATEWAY, GATEWAY)
    } else {
        Bounds::centered(x + 110, middle(0), EVENT, EVENT)
    }
}

/// The waypoints of a flow from `a` to `b`: straight when they share a row, else right out of
/// `a`, down or up just before `b`, and into `b`'s left edge.
pub fn connect(a: Bounds, b: Bounds) -> Vec<(i32, i32)> {
    let (sx, sy) = a.right();
    let (tx, ty) = b.left();
    if sy == ty {
        vec![(sx, sy), (tx, ty)]
    } else {
        let mid = (tx - 25).max(sx + 10);
        vec![(sx, sy), (mid, sy), (mid, ty), (tx, ty)]
    }
}

/// The waypoints of a skip flow: from the top of the decision, over the task, into the top of
/// the merge.
pub fn over(decide: Bounds, merge: Bounds) -> Vec<(i32, i32)> {
    let (sx, sy) = decide.top();
    let (tx, ty) = merge.top();
    let high = sy - 45;
    vec![(sx, sy), (sx, high), (tx, high), (tx, ty)]
}

/// The waypoints of a flow from a timer down to its end event.
pub fn down(timer: Bounds, end: Bounds) -> Vec<(i32, i32)> {
    vec![timer.bottom(), end.top()]
}
