//! The commands the page calls, one file per area. Each is thin: take the state, call the vault,
//! core or capture crate, map errors. Only codes ever leave for the page, never a secret; HTML
//! leaves only as askama output, where every outside string was escaped.

pub mod activity;
pub mod add;
pub mod app_lock;
pub mod backups;
pub mod codes;
pub mod edit;
pub mod export;
pub mod icons;
pub mod sessions;
pub mod settings;
pub mod update;

/// The names of every command, from `commands.list` (which build.rs grants and registers).
#[cfg(test)]
pub fn names() -> Vec<&'static str> {
    include_str!("../../commands.list")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|path| path.rsplit("::").next().unwrap_or(path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn the_capability_grants_exactly_the_listed_commands() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../../capabilities/default.json")).unwrap();
        let granted: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let wanted: Vec<String> = names()
            .iter()
            .map(|n| format!("allow-{}", n.replace('_', "-")))
            .collect();
        assert_eq!(granted, wanted);
        // lib.rs registers the handler build.rs made from the same list, and nothing else.
        let lib = include_str!("../lib.rs");
        assert!(lib.contains("invoke_handler.rs"));
        assert!(!lib.contains("generate_handler!"));
    }
}
