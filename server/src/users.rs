//! Users from a file: id, role, department and the argon2 hash of a token, never the token.
//!
//! `yjs serve user add --users FILE ID --role window|department|supervisor [--department DEPT]`
//! makes a random token, prints it once and stores only its hash. A token is `ID.SECRET`
//! (`SECRET` is 32 random bytes in hex), so a request names its user and one hash is checked.
//! The file is JSON, written atomically (a temporary file renamed over it), readable by people:
//!
//! ```json
//! { "format_version": 1, "users": [ { "id": "w1", "role": "window", "department": null,
//!   "token_hash": "$argon2id$v=19$m=19456,t=2,p=1$…" } ] }
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use serde::{Deserialize, Serialize};
use yjs_runtime::{Actor, Role};

/// The users file's format version.
const FORMAT_VERSION: u32 = 1;

/// One user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The user id (lowercase letters, digits, `_` and `-`).
    pub id: String,
    /// The role.
    pub role: Role,
    /// The department, for a department officer.
    pub department: Option<String>,
    /// The argon2id hash of the token's secret, in PHC string form.
    pub token_hash: String,
}

impl User {
    /// The actor the user acts as.
    pub fn actor(&self) -> Actor {
        Actor {
            operator: self.id.clone(),
            role: self.role,
            department: self.department.clone(),
        }
    }
}

/// The users file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Users {
    /// The format version.
    pub format_version: u32,
    /// Every user, by id.
    pub users: Vec<User>,
}

impl Default for Users {
    /// No users, in the current format.
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            users: Vec::new(),
        }
    }
}

/// Why the users file cannot be used.
#[derive(Debug)]
pub enum UsersError {
    /// It cannot be read or written.
    Io(PathBuf, std::io::Error),
    /// It is not a users file.
    Malformed(PathBuf, String),
    /// A user cannot be added.
    Invalid(String),
}

impl fmt::Display for UsersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(p, e) => write!(f, "用户文件 {} 无法读写：{e}", p.display()),
            Self::Malformed(p, e) => write!(f, "用户文件 {} 格式不对：{e}", p.display()),
            Self::Invalid(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for UsersError {}

/// Whether `id` is a valid user id.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

impl Users {
    /// Reads the file; a missing file is no users.
    pub fn load(path: &Path) -> Result<Self, UsersError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(UsersError::Io(path.to_owned(), e)),
        };
        let users: Self = serde_json::from_str(&text)
            .map_err(|e| UsersError::Malformed(path.to_owned(), e.to_string()))?;
        if users.format_version != FORMAT_VERSION {
            return Err(UsersError::Malformed(
                path.to_owned(),
                format!(
                    "format_version 为 {}，本程序只认 {FORMAT_VERSION}",
                    users.format_version
                ),
            ));
        }
        for u in &users.users {
            if PasswordHash::new(&u.token_hash).is_err() {
                return Err(UsersError::Malformed(
                    path.to_owned(),
                    format!("用户 {} 的 token_hash 不是 argon2 哈希", u.id),
                ));
            }
        }
        Ok(users)
    }

    /// Writes the file atomically.
    pub fn save(&self, path: &Path) -> Result<(), UsersError> {
        let io = |e| UsersError::Io(path.to_owned(), e);
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| UsersError::Malformed(path.to_owned(), e.to_string()))?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text + "\n").map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }

    /// Adds a user and returns its token (shown once). Refuses a bad or taken id, a department
    /// officer without a department, a department for another role, and the applicant role
    /// (applicants prove themselves with the case id and their phone).
    pub fn add(
        &mut self,
        id: &str,
        role: Role,
        department: Option<&str>,
    ) -> Result<String, UsersError> {
        if !valid_id(id) {
            return Err(UsersError::Invalid(format!(
                "用户名 {id} 只能由小写字母、数字、_ 和 - 组成（最长 64 个字符）"
            )));
        }
        if self.users.iter().any(|u| u.id == id) {
            return Err(UsersError::Invalid(format!("用户 {id} 已经存在")));
        }
        match (role, department) {
            (Role::Applicant, _) => {
                return Err(UsersError::Invalid(
                    "申请人不需要账号：凭办件编号和手机号后四位查询".to_owned(),
                ))
            }
            (Role::Department, None) => {
                return Err(UsersError::Invalid(
                    "部门用户须用 --department 指定部门（如 gaj）".to_owned(),
                ))
            }
            (Role::Window | Role::Supervisor, Some(_)) => {
                return Err(UsersError::Invalid(
                    "只有部门用户（--role department）才指定 --department".to_owned(),
                ))
            }
            _ => {}
        }
        let secret = random_hex(32)?;
        let hash = hash_secret(&secret)?;
        self.users.push(User {
            id: id.to_owned(),
            role,
            department: department.map(str::to_owned),
            token_hash: hash,
        });
        self.users.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(format!("{id}.{secret}"))
    }

    /// The user a token names, if the token's secret matches the stored hash.
    pub fn verify(&self, token: &str) -> Option<&User> {
        let (id, secret) = token.rsplit_once('.')?;
        let user = self.users.iter().find(|u| u.id == id)?;
        let hash = PasswordHash::new(&user.token_hash).ok()?;
        Argon2::default()
            .verify_password(secret.as_bytes(), &hash)
            .ok()
            .map(|()| user)
    }
}

/// `n` random bytes from the operating system, in hex.
fn random_hex(n: usize) -> Result<String, UsersError> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| UsersError::Invalid(format!("无法取得随机数：{e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The argon2id hash of a secret with a fresh random salt.
fn hash_secret(secret: &str) -> Result<String, UsersError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| UsersError::Invalid(format!("无法取得随机数：{e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| UsersError::Invalid(format!("无法生成盐：{e}")))?;
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| UsersError::Invalid(format!("无法计算哈希：{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_shown_once_and_only_its_hash_is_kept() {
        let mut users = Users::default();
        let token = users.add("w1", Role::Window, None).unwrap_or_default();
        assert!(token.starts_with("w1."));
        assert!(!users.users[0]
            .token_hash
            .contains(token.trim_start_matches("w1.")));
        assert_eq!(users.verify(&token).map(|u| u.id.as_str()), Some("w1"));
        assert!(users.verify("w1.0000").is_none());
        assert!(users.verify("nobody.0000").is_none());
        assert!(users.verify("").is_none());
        assert!(users.add("w1", Role::Window, None).is_err());
        assert!(users.add("Bad Id", Role::Window, None).is_err());
        assert!(users.add("d1", Role::Department, None).is_err());
        assert!(users.add("s1", Role::Supervisor, Some("gaj")).is_err());
        assert!(users.add("a1", Role::Applicant, None).is_err());
    }
}
