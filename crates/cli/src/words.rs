//! The language the command speaks: `VIGIL_LANG` (`de`, `fr`, `en`) if set, else the system's
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`); every human sentence comes from `cli.ftl` through here.

use vigil_i18n::{Arg, Words};

/// The environment variable that chooses the language over the system's.
pub const LANGUAGE_VARIABLE: &str = "VIGIL_LANG";

/// The words of this run's language, chosen once (per thread: `Words` is not `Sync`). Cheap:
/// a shared handle.
pub fn words() -> Words {
    thread_local! {
        static WORDS: Words = {
            let chosen = std::env::var(LANGUAGE_VARIABLE).ok();
            Words::for_system(chosen.as_deref().map(str::trim).filter(|c| !c.is_empty()))
        };
    }
    WORDS.with(Words::clone)
}

/// A message without placeables.
pub fn text(key: &str) -> String {
    words().get(key)
}

/// A message with its placeables' values.
pub fn text_with(key: &str, args: &[(&str, Arg)]) -> String {
    words().with(key, args)
}
