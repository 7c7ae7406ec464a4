//! Reward models' chat templates: the Jinja `chat_template` of a Hugging Face tokenizer,
//! rendered with [minijinja] (and `minijinja-contrib`'s Python string methods, `.strip()`,
//! `.startswith()`, ..., which the templates use), so that the text a `remote` reward model
//! receives is the text it was trained on: OpenRLHF's and verl's reward-model paths call
//! `tokenizer.apply_chat_template(messages + [assistant response], tokenize=False)` before
//! sending (`openrlhf/utils/agent.py`, `verl/workers/reward_model/`).
//!
//! Templates are compiled once, when the pipeline is built (a syntax error is a spec error),
//! and rendered per sample with `messages`, `add_generation_prompt = false`, `bos_token`,
//! `eos_token`, and `raise_exception(msg)` (a template that raises gives that sample an error
//! result with the message). Rendering is bounded (minijinja's fuel), so a template cannot
//! loop without end.
//!
//! ```
//! use rewardkit_core::text::chat_template::Renderer;
//! use rewardkit_core::rewards::remote::ChatTemplateSpec;
//! let spec = ChatTemplateSpec { preset: Some("chatml".into()), ..Default::default() };
//! let r = Renderer::new(&spec, "reward.chat_template")?;
//! let text = r.render(&[("user", "2+2?"), ("assistant", "4")])?;
//! assert_eq!(text, "<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n4<|im_end|>\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::rewards::remote::ChatTemplateSpec;
use crate::{Error, Result};
use minijinja::{Environment, ErrorKind, Value};

/// ChatML (Qwen, OpenHermes, Skywork-Reward-V2-Qwen3 without tools): `<|im_start|>role\n
/// content<|im_end|>\n` per message.
pub const CHATML: &str = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/// Llama 3 and 3.1 without tools or the date header (`Meta-Llama-3-8B-Instruct`'s
/// `tokenizer_config.json`; Skywork-Reward-Llama-3.1-8B and ArmoRM-Llama3-8B use this form).
pub const LLAMA3: &str = "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

/// Gemma 2 (`gemma-2-*-it`'s `tokenizer_config.json`): no system role, `model` for the
/// assistant, turns must alternate.
pub const GEMMA: &str = "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}";

/// The presets: name, template, BOS token, EOS token.
pub const PRESETS: &[(&str, &str, &str, &str)] = &[
    ("chatml", CHATML, "", "<|im_end|>"),
    ("llama3", LLAMA3, "<|begin_of_text|>", "<|eot_id|>"),
    ("gemma", GEMMA, "<bos>", "<eos>"),
];

/// Instructions one render may spend (minijinja fuel): far above what a chat template needs
/// for a long conversation, far below an endless loop.
const FUEL: u64 = 50_000_000;

/// A compiled chat template.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
    bos: String,
    eos: String,
}

