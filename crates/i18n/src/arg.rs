//! A value put into a message: text or a number (numbers choose plural forms).

use fluent_bundle::FluentValue;

/// One placeable's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, put in as it is.
    Text(String),
    /// A whole number: `{ $count -> [one] … *[other] … }` chooses by it.
    Number(i64),
}

impl Arg {
    pub(crate) fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Number(number) => FluentValue::from(*number),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<&&str> for Arg {
    fn from(text: &&str) -> Self {
        Arg::Text((*text).to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

macro_rules! number {
    ($convert:ident: $($kind:ty),*) => {$(
        impl From<$kind> for Arg {
            fn from(number: $kind) -> Self {
                Arg::Number($convert(number))
            }
        }
        impl From<&$kind> for Arg {
            fn from(number: &$kind) -> Self {
                Arg::from(*number)
            }
        }
    )*};
}

number!(widened: i32, i64, u8, u16, u32);
number!(clamped: u64, usize);

fn widened(number: impl Into<i64>) -> i64 {
    number.into()
}

fn clamped(number: impl TryInto<i64>) -> i64 {
    number.try_into().unwrap_or(i64::MAX)
}
