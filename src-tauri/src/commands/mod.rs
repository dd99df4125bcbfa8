//! The commands the page calls, one file per area. Each is thin: take the state, call the vault,
//! core or capture crate, map errors. Only codes ever leave for the page, never a secret; HTML
//! leaves only as askama output, where every outside string was escaped.

pub mod add;
pub mod codes;
pub mod edit;
pub mod settings;

/// The names of every command, for the capability (build.rs lists the same).
#[cfg(test)]
pub const NAMES: &[&str] = &[
    "render_app",
    "codes",
    "copy_code",
    "next_code",
    "add_uri",
    "add_manual",
    "scan_image",
    "scan_screen",
    "scan_clipboard",
    "confirm_add",
    "cancel_add",
    "rename_account",
    "set_favourite",
    "move_account",
    "reorder_accounts",
    "account_qr",
    "remove_account",
    "save_settings",
];

#[cfg(test)]
mod tests {
    use super::NAMES;

    #[test]
    fn the_capability_grants_exactly_the_apps_commands() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../../capabilities/default.json")).unwrap();
        let granted: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let wanted: Vec<String> = NAMES
            .iter()
            .map(|n| format!("allow-{}", n.replace('_', "-")))
            .collect();
        assert_eq!(granted, wanted);
        let build = include_str!("../../build.rs");
        for name in NAMES {
            assert!(
                build.contains(&format!("\"{name}\"")),
                "{name} missing from build.rs"
            );
        }
    }
}