impl Renderer {
    /// Compiles the template a spec names (a preset, inline Jinja, or a file: a tokenizer's
    /// `tokenizer_config.json` or a `.jinja` file). `path` is the spec path for errors.
    pub fn new(spec: &ChatTemplateSpec, path: &str) -> Result<Self> {
        let (source, mut bos, mut eos) = match (&spec.preset, &spec.jinja, &spec.file) {
            (Some(name), None, None) => {
                let Some((_, t, b, e)) = PRESETS.iter().find(|p| p.0 == name) else {
                    return Err(Error::spec(
                        format!("{path}.preset"),
                        format!(
                            "unknown chat template preset `{name}`; expected one of: {}",
                            PRESETS.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                };
                (t.to_string(), b.to_string(), e.to_string())
            }
            (None, Some(j), None) => (j.clone(), String::new(), String::new()),
            (None, None, Some(f)) => read_file(f, &format!("{path}.file"))?,
            _ => {
                return Err(Error::spec_conflict(
                    path,
                    "expected exactly one of `preset`, `jinja` or `file`",
                ))
            }
        };
        if let Some(b) = &spec.bos_token {
            bos.clone_from(b);
        }
        if let Some(e) = &spec.eos_token {
            eos.clone_from(e);
        }
        let mut env = Environment::new();
        minijinja_contrib::add_to_environment(&mut env);
        env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
        env.set_fuel(Some(FUEL));
        env.add_function(
            "raise_exception",
            |msg: String| -> std::result::Result<Value, minijinja::Error> {
                Err(minijinja::Error::new(ErrorKind::InvalidOperation, msg))
            },
        );
        env.add_template_owned("chat", source).map_err(|e| {
            Error::spec_pattern(path, format!("the chat template does not compile: {e:#}"))
        })?;
        Ok(Renderer { env, bos, eos })
    }

    /// Renders a conversation of `(role, content)` messages, without a generation prompt.
    /// An error (the template raised, or ran out of fuel) is a message for that sample.
    pub fn render(&self, messages: &[(&str, &str)]) -> std::result::Result<String, String> {
        let tmpl = self
            .env
            .get_template("chat")
            .map_err(|e| format!("chat template: {e}"))?;
        let messages: Vec<Value> = messages
            .iter()
            .map(|(role, content)| {
                Value::from_iter([
                    ("role", Value::from(*role)),
                    ("content", Value::from(*content)),
                ])
            })
            .collect();
        tmpl.render(minijinja::context! {
            messages => messages,
            add_generation_prompt => false,
            bos_token => self.bos.as_str(),
            eos_token => self.eos.as_str(),
        })
        .map_err(|e| match e.kind() {
            ErrorKind::InvalidOperation => {
                format!("chat template raised: {}", e.detail().unwrap_or("error"))
            }
            _ => format!("chat template: {e}"),
        })
    }
}

/// Reads a template file: a tokenizer's `tokenizer_config.json` (its `chat_template`, a text
/// or a list of named templates of which `default` is taken, and its `bos_token` /
/// `eos_token`, texts or `{"content": ...}` objects), else the file's text as Jinja.
fn read_file(file: &str, path: &str) -> Result<(String, String, String)> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Error::spec_file(path, format!("cannot read `{file}`: {e}")))?;
    if !file.ends_with(".json") {
        return Ok((text, String::new(), String::new()));
    }
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::spec_file(path, format!("`{file}` is not valid JSON: {e}")))?;
    let token = |k: &str| -> String {
        match v.get(k) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(o) => o
                .get("content")
                .and_then(|c| c.as_str())
                .unwrap_or_default()
                .to_string(),
            None => String::new(),
        }
    };
    let template = match v.get("chat_template") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(list)) => list
            .iter()
            .find(|t| t.get("name").and_then(|n| n.as_str()) == Some("default"))
            .and_then(|t| t.get("template"))
            .and_then(|t| t.as_str())
            .map(str::to_string)
            .ok_or_else(|| {
                Error::spec_file(
                    path,
                    format!("`{file}`: `chat_template` is a list without a `default` template"),
                )
            })?,
        _ => {
            return Err(Error::spec_file(
                path,
                format!(
                    "`{file}` has no `chat_template` text (a tokenizer_config.json is expected)"
                ),
            ))
        }
    };
    Ok((template, token("bos_token"), token("eos_token")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(name: &str) -> Renderer {
        let spec = ChatTemplateSpec {
            preset: Some(name.into()),
            ..Default::default()
        };
        Renderer::new(&spec, "t").unwrap()
    }

    #[test]
    fn presets_render_what_the_tokenizers_render() {
        let conv = [
            ("system", "Be brief."),
            ("user", "2+2?"),
            ("assistant", " 4 "),
        ];
        assert_eq!(
            preset("llama3").render(&conv).unwrap(),
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>\
             <|start_header_id|>user<|end_header_id|>\n\n2+2?<|eot_id|>\
             <|start_header_id|>assistant<|end_header_id|>\n\n4<|eot_id|>"
        );
        assert_eq!(
            preset("chatml").render(&conv).unwrap(),
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n\
             <|im_start|>assistant\n 4 <|im_end|>\n"
        );
        assert_eq!(
            preset("gemma").render(&conv[1..]).unwrap(),
            "<bos><start_of_turn>user\n2+2?<end_of_turn>\n<start_of_turn>model\n4<end_of_turn>\n"
        );
        // Gemma has no system role: the template raises, and that is the sample's error.
        let e = preset("gemma").render(&conv).unwrap_err();
        assert!(e.contains("System role not supported"), "{e}");
    }

    #[test]
    fn python_string_methods_and_tokens_from_a_tokenizer_config() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("tokenizer_config.json");
        std::fs::write(
            &f,
            r#"{"bos_token": {"content": "<s>", "lstrip": false}, "eos_token": "</s>",
                "chat_template": [{"name": "tool_use", "template": "x"},
                                  {"name": "default", "template": "{{ bos_token }}{% for m in messages %}[{{ m['role'].upper() }}] {{ m['content'].strip() }}{{ eos_token }}{% endfor %}"}]}"#,
        )
        .unwrap();
        let spec = ChatTemplateSpec {
            file: Some(f.to_string_lossy().into_owned()),
            ..Default::default()
        };
        let r = Renderer::new(&spec, "t").unwrap();
        assert_eq!(
            r.render(&[("user", " hi "), ("assistant", "yo")]).unwrap(),
            "<s>[USER] hi</s>[ASSISTANT] yo</s>"
        );
    }

    #[test]
    fn bad_templates_are_spec_errors_and_endless_ones_run_out_of_fuel() {
        let spec = |j: &str| ChatTemplateSpec {
            jinja: Some(j.into()),
            ..Default::default()
        };
        match Renderer::new(&spec("{% for m in messages %}"), "reward.chat_template") {
            Err(Error::Spec { path, kind }) => {
                let message = kind.to_string();
                assert_eq!(path, "reward.chat_template");
                assert!(message.contains("does not compile"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let both = ChatTemplateSpec {
            preset: Some("chatml".into()),
            jinja: Some("x".into()),
            ..Default::default()
        };
        assert!(Renderer::new(&both, "t").is_err());
        let unknown = ChatTemplateSpec {
            preset: Some("vicuna".into()),
            ..Default::default()
        };
        let e = Renderer::new(&unknown, "t").unwrap_err().to_string();
        assert!(
            e.contains("t.preset") && e.contains("chatml, llama3, gemma"),
            "{e}"
        );
        let slow = Renderer::new(
            &spec(
                "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
            ),
            "t",
        )
        .unwrap();
        let e = slow.render(&[("user", "x")]).unwrap_err();
        assert!(e.contains("fuel"), "{e}");
    }
}
