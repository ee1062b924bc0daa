//! One module per subcommand.

pub mod calendar;
pub mod check;
pub mod explain;
