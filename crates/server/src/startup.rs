//! The application as a value that binds first: build it (the listener is bound and its
//! real address known), report the address, then serve until the shutdown future ends.

use crate::api;
use crossdesk_app::App;
use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;

/// A bound, not yet serving, HTTP server.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
}

impl Application {
    /// Binds `listen` (port 0 picks a free port) and builds the routes over `app`.
    pub async fn build(app: App, listen: &str) -> std::io::Result<Self> {
        Self::from_listener(app, bind(listen).await?)
    }

    /// Builds the routes over `app` on a listener already bound.
    pub fn from_listener(app: App, listener: TcpListener) -> std::io::Result<Self> {
        let address = listener.local_addr()?;
        Ok(Self {
            listener,
            address,
            router: api::router(app),
        })
    }

    /// Makes `translator` (if any) available to the routes that translate messages.
    pub fn with_translator(
        mut self,
        translator: Option<crate::translate::SharedTranslator>,
    ) -> Self {
        if let Some(t) = translator {
            self.router = self.router.layer(axum::Extension(t));
        }
        self
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Binds `listen` (port 0 picks a free port).
pub async fn bind(listen: &str) -> std::io::Result<TcpListener> {
    TcpListener::bind(listen)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {listen}: {e}")))
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
