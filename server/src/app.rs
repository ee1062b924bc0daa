//! The server: the router with its limits (1 MiB bodies, 30 s per request), structured logs that
//! carry the case id, and a graceful shutdown on Ctrl-C or SIGTERM (in-flight requests finish).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::state::AppState;
use crate::{api, pages, Options, ServeError};

/// The largest request body accepted.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// How long a request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The case id a request is about, for its log span: the segment after `/cases/` or
/// `/progress/`.
fn case_of(path: &str) -> &str {
    let mut parts = path.split('/');
    while let Some(p) = parts.next() {
        if p == "cases" || p == "progress" {
            return parts.next().unwrap_or("");
        }
    }
    ""
}

/// The router over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    api::routes()
        .merge(pages::routes())
        .fallback(api::not_found)
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                let path = req.uri().path();
                tracing::info_span!(
                    "request",
                    method = %req.method(),
                    path = %path,
                    case = %case_of(path),
                )
            }),
        )
}

/// A bound server, not yet serving (so a caller learns the port before it starts).
pub struct Server {
    listener: TcpListener,
    state: Arc<AppState>,
}

impl Server {
    /// Loads everything and binds the address.
    pub async fn bind(options: &Options) -> Result<Self, ServeError> {
        // Bind first: a state holding database connections is never dropped on this runtime.
        let listener = TcpListener::bind(options.listen)
            .await
            .map_err(|e| ServeError::Io(format!("无法监听 {}：{e}", options.listen)))?;
        let opts = options.clone();
        let state = tokio::task::spawn_blocking(move || crate::state(&opts))
            .await
            .map_err(|e| ServeError::Io(e.to_string()))??;
        Ok(Self {
            listener,
            state: Arc::new(state),
        })
    }

    /// The shared state (to keep it alive past the runtime: see [`run`]).
    pub fn state(&self) -> Arc<AppState> {
        Arc::clone(&self.state)
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> Result<std::net::SocketAddr, ServeError> {
        self.listener
            .local_addr()
            .map_err(|e| ServeError::Io(e.to_string()))
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish.
    pub async fn serve(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let addr = self.local_addr()?;
        tracing::info!(
            %addr,
            store = self.state.service.store().kind(),
            matters = self.state.forms.len(),
            users = self.state.user_count(),
            "yjs serve listening"
        );
        if self.state.user_count() == 0 {
            tracing::warn!(
                "no users yet: add one with `yjs serve user add --users FILE ID --role window`"
            );
        }
        axum::serve(self.listener, router(self.state))
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| ServeError::Io(e.to_string()))
    }
}

/// Listens for Ctrl-C and SIGTERM from the moment it is called (inside the runtime), and
/// resolves on either.
///
/// The handlers are installed here, not when the future is first polled: axum polls the
/// shutdown future on a task of its own, so a SIGTERM sent right after the server answered
/// its first requests could still find no handler and kill the process outright (seen as
/// `serve_needs_no_other_flag` failing with "signal: 15" on a loaded machine).
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let wait = {
        use tokio::signal::unix::{signal, SignalKind};
        let (term, interrupt) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        );
        async move {
            let on = |s: std::io::Result<tokio::signal::unix::Signal>| async move {
                match s {
                    Ok(mut s) => {
                        s.recv().await;
                    }
                    Err(_) => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = on(term) => {},
                () = on(interrupt) => {},
            }
        }
    };
    #[cfg(not(unix))]
    let wait = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    async move {
        wait.await;
        tracing::info!("shutting down: finishing the requests in flight");
    }
}

/// Runs `yjs serve` until Ctrl-C or SIGTERM: JSON logs on stderr (`YJS_LOG` sets the filter,
/// default `info`).
pub fn run(options: &Options) -> Result<(), ServeError> {
    let filter = tracing_subscriber::EnvFilter::try_from_env("YJS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_current_span(true)
        .with_span_list(false)
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Io(e.to_string()))?;
    let served = runtime.block_on(async {
        let server = Server::bind(options).await?;
        let state = server.state();
        let result = server.serve(shutdown_signal()).await;
        Ok::<_, ServeError>((result, state))
    });
    // The PostgreSQL driver's connections own small runtimes of their own, which must not be
    // dropped inside this one: the state goes last, after the server's runtime is shut down.
    drop(runtime);
    let (result, state) = served?;
    drop(state);
    result
}
