//! Who acts on a case: the roles of a 政务服务中心, the actor recorded on every event, and the rule
//! of which role may record which event on which step.
//!
//! The hall runs a matter with a window clerk (综合窗口: intake, acceptance, the one delivery), an
//! officer of each department (its own item steps only), a supervisor (督办: escalations and 整改)
//! and the applicant (好差评). [`Actor::may`] is the one place that says who may do what; a front
//! end (the HTTP server) asks it before it calls the service, and the event it records carries the
//! actor, so the log says who did everything. A department never learns about another
//! department's steps: a refusal for that reason is [`Denied::Hidden`], which a front end answers
//! exactly as it answers a step that does not exist.

use std::fmt;

use serde::{Deserialize, Serialize};
use yjs_artifacts::StepKind;

use crate::case::Case;
use crate::event::EventKind;
use crate::status::Vocabulary;

/// A role in the hall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 综合窗口: takes in submissions, accepts, delivers; sees every case's statuses.
    Window,
    /// 部门: an officer of one department, acting on that department's item steps only.
    Department,
    /// 督办: the supervisor; sees every case, escalates a second 补正, closes 整改 entries.
    Supervisor,
    /// 申请人: the applicant, who evaluates the service once it is delivered.
    Applicant,
}

impl Vocabulary for Role {
    const FAMILY: &'static str = "role";
    const ALL: &'static [Self] = &[
        Self::Window,
        Self::Department,
        Self::Supervisor,
        Self::Applicant,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::Window => "window",
            Self::Department => "department",
            Self::Supervisor => "supervisor",
            Self::Applicant => "applicant",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Window => "综合窗口",
            Self::Department => "部门",
            Self::Supervisor => "督办",
            Self::Applicant => "申请人",
        }
    }
}

impl fmt::Display for Role {
    /// The Chinese name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who recorded an event: an operator id, the role they acted in and, for a department officer,
/// the department.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Actor {
    /// The operator's id (a user id of the server, or `applicant` for the applicant).
    pub operator: String,
    /// The role they acted in.
    pub role: Role,
    /// The department, for [`Role::Department`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

/// Why an actor may not see or do something. The first three are answered exactly as a case,
/// step or packet that does not exist: a department never learns what another one holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denied {
    /// The case has nothing of the actor's department.
    Case(String),
    /// The step is not one the actor's department may act on (or does not exist).
    Step {
        /// The case id.
        case: String,
        /// The step asked for.
        step: String,
    },
    /// The packet is another department's (or does not exist).
    Packet {
        /// The case id.
        case: String,
        /// The item asked for.
        item: String,
    },
    /// The role may not record this kind of event (e.g. a window clerk approving an item).
    Role {
        /// The role that tried.
        role: Role,
        /// What it tried, in Chinese.
        what: String,
    },
}

impl fmt::Display for Denied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Case(id) => write!(f, "没有编号为 {id} 的办件"),
            Self::Step { case, step } => {
                write!(f, "办件 {case} 中没有您可以办理的步骤 {step}")
            }
            Self::Packet { case, item } => {
                write!(f, "办件 {case} 中没有您可以查看的事项 {item} 的材料")
            }
            Self::Role { role, what } => write!(f, "{role}不能{what}"),
        }
    }
}

impl std::error::Error for Denied {}

impl Actor {
    /// An actor in a role without a department.
    pub fn new(operator: impl Into<String>, role: Role) -> Self {
        Self {
            operator: operator.into(),
            role,
            department: None,
        }
    }

    /// A department officer.
    pub fn officer(operator: impl Into<String>, department: impl Into<String>) -> Self {
        Self {
            operator: operator.into(),
            role: Role::Department,
            department: Some(department.into()),
        }
    }

