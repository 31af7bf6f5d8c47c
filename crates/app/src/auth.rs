//! Accounts and access: argon2id password hashes, web sessions and API tokens (random
//! secrets of which only SHA-256 hashes are stored), and the [`Principal`] every request
//! acts as — an agent, their role, their permissions and the stores they may see.

use crate::App;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use crossdesk_db::{AgentView, DbError, StoreScope, TokenView};
use crossdesk_domain::access::AgentSpec;
use crossdesk_domain::model::{Permission, Role};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// How long a web session lasts.
pub const SESSION_TTL: Duration = Duration::hours(12);
/// Prefix of API tokens, so that a leaked one is recognisable in logs and scanners.
pub const TOKEN_PREFIX: &str = "cdk_";
/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// Failed sign-ins allowed per account within [`THROTTLE_WINDOW`] before the next ones are
/// refused without a password check.
pub const MAX_FAILED_LOGINS: u32 = 10;
/// The window of [`MAX_FAILED_LOGINS`].
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);

/// Failed sign-ins per account on this node (each node counts its own).
#[derive(Debug, Default)]
pub struct LoginThrottle(std::sync::Mutex<std::collections::HashMap<String, (u32, DateTime<Utc>)>>);

impl LoginThrottle {
    fn blocked(&self, email: &str, now: DateTime<Utc>) -> bool {
        let Ok(mut map) = self.0.lock() else {
            return false;
        };
        map.retain(|_, (_, since)| now - *since < THROTTLE_WINDOW);
        map.get(email).is_some_and(|(n, _)| *n >= MAX_FAILED_LOGINS)
    }

    fn failed(&self, email: &str, now: DateTime<Utc>) {
        if let Ok(mut map) = self.0.lock() {
            let entry = map.entry(email.to_string()).or_insert((0, now));
            entry.0 += 1;
        }
    }

    fn succeeded(&self, email: &str) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(email);
        }
    }
}

/// Why a credential or an account change was refused.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// No credential, or one that is wrong, expired or revoked.
    #[error("not signed in")]
    Unauthenticated,
    /// The e-mail or password is wrong (one message for both).
    #[error("wrong e-mail or password")]
    BadLogin,
    /// Too many failed sign-ins for this account; try again later.
    #[error("too many failed sign-ins; try again in a few minutes")]
    Throttled,
    /// Signed in, but not allowed to do this.
    #[error("{0}")]
    Forbidden(String),
    /// Input rejected, naming the field.
    #[error("{field}: {message}")]
    Invalid {
        /// The field.
        field: String,
        /// Why.
        message: String,
    },
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<crossdesk_domain::FieldError> for AuthError {
    fn from(e: crossdesk_domain::FieldError) -> Self {
        AuthError::Invalid {
            field: e.field,
            message: e.message,
        }
    }
}

/// Who a request acts as.
#[derive(Debug, Clone, PartialEq)]
pub struct Principal {
    /// The agent.
    pub agent: AgentView,
    /// The stores they may see.
    pub scope: StoreScope,
    /// What this credential may do.
    pub permissions: Vec<Permission>,
    /// How they proved it.
    pub via: Via,
}

/// The kind of credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// A web session; unsafe requests must echo this CSRF token.
    Session {
        /// The session's CSRF token.
        csrf: String,
    },
    /// An API token.
    Token {
        /// Its id.
        id: i64,
    },
}

impl Principal {
    /// The role.
    pub fn role(&self) -> Role {
        self.agent.role()
    }

    /// Whether the credential carries `p`.
    pub fn may(&self, p: Permission) -> bool {
        self.permissions.contains(&p)
    }

    /// Refuses unless the credential carries `p`.
    pub fn require(&self, p: Permission) -> Result<(), AuthError> {
        if self.may(p) {
            Ok(())
        } else {
            Err(AuthError::Forbidden(format!(
                "this credential lacks the {p} permission"
            )))
        }
    }

    /// The actor kind recorded in events.
    pub fn actor_kind(&self) -> crossdesk_domain::model::ActorKind {
        match self.via {
            Via::Session { .. } => crossdesk_domain::model::ActorKind::Agent,
            Via::Token { .. } => crossdesk_domain::model::ActorKind::Integration,
        }
    }
}

