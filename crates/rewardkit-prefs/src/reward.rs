//! The `learned` reward function of pipelines: [`load_reward`] is the loader that front ends
//! install in core with [`crate::install`].

use crate::features::Input;
use crate::loss::Stat;
use crate::model::{Model, Scoring};
use rewardkit_core::rewards::learned::{
    Learned, LearnedInput, LearnedStatistic, DEFAULT_UWO_LAMBDA,
};
use rewardkit_core::{Deadline, Prompt, RewardFn, RewardOutput, Sample};
use std::path::Path;

/// A loaded model scoring samples.
#[derive(Debug)]
pub struct LearnedReward {
    model: Model,
    input: Option<Input>,
    scoring: Scoring,
}

impl RewardFn for LearnedReward {
    fn score(&self, sample: &Sample, _: Deadline) -> RewardOutput {
        let prompt = match &sample.prompt {
            None => String::new(),
            Some(Prompt::Text(t)) => t.clone(),
            Some(Prompt::Messages(m)) => crate::data::render_chat(
                &m.iter()
                    .map(|m| (m.role.clone(), m.content.clone()))
                    .collect::<Vec<_>>(),
            ),
        };
        match self
            .model
            .reward(&prompt, &sample.completion, self.input, self.scoring)
        {
            Ok(v) => RewardOutput::value(v),
            Err(e) => RewardOutput::error(e.to_string()),
        }
    }
}

/// Reads the model named by a `learned` node (the loader of
/// [`rewardkit_core::rewards::learned`]). `path` is the node's spec path, for errors.
pub fn load_reward(spec: &Learned, path: &str) -> rewardkit_core::Result<Box<dyn RewardFn>> {
    let model = Model::load(Path::new(spec.model.as_str()), spec.featurizer.as_deref())
        .map_err(|e| rewardkit_core::Error::spec(format!("{path}.model"), e.to_string()))?;
    let input = spec.input.map(|i| match i {
        LearnedInput::Response => Input::Response,
        LearnedInput::PromptResponse => Input::PromptResponse,
    });
    let stat = match spec.statistic {
        LearnedStatistic::Mean => Stat::Mean,
        LearnedStatistic::Min => Stat::Min,
        LearnedStatistic::Uwo => Stat::Uwo,
    };
    Ok(Box::new(LearnedReward {
        model,
        input,
        scoring: Scoring {
            stat,
            lambda: spec.uwo_lambda.map_or(DEFAULT_UWO_LAMBDA, |l| l.get()),
            ddof: spec.ddof.get(),
        },
    }))
}
