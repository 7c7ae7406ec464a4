"""The TRL adapter, called exactly as TRL 1.16.0 calls a reward function
(`trl/trainer/grpo_trainer.py`, `GRPOTrainer._calculate_rewards`)."""

import functools
from collections import defaultdict

import pytest

import rewardkit
from rewardkit.integrations.trl import RewardkitReward
from conftest import EXAMPLE_SPEC, GATE_SPEC, ZSCORE_SPEC

cloudpickle = pytest.importorskip("cloudpickle")


class FakeTrainer:
    """The parts of GRPOTrainer that call and log reward functions."""

    def __init__(self, reward_funcs):
        self.reward_funcs = reward_funcs
        self.state = object()
        self._pending_extra_logs = defaultdict(list)
        self._pending_metrics = defaultdict(list)

    def _log_completion_extra(self, column, values):
        self._pending_extra_logs[column].extend(values)

    def _log_metric(self, name, value):
        self._pending_metrics[name].append(value)

    def calculate_rewards(self, inputs, prompts, completions, completion_ids_list):
        # Verbatim structure of _calculate_rewards (sync path, without torch).
        keys = [key for key in inputs[0] if key not in ["prompt", "completion", "completion_ids"]]
        reward_kwargs = {key: [example[key] for example in inputs] for key in keys}
        reward_kwargs["trainer_state"] = self.state
        reward_kwargs["log_extra"] = self._log_completion_extra
        reward_kwargs["log_metric"] = self._log_metric
        rows = []
        for reward_func in self.reward_funcs:
            out = reward_func(
                prompts=prompts, completions=completions, completion_ids=completion_ids_list, **reward_kwargs
            )
            out = [r if r is not None else float("nan") for r in out]
            assert len(out) == len(prompts)
            rows.append(out)
        return rows


def get_callable_name(func):
    # trl/trainer/utils.py, TRL 1.16.0
    while isinstance(func, functools.partial):
        func = func.func
    return getattr(func, "__name__", type(func).__name__)


class Image:  # a stand-in for a PIL image: no JSON form
    pass


def test_standard_format_with_dataset_columns():
    f = RewardkitReward(EXAMPLE_SPEC, name="math_r1")
    t = FakeTrainer([f])
    inputs = [{"prompt": "2+2?", "solution": "4", "level": 3}, {"prompt": "2+2?", "solution": "4", "level": 3}]
    (rewards,) = t.calculate_rewards(
        inputs, ["2+2?"] * 2, ["<think>a</think> \\boxed{4}", "\\boxed{5}"], [[1, 2, 3], [4]]
    )
    assert rewards[0] == pytest.approx(1.2) and rewards[1] == pytest.approx(0.0)
    assert get_callable_name(f) == "math_r1"
    # Components go to the completions table and the metrics.
    assert t._pending_extra_logs["math_r1/accuracy"] == [1.0, 0.0]
    assert t._pending_metrics["math_r1/accuracy/mean"] == [0.5]
    assert t._pending_metrics["math_r1/abstain_rate"] == [0.0]


def test_conversational_and_multimodal_content():
    f = RewardkitReward(EXAMPLE_SPEC)
    t = FakeTrainer([f])
    prompts = [[{"role": "user", "content": [{"type": "image", "image": Image()},
                                              {"type": "text", "text": "How many apples?"}]}]] * 2
    completions = [
        [{"role": "assistant", "content": [{"type": "text", "text": "<think>count</think> The answer is 4."}]}],
        [{"role": "assistant", "content": "The answer is 3."}],
    ]
    inputs = [{"prompt": prompts[0], "answer": "4", "image": Image()}] * 2
    (rewards,) = t.calculate_rewards(inputs, prompts, completions, [[1], [2]])
    assert rewards == [pytest.approx(1.2), pytest.approx(0.0)]


def test_abstention_is_none():
    f = RewardkitReward({"type": "math"})
    assert f(prompts=["q"], completions=["The answer is 4."], completion_ids=[[1]]) == [None]


def test_completion_ids_give_num_tokens():
    spec = {"type": "soft_overlong", "max_length": 10, "cache_length": 5, "length": {"field": "num_tokens"}}
    f = RewardkitReward(spec)
    out = f(prompts=["q", "q"], completions=["a", "b"], completion_ids=[[0] * 3, [0] * 9])
    assert out[0] == 0.0 and out[1] < 0.0


def test_picklable_and_named_after_pickling():
    f = RewardkitReward(GATE_SPEC, name="gated")
    g = cloudpickle.loads(cloudpickle.dumps(f))
    assert g.__name__ == "gated"
    assert g(prompts=["q"], completions=["<think>x</think> 4"], solution=["4"]) == [1.0]


def test_group_scope_warns_and_refuses_groups_of_one():
    f = RewardkitReward(ZSCORE_SPEC)
    with pytest.warns(UserWarning):
        out = f(prompts=["q", "q"], completions=["\\boxed{4}", "\\boxed{3}"], solution=["4", "4"])
    assert out[0] > 0 > out[1]
    with pytest.raises(rewardkit.ScopeError):
        f(prompts=["q", "r"], completions=["\\boxed{4}", "\\boxed{3}"], solution=["4", "4"])


def test_missing_reference_column_is_named():
    f = RewardkitReward(EXAMPLE_SPEC, reference_column="gold")
    with pytest.raises(KeyError, match="gold"):
        f(prompts=["q"], completions=["x"], solution=["4"])


def test_over_http_matches_in_process(fake_server):
    p = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
    srv = fake_server(p)
    local = RewardkitReward(p)
    remote = RewardkitReward(url=srv.url)
    kw = dict(
        prompts=[[{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "q"}]}]] * 3,
        completions=[[{"role": "assistant", "content": "<think>a</think> \\boxed{%d}" % i}] for i in range(3)],
        completion_ids=[[1], [2], [3]],
        solution=["1"] * 3,
        image=[Image()] * 3,
    )
    assert remote(**kw) == local(**kw)
    r2 = cloudpickle.loads(cloudpickle.dumps(remote))
    assert r2(**kw) == local(**kw)