/// What a role may do at most.
pub fn role_permissions(role: Role) -> Vec<Permission> {
    match role {
        Role::Admin => Permission::ALL.to_vec(),
        _ => vec![Permission::Read, Permission::Write, Permission::Inbound],
    }
}

/// An argon2id hash (PHC string) of a password.
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(AuthError::Invalid {
            field: "password".into(),
            message: format!("at least {MIN_PASSWORD} characters"),
        });
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Db(DbError::Other(format!("hashing failed: {e}"))))
}

/// Whether `password` matches a stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A fresh random secret: 32 bytes, hex.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The stored form of a session or API token: SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A session just opened: the cookie's token and the CSRF token (both shown once).
#[derive(Debug, Clone)]
pub struct NewSession {
    /// Goes in the HttpOnly cookie.
    pub token: String,
    /// The pages send it back in `X-CSRF-Token`.
    pub csrf: String,
    /// When it ends.
    pub expires_at: DateTime<Utc>,
    /// Who signed in.
    pub agent: AgentView,
}

impl App {
    /// Creates or updates an agent (validated); its id.
    pub async fn save_agent(&self, spec: &AgentSpec) -> Result<i64, AuthError> {
        spec.validate()?;
        // Hash first: a password too short refuses the whole change.
        let hash = spec.password.as_deref().map(hash_password).transpose()?;
        let id = self.db().upsert_agent(spec, self.clock().now()).await?;
        if let Some(hash) = hash {
            self.db().set_password_hash(id, Some(&hash)).await?;
        }
        Ok(id)
    }

    /// Sets an agent's password (argon2id); signs them out everywhere.
    pub async fn set_password(&self, agent: i64, password: &str) -> Result<(), AuthError> {
        let hash = hash_password(password)?;
        Ok(self.db().set_password_hash(agent, Some(&hash)).await?)
    }

    /// The agent whose e-mail and password these are. The argon2 check runs off the async
    /// workers; an unknown account costs the same time as a wrong password.
    pub async fn check_password(&self, email: &str, password: &str) -> Result<i64, AuthError> {
        let key = email.trim().to_lowercase();
        let now = self.clock().now();
        if self.logins().blocked(&key, now) {
            return Err(AuthError::Throttled);
        }
        let result = self.verify_login(email, password).await;
        match &result {
            Ok(_) => self.logins().succeeded(&key),
            Err(AuthError::BadLogin) => self.logins().failed(&key, now),
            Err(_) => {}
        }
        result
    }

    async fn verify_login(&self, email: &str, password: &str) -> Result<i64, AuthError> {
        let found = self.db().login_lookup(email).await?;
        let (agent, hash) = match found {
            Some((agent, Some(hash))) => (Some(agent), hash),
            _ => (None, DUMMY_HASH.to_string()),
        };
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .unwrap_or(false);
        match agent {
            Some(agent) if ok => Ok(agent),
            _ => Err(AuthError::BadLogin),
        }
    }

    /// Signs in with e-mail and password.
    pub async fn log_in(&self, email: &str, password: &str) -> Result<NewSession, AuthError> {
        let agent = self.check_password(email, password).await?;
        let token = random_secret();
        let csrf = random_secret();
        let now = self.clock().now();
        let expires_at = now + SESSION_TTL;
        self.db()
            .create_session(agent, &token_hash(&token), &csrf, now, expires_at)
            .await?;
        Ok(NewSession {
            token,
            csrf,
            expires_at,
            agent: self.db().agent(agent).await?,
        })
    }

    /// Ends the session of a cookie token.
    pub async fn log_out(&self, session_token: &str) -> Result<(), AuthError> {
        Ok(self.db().delete_session(&token_hash(session_token)).await?)
    }

