//! A stand-in for xdg-desktop-portal on the test's private session bus: it owns
//! `org.freedesktop.portal.Desktop` and serves the Screenshot interface (each request answered
//! through its Request object's `Response` signal, as the real portal does) and the Settings
//! interface's `org.freedesktop.appearance` `color-scheme`.
//!
//! The bus name and the X display are shared by the whole test binary, so every test that uses
//! either holds [`SharedDesktop`] while it runs.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

const DESTINATION: &str = "org.freedesktop.portal.Desktop";
const PATH: &str = "/org/freedesktop/portal/desktop";

static DESKTOP: Mutex<()> = Mutex::new(());

/// This test's turn at the session bus's portal name and the X display.
pub struct SharedDesktop(#[allow(dead_code)] MutexGuard<'static, ()>);

impl SharedDesktop {
    pub fn take() -> Self {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "these tests need a private session bus: run them through scripts/with-keyring"
        );
        Self(DESKTOP.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Whether anything owns, or D-Bus could start, the portal's name on this bus.
    pub fn portal_present(&self) -> bool {
        let connection = zbus::blocking::Connection::session().unwrap();
        let bus = zbus::blocking::fdo::DBusProxy::new(&connection).unwrap();
        let name = zbus::names::BusName::try_from(DESTINATION).unwrap();
        bus.name_has_owner(name).unwrap()
            || bus
                .list_activatable_names()
                .unwrap()
                .iter()
                .any(|n| n.as_str() == DESTINATION)
    }
}

/// How the stand-in answers a Screenshot request.
#[derive(Clone)]
pub enum ScreenshotAnswer {
    /// Success (response 0) with this `uri`.
    Uri(String),
    /// Response 1 (cancelled by the person) or 2 (ended otherwise, e.g. not allowed).
    Refuse(u32),
    /// No request at all: the call fails with `org.freedesktop.portal.Error.NotAllowed`.
    NotAllowed,
}

/// The portal's own D-Bus errors (`org.freedesktop.portal.Error.*`).
#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.freedesktop.portal.Error")]
enum PortalError {
    #[zbus(error)]
    ZBus(zbus::Error),
    InvalidArgument(String),
    NotAllowed(String),
}

/// The running stand-in; dropping it releases the portal's name.
pub struct StandInPortal {
    connection: zbus::blocking::Connection,
    requests: Arc<Mutex<Vec<HashMap<String, OwnedValue>>>>,
    color_scheme: Arc<AtomicU32>,
}

impl StandInPortal {
    /// Serves the two interfaces under the portal's name on the session bus; `color_scheme` is
    /// the number the Settings interface gives.
    pub fn start(_desktop: &SharedDesktop, answer: ScreenshotAnswer, color_scheme: u32) -> Self {
        let requests = Arc::new(Mutex::new(Vec::new()));
        let color_scheme = Arc::new(AtomicU32::new(color_scheme));
        let connection = zbus::blocking::connection::Builder::session()
            .unwrap()
            .name(DESTINATION)
            .unwrap()
            .serve_at(
                PATH,
                ScreenshotPortal {
                    answer,
                    requests: requests.clone(),
                },
            )
            .unwrap()
            .serve_at(
                PATH,
                SettingsPortal {
                    color_scheme: color_scheme.clone(),
                },
            )
            .unwrap()
            .build()
            .unwrap();
        Self {
            connection,
            requests,
            color_scheme,
        }
    }

    /// Changes the colour scheme and announces it, as the portal does when the person switches.
    pub fn set_color_scheme(&self, value: u32) {
        self.color_scheme.store(value, Ordering::SeqCst);
        self.announce("org.freedesktop.appearance", "color-scheme", value);
    }

    /// Emits Settings' `SettingChanged` for any setting.
    pub fn announce(&self, namespace: &str, key: &str, value: u32) {
        self.connection
            .emit_signal(
                None::<()>,
                PATH,
                "org.freedesktop.portal.Settings",
                "SettingChanged",
                &(namespace, key, Value::U32(value)),
            )
            .unwrap();
    }

    /// The options of every Screenshot request received so far.
    pub fn requests(&self) -> Vec<HashMap<String, OwnedValue>> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for StandInPortal {
    fn drop(&mut self) {
        // Released by a call, so the name is gone before the next test looks for it.
        let _ = self.connection.release_name(DESTINATION);
    }
}

/// `org.freedesktop.portal.Screenshot`, version 2.
struct ScreenshotPortal {
    answer: ScreenshotAnswer,
    requests: Arc<Mutex<Vec<HashMap<String, OwnedValue>>>>,
}

#[zbus::interface(name = "org.freedesktop.portal.Screenshot")]
impl ScreenshotPortal {
    /// Answers through the Request object the caller's unique name and `handle_token` name.
    async fn screenshot(
        &self,
        #[zbus(header)] header: zbus::message::Header<'_>,
        #[zbus(connection)] connection: &zbus::Connection,
        _parent_window: &str,
        options: HashMap<String, OwnedValue>,
    ) -> Result<OwnedObjectPath, PortalError> {
        if let ScreenshotAnswer::NotAllowed = self.answer {
            return Err(PortalError::NotAllowed(
                "Screenshots are not allowed".into(),
            ));
        }
        let sender = header
            .sender()
            .ok_or_else(|| PortalError::InvalidArgument("no sender".into()))?
            .to_owned();
        let token: String = options
            .get("handle_token")
            .ok_or_else(|| PortalError::InvalidArgument("no handle_token".into()))?
            .try_clone()
            .unwrap()
            .try_into()
            .map_err(|_| PortalError::InvalidArgument("handle_token is not a string".into()))?;
        self.requests.lock().unwrap().push(
            options
                .iter()
                .map(|(k, v)| (k.clone(), v.try_clone().unwrap()))
                .collect(),
        );
        let path = OwnedObjectPath::try_from(format!(
            "{PATH}/request/{}/{token}",
            sender.trim_start_matches(':').replace('.', "_")
        ))
        .map_err(|e| PortalError::InvalidArgument(e.to_string()))?;
        let (code, results) = match &self.answer {
            ScreenshotAnswer::Uri(uri) => {
                (0u32, HashMap::from([("uri", Value::from(uri.clone()))]))
            }
            ScreenshotAnswer::Refuse(code) => (*code, HashMap::new()),
            ScreenshotAnswer::NotAllowed => unreachable!("answered above"),
        };
        connection
            .emit_signal(
                Some(sender.clone()),
                &path,
                "org.freedesktop.portal.Request",
                "Response",
                &(code, results),
            )
            .await?;
        Ok(path)
    }

    #[zbus(property, name = "version")]
    fn version(&self) -> u32 {
        2
    }
}

/// `org.freedesktop.portal.Settings`, version 2, knowing one setting.
struct SettingsPortal {
    color_scheme: Arc<AtomicU32>,
}

impl SettingsPortal {
    fn value(&self, namespace: &str, key: &str) -> zbus::fdo::Result<u32> {
        if (namespace, key) == ("org.freedesktop.appearance", "color-scheme") {
            Ok(self.color_scheme.load(Ordering::SeqCst))
        } else {
            Err(zbus::fdo::Error::Failed(format!(
                "Requested setting not found: {namespace} {key}"
            )))
        }
    }
}

#[zbus::interface(name = "org.freedesktop.portal.Settings")]
impl SettingsPortal {
    /// The deprecated reader: the value inside a second variant, as the real portal sends it.
    fn read(&self, namespace: &str, key: &str) -> zbus::fdo::Result<OwnedValue> {
        let value = Value::Value(Box::new(Value::U32(self.value(namespace, key)?)));
        OwnedValue::try_from(value).map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }

    fn read_one(&self, namespace: &str, key: &str) -> zbus::fdo::Result<OwnedValue> {
        Ok(OwnedValue::from(self.value(namespace, key)?))
    }

    #[zbus(property, name = "version")]
    fn version(&self) -> u32 {
        2
    }
}