    /// Whether the actor may see the case at all: a department only a case with an applicable
    /// item step of its own; every other role every case (the applicant is checked by the
    /// second factor before it gets here).
    pub fn sees(&self, case: &Case) -> bool {
        match (self.role, &self.department) {
            (Role::Department, Some(dept)) => own_steps(case, dept).next().is_some(),
            (Role::Department, None) => false,
            _ => true,
        }
    }

    /// The packet of `item`, for its own department only; every other caller is told there
    /// is no such packet (a department that has nothing in the case: no such case).
    pub fn packet<'a>(
        &self,
        case: &'a Case,
        item: &str,
    ) -> Result<&'a crate::case::Packet, Denied> {
        if !self.sees(case) {
            return Err(Denied::Case(case.record.id.clone()));
        }
        match (self.role, &self.department) {
            (Role::Department, Some(dept)) => case
                .record
                .packets
                .get(item)
                .filter(|p| &p.department == dept)
                .ok_or_else(|| Denied::Packet {
                    case: case.record.id.clone(),
                    item: item.to_owned(),
                }),
            _ => Err(Denied::Role {
                role: self.role,
                what: "查看部门材料（只有事项的办理部门可以查看）".to_owned(),
            }),
        }
    }

    /// Whether the actor may record `kind` on `case` (the rules of the case are checked later,
    /// by the service: this is only who may ask).
    pub fn may(&self, case: &Case, kind: &EventKind) -> Result<(), Denied> {
        if !self.sees(case) {
            return Err(Denied::Case(case.record.id.clone()));
        }
        let hidden = || Denied::Step {
            case: case.record.id.clone(),
            step: kind.step().unwrap_or("-").to_owned(),
        };
        let step_kind = kind
            .step()
            .and_then(|s| case.graph().index(s))
            .and_then(|i| case.record.plan.steps.get(i))
            .map(|s| (s.kind, s.department.as_deref().unwrap_or_default()));
        let deny = |what: &str| {
            Err(Denied::Role {
                role: self.role,
                what: what.to_owned(),
            })
        };
        match self.role {
            Role::Department => {
                let dept = self.department.as_deref().unwrap_or_default();
                match (kind, step_kind) {
                    (EventKind::Escalate { .. }, Some((_, d))) if d == dept => {
                        deny("批准再次补正（须由督办批准）")
                    }
                    (EventKind::Deliver { .. } | EventKind::Evaluate { .. }, _) => {
                        deny("送达或评价")
                    }
                    (EventKind::Rectify { .. }, _) => deny("办结整改（须由督办办结）"),
                    (_, Some((StepKind::Item, d))) if d == dept => Ok(()),
                    // Another department's step, acceptance, delivery or a step that does not
                    // exist: all look the same from here.
                    _ => Err(hidden()),
                }
            }
            Role::Window => match (kind, step_kind) {
                (EventKind::Deliver { .. }, _) => Ok(()),
                (
                    EventKind::Start { .. } | EventKind::Approve { .. } | EventKind::Reject { .. },
                    Some((StepKind::Accept, _)),
                ) => Ok(()),
                _ => deny("办理部门的事项步骤、评价或督办事项（窗口只受理和送达）"),
            },
            Role::Supervisor => match kind {
                EventKind::Escalate { .. } | EventKind::Rectify { .. } => Ok(()),
                _ => deny("办理或送达（督办只批准再次补正和办结整改）"),
            },
            Role::Applicant => match kind {
                EventKind::Evaluate { .. } => Ok(()),
                _ => deny("办理（申请人只能评价）"),
            },
        }
    }
}

/// The indexes of `dept`'s applicable item steps of a case.
pub fn own_steps<'a>(case: &'a Case, dept: &'a str) -> impl Iterator<Item = usize> + 'a {
    case.record
        .plan
        .steps
        .iter()
        .zip(&case.steps)
        .enumerate()
        .filter(move |(_, (p, s))| {
            p.kind == StepKind::Item
                && p.department.as_deref() == Some(dept)
                && s.status != crate::status::StepStatus::NotApplicable
        })
        .map(|(i, _)| i)
}
