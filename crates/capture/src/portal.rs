//! The desktop portal (xdg-desktop-portal) on the session bus: whether one of its interfaces
//! answers there, and running its asynchronous calls from the synchronous callers.

use ashpd::zbus;

/// The bus name the portal's front end owns.
const DESTINATION: &str = "org.freedesktop.portal.Desktop";
/// The object that carries every portal interface.
const PATH: &str = "/org/freedesktop/portal/desktop";

/// A connection to the session bus on which the portal serves `interface`, or why there is none
/// (no session bus, no portal, or a portal without that interface). Reading the interface's
/// `version` property is the check: it starts a portal that D-Bus can activate, and fails when
/// the portal has no back end for the interface.
pub(crate) async fn connect_to(interface: &'static str) -> Result<zbus::Connection, String> {
    let connection = zbus::Connection::session()
        .await
        .map_err(|e| format!("no session bus: {e}"))?;
    let properties = zbus::fdo::PropertiesProxy::builder(&connection)
        .destination(DESTINATION)
        .and_then(|builder| builder.path(PATH))
        .map_err(|e| e.to_string())?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(|e| e.to_string())?;
    let name = zbus::names::InterfaceName::try_from(interface).map_err(|e| e.to_string())?;
    properties
        .get(name, "version")
        .await
        .map_err(|e| format!("{interface} does not answer: {e}"))?;
    Ok(connection)
}

/// Runs a portal call to its end on the calling thread. zbus (built with `async-io`, as the
/// app's own zbus is) runs the connection on its own executor thread, so no runtime is needed
/// here and the call also works from a thread of the app's tokio runtime.
pub(crate) fn block_on<F: std::future::Future>(future: F) -> F::Output {
    async_io::block_on(future)
}
