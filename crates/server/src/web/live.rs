//! Live updates: one poller per process reads the messages written since the last look (by
//! this node, another node, or `crossdesk ingest`), and fans them out to every open
//! workspace over server-sent events, each agent seeing only their stores.
//!
//! Polling the message table's primary key once a second costs one index probe and needs
//! nothing from the database beyond SQL, so it behaves the same on SQLite and PostgreSQL and
//! across nodes.

use super::Viewer;
use crate::api::{COOKIE, cookie};
use axum::Extension;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use crossdesk_app::{App, Db};
use crossdesk_db::MessageTick;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::broadcast;

/// How often the poller looks for new messages.
const POLL: Duration = Duration::from_millis(700);
/// Most messages announced per look (a bulk import is announced over several looks).
const BATCH: i64 = 500;

/// The process's feed of new messages.
#[derive(Debug, Clone)]
pub struct LiveFeed {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Db,
    tx: broadcast::Sender<Arc<MessageTick>>,
    started: AtomicBool,
    /// Becomes true once the poller holds a cursor: from then on every message written is
    /// announced, so a stream says `ready` only after it.
    primed: tokio::sync::watch::Sender<bool>,
}

impl LiveFeed {
    /// A feed over `db`; its poller starts with the first subscriber.
    pub fn new(db: Db) -> Self {
        let (tx, _) = broadcast::channel(1024);
        Self {
            inner: Arc::new(Inner {
                db,
                tx,
                started: AtomicBool::new(false),
                primed: tokio::sync::watch::Sender::new(false),
            }),
        }
    }

    /// Waits (briefly) until the poller holds a cursor, so that nothing written after this
    /// returns is missed.
    async fn primed(&self) {
        let mut rx = self.inner.primed.subscribe();
        let _ = tokio::time::timeout(Duration::from_secs(5), rx.wait_for(|p| *p)).await;
    }

    /// A receiver of every new message from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<MessageTick>> {
        let rx = self.inner.tx.subscribe();
        if !self.inner.started.swap(true, Ordering::SeqCst) {
            tokio::spawn(poll(Arc::downgrade(&self.inner)));
        }
        rx
    }
}

/// Runs until the feed is dropped. While nobody listens it only keeps its cursor at the
/// newest message (one primary-key probe), so a listener that arrives gets everything
/// written after it subscribed, and no backlog. Failures are logged and retried.
async fn poll(feed: Weak<Inner>) {
    let mut last: Option<i64> = None;
    loop {
        let Some(inner) = feed.upgrade() else { return };
        let listening = inner.tx.receiver_count() > 0;
        match last {
            Some(after) if listening => match inner.db.messages_after(after, BATCH).await {
                Ok(ticks) => {
                    for tick in ticks {
                        last = Some(tick.message);
                        let _ = inner.tx.send(Arc::new(tick));
                    }
                }
                Err(e) => tracing::warn!(error = %e, "live feed: poll failed"),
            },
            _ => match inner.db.latest_message_id().await {
                // Idle, or starting: move the cursor to the newest message.
                Ok(id) => {
                    last = Some(last.map_or(id, |l| l.max(id)));
                    inner.primed.send_replace(true);
                }
                Err(e) => tracing::warn!(error = %e, "live feed: cannot read the latest message"),
            },
        }
        drop(inner);
        tokio::time::sleep(POLL).await;
    }
}

/// How often an open stream checks that its session still holds, and its stores.
const RECHECK: Duration = Duration::from_secs(30);

/// `GET /live`: `message` events for the agent's stores. The stream ends when its session
/// ends (sign-out, expiry, deactivation), and follows changes to the agent's stores.
pub async fn stream(
    State(app): State<App>,
    headers: HeaderMap,
    viewer: Viewer,
    Extension(feed): Extension<LiveFeed>,
) -> impl IntoResponse {
    let rx = feed.subscribe();
    feed.primed().await;
    let token = cookie(&headers, COOKIE).unwrap_or_default();
    let mut recheck = tokio::time::interval_at(tokio::time::Instant::now() + RECHECK, RECHECK);
    recheck.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let state = Live {
        rx,
        scope: viewer.principal.scope.clone(),
        app,
        token,
        recheck,
    };
    let hello =
        futures_util::stream::once(async { Ok(Event::default().event("ready").data("{}")) });
    let events = futures_util::stream::unfold(state, |mut s| async move {
        loop {
            tokio::select! {
                got = s.rx.recv() => match got {
                    Ok(tick) if s.scope.allows(tick.store_id) => {
                        let data = serde_json::to_string(tick.as_ref()).unwrap_or_default();
                        let event = Event::default().event("message").data(data);
                        return Some((Ok::<_, std::convert::Infallible>(event), s));
                    }
                    Ok(_) => continue,
                    // Fell behind: tell the page to refresh once instead of replaying.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let event = Event::default().event("message").data("{}");
                        return Some((Ok(event), s));
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = s.recheck.tick() => match s.app.session_principal(&s.token).await {
                    Ok(p) => s.scope = p.scope,
                    Err(_) => return None,
                },
            }
        }
    });
    use futures_util::StreamExt;
    Sse::new(hello.chain(events)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// One open stream.
struct Live {
    rx: broadcast::Receiver<Arc<MessageTick>>,
    scope: crossdesk_app::StoreScope,
    app: App,
    token: String,
    recheck: tokio::time::Interval,
}