    /// The principal of a session cookie's token.
    pub async fn session_principal(&self, token: &str) -> Result<Principal, AuthError> {
        let cred = self
            .db()
            .session(&token_hash(token), self.clock().now())
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        let agent = self.db().agent(cred.agent_id).await?;
        Ok(Principal {
            scope: self.db().store_scope(agent.id).await?,
            permissions: role_permissions(agent.role()),
            via: Via::Session {
                csrf: cred.csrf.unwrap_or_default(),
            },
            agent,
        })
    }

    /// The principal of an API token: the permissions it was given that its agent's role
    /// allows, and the agent's stores.
    pub async fn token_principal(&self, token: &str) -> Result<Principal, AuthError> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Err(AuthError::Unauthenticated);
        }
        let cred = self
            .db()
            .token(&token_hash(token), self.clock().now())
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        let agent = self.db().agent(cred.agent_id).await?;
        let allowed = role_permissions(agent.role());
        let permissions = cred
            .permissions
            .unwrap_or_default()
            .into_iter()
            .filter(|p| allowed.contains(p))
            .collect();
        Ok(Principal {
            scope: self.db().store_scope(agent.id).await?,
            permissions,
            via: Via::Token {
                id: cred.token_id.unwrap_or_default(),
            },
            agent,
        })
    }

    /// Issues an API token acting as `agent`; the token is returned once and only its hash
    /// is kept. Permissions beyond the agent's role are refused.
    pub async fn issue_token(
        &self,
        name: &str,
        agent: i64,
        permissions: &[Permission],
        ttl: Option<Duration>,
    ) -> Result<(i64, String), AuthError> {
        if name.trim().is_empty() || name.chars().count() > 100 {
            return Err(AuthError::Invalid {
                field: "name".into(),
                message: "expected 1 to 100 characters".into(),
            });
        }
        if permissions.is_empty() {
            return Err(AuthError::Invalid {
                field: "scopes".into(),
                message: format!("name at least one of: {}", Permission::expected()),
            });
        }
        let a = self.db().agent(agent).await.map_err(|e| match e {
            DbError::NotFound => AuthError::Invalid {
                field: "agent_id".into(),
                message: format!("no agent {agent}"),
            },
            other => other.into(),
        })?;
        let allowed = role_permissions(a.role());
        if let Some(p) = permissions.iter().find(|p| !allowed.contains(p)) {
            return Err(AuthError::Invalid {
                field: "scopes".into(),
                message: format!("a {} may not hold the {p} permission", a.role),
            });
        }
        let token = format!("{TOKEN_PREFIX}{}", random_secret());
        let now = self.clock().now();
        let id = self
            .db()
            .create_token(
                name.trim(),
                agent,
                permissions,
                &token_hash(&token),
                now,
                ttl.map(|t| now + t),
            )
            .await?;
        Ok((id, token))
    }

    /// Lists tokens (an admin sees all, others their own).
    pub async fn list_tokens(&self, who: &Principal) -> Result<Vec<TokenView>, AuthError> {
        let mine = (!who.may(Permission::Admin)).then_some(who.agent.id);
        Ok(self.db().tokens(mine).await?)
    }

    /// Revokes a token (an admin any, others their own).
    pub async fn revoke_token(&self, who: &Principal, id: i64) -> Result<(), AuthError> {
        let tokens = self.list_tokens(who).await?;
        if !tokens.iter().any(|t| t.id == id && t.revoked_at.is_none()) {
            return Err(AuthError::Db(DbError::NotFound));
        }
        self.db().revoke_token(id, self.clock().now()).await?;
        Ok(())
    }
}

/// A valid argon2id hash of a random string, checked against when the account does not
/// exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$6Hc8x+6QJl0bIWSrG3y0y5XKQW5cQb0G1cvv2Jb0bN8";

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("x", "not a hash"));
        assert!(matches!(
            hash_password("short"),
            Err(AuthError::Invalid { field, .. }) if field == "password"
        ));
        // The dummy hash parses, so the unknown-account path costs a real verification.
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn tokens_are_random_and_stored_as_hashes() {
        let (a, b) = (random_secret(), random_secret());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert!(same_secret(&a, &a.clone()));
        assert!(!same_secret(&a, &b));
        assert!(!same_secret(&a, &a[1..]));
    }
}
