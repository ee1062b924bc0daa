//! One module per subcommand.

pub mod build;
pub mod calendar;
pub mod case;
pub mod check;
pub mod explain;
pub mod notice;
