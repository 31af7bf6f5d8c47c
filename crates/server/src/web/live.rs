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
use crossdesk_db::{ChangeTick, MessageTick};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::broadcast;

/// How often the poller looks for new messages.
const POLL: Duration = Duration::from_millis(700);
/// Most messages announced per look (a bulk import is announced over several looks).
const BATCH: i64 = 500;

/// What the feed announces.
#[derive(Debug)]
pub enum Tick {
    /// A message was written.
    Message(MessageTick),
    /// A ticket was claimed, assigned, moved or relabelled.
    Change(ChangeTick),
}

impl Tick {
    fn store_id(&self) -> Option<i64> {
        match self {
            Tick::Message(m) => m.store_id,
            Tick::Change(c) => c.store_id,
        }
    }

    fn event(&self) -> Event {
        let (name, data) = match self {
            Tick::Message(m) => ("message", serde_json::to_string(m)),
            Tick::Change(c) => ("change", serde_json::to_string(c)),
        };
        Event::default().event(name).data(data.unwrap_or_default())
    }
}

/// The process's feed of new messages and ticket changes.
#[derive(Debug, Clone)]
pub struct LiveFeed {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Db,
    tx: broadcast::Sender<Arc<Tick>>,
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
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Tick>> {
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
    // Cursors over messages and over ticket events.
    let mut last: Option<(i64, i64)> = None;
    loop {
        let Some(inner) = feed.upgrade() else { return };
        let listening = inner.tx.receiver_count() > 0;
        match last {
            Some((messages, events)) if listening => {
                let (m, e) = tokio::join!(
                    inner.db.messages_after(messages, BATCH),
                    inner.db.changes_after(events, BATCH)
                );
                let mut next = (messages, events);
                match m {
                    Ok(ticks) => {
                        for tick in ticks {
                            next.0 = tick.message;
                            let _ = inner.tx.send(Arc::new(Tick::Message(tick)));
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "live feed: poll failed"),
                }
                match e {
                    Ok((seen, changes)) => {
                        next.1 = seen;
                        for change in changes {
                            let _ = inner.tx.send(Arc::new(Tick::Change(change)));
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "live feed: poll failed"),
                }
                last = Some(next);
            }
            _ => match tokio::try_join!(inner.db.latest_message_id(), inner.db.latest_event_id()) {
                // Idle, or starting: move the cursors to the newest rows.
                Ok((m, e)) => {
                    last = Some(last.map_or((m, e), |(lm, le)| (lm.max(m), le.max(e))));
                    inner.primed.send_replace(true);
                }
                Err(e) => tracing::warn!(error = %e, "live feed: cannot read the latest rows"),
            },
        }
        drop(inner);
        tokio::time::sleep(POLL).await;
    }
}

/// How often an open stream checks that its session still holds, and its stores.
const RECHECK: Duration = Duration::from_secs(30);

/// `GET /live`: `message` and `change` events for the agent's stores. The stream ends when its session
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
                    Ok(tick) if s.scope.allows(tick.store_id()) => {
                        return Some((Ok::<_, std::convert::Infallible>(tick.event()), s));
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
    rx: broadcast::Receiver<Arc<Tick>>,
    scope: crossdesk_app::StoreScope,
    app: App,
    token: String,
    recheck: tokio::time::Interval,
}
