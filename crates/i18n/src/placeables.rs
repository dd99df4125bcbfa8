//! The variables a message uses (`$count`, `$name`), read from its parsed pattern.

use fluent_syntax::ast;

/// Every variable a pattern refers to, in its select expressions' variants too, each once.
pub(crate) fn variables(pattern: &ast::Pattern<&str>) -> Vec<String> {
    let mut names = Vec::new();
    pattern_variables(pattern, &mut names);
    names
}

fn pattern_variables(pattern: &ast::Pattern<&str>, into: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, into: &mut Vec<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, into),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id }
            if !into.iter().any(|name| name == id.name) =>
        {
            into.push(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, into);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
}

/// Every message of a Fluent file with the variables its value uses, in file order; the parser's
/// errors (in words) when the file does not parse.
pub fn messages(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let resource =
        fluent_syntax::parser::parse(text).map_err(|(_, errors)| format!("{errors:?}"))?;
    Ok(resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((
                message.id.name.to_owned(),
                message.value.as_ref().map(variables).unwrap_or_default(),
            )),
            _ => None,
        })
        .collect())
}
