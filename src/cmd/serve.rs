//! `yjs serve`: parses the arguments and runs the hall's HTTP service (`yjs-server`), or manages
//! its users file (`yjs serve user add`). No server logic lives here.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use yjs_runtime::time::parse_time;
use yjs_runtime::Role;
use yjs_server::users::Users;

/// `yjs serve` with its options.
#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServeArgs {
    /// The artifacts written by `yjs build --out DIR`: a folder of matter folders, or one matter's.
    #[arg(long, default_value = "generated")]
    pub artifacts: PathBuf,
    /// The case store: a PostgreSQL URL (postgres://user@host:port/db) or a SQLite file.
    #[arg(long, default_value = "yjs-cases.db")]
    pub db: String,
    /// The users file (`yjs serve user add` writes it).
    #[arg(long, default_value = "yjs-users.json")]
    pub users: PathBuf,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Start the clock at this time (YYYY-MM-DD[THH:MM[:SS]], Asia/Shanghai) and let it run from
    /// there: for training instances and tests. Default: the system clock.
    #[arg(long)]
    pub now: Option<String>,
    /// Manage users instead of serving.
    #[command(subcommand)]
    pub cmd: Option<ServeCmd>,
}

/// `yjs serve` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum ServeCmd {
    /// Users of the service.
    #[command(subcommand)]
    User(UserCmd),
}

/// `yjs serve user` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum UserCmd {
    /// Adds a user and prints its token once; only the token's argon2 hash is stored.
    Add {
        /// The users file (created if missing).
        #[arg(long, default_value = "yjs-users.json")]
        users: PathBuf,
        /// The user id (lowercase letters, digits, _ and -).
        id: String,
        /// The role.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The department (for --role department), e.g. gaj.
        #[arg(long)]
        department: Option<String>,
    },
}

/// A staff role.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleArg {
    /// 综合窗口.
    Window,
    /// 部门.
    Department,
    /// 督办.
    Supervisor,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Window => Role::Window,
            RoleArg::Department => Role::Department,
            RoleArg::Supervisor => Role::Supervisor,
        }
    }
}

/// Runs `yjs serve`.
pub fn run(args: ServeArgs) -> ExitCode {
    match args.cmd {
        Some(ServeCmd::User(UserCmd::Add {
            users,
            id,
            role,
            department,
        })) => add_user(&users, &id, role.into(), department.as_deref()),
        None => serve(args),
    }
}

fn add_user(path: &std::path::Path, id: &str, role: Role, department: Option<&str>) -> ExitCode {
    let result = Users::load(path).and_then(|mut users| {
        let token = users.add(id, role, department)?;
        users.save(path)?;
        Ok(token)
    });
    match result {
        Ok(token) => {
            println!("{token}");
            eprintln!(
                "已添加用户 {id}（{}），令牌如上，只显示这一次；{} 中只保存其哈希",
                role,
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("yjs serve user add: {e}");
            ExitCode::from(2)
        }
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    let now = match args.now.as_deref().map(parse_time).transpose() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("yjs serve: --now: {e} [{}]", e.code());
            return ExitCode::from(2);
        }
    };
    let options = yjs_server::Options {
        artifacts: args.artifacts,
        db: args.db,
        users: args.users,
        listen: args.listen,
        now,
    };
    match yjs_server::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("yjs serve: {e}");
            ExitCode::from(2)
        }
    }
}
