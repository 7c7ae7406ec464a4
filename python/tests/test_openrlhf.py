"""The OpenRLHF adapter, called exactly as OpenRLHF 0.11.2 calls it
(`openrlhf/utils/agent.py`, `SingleTurnAgentExecutor`): the file is loaded with
`importlib.util.spec_from_file_location("reward_func", path)`, and `reward_func([query],
[prompt], [label])` runs in a thread (`asyncio.to_thread`) once per sample, with the query
decoded with `skip_special_tokens=False`."""

import asyncio
import importlib.util
import sys

import pytest

import rewardkit
from rewardkit.integrations.openrlhf import OpenRLHFReward, strip_trailing_tokens
from conftest import EXAMPLE_SPEC, GATE_SPEC, R1_SPEC, ZSCORE_SPEC

cloudpickle = pytest.importorskip("cloudpickle")

PROMPT = "<|im_start|>user\nWhat is 1+1?<|im_end|>\n<|im_start|>assistant\n"
R1_RESPONSE = "<think>\n1+1=2\n</think>\n<answer>\n\\boxed{2}\n</answer>"


def load_reward_func(path):
    # openrlhf/utils/agent.py, SingleTurnAgentExecutor.__init__
    spec = importlib.util.spec_from_file_location("reward_func", path)
    reward_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reward_module)
    return reward_module.reward_func


def fetch(reward_func, query, prompt, label):
    # openrlhf/utils/agent.py, _fetch_rewards_via_func (batch_size = 1)
    async def go():
        return await asyncio.gather(asyncio.to_thread(reward_func, [query], [prompt], [label]))

    rewards_info = asyncio.run(go())[0]
    score_value = rewards_info.get("scores")
    if score_value is None:
        score_value = rewards_info.get("rewards")
    return rewards_info["rewards"], score_value, rewards_info.get("extra_logs") or {}


def user_file(tmp_path, spec_text):
    f = tmp_path / "reward.py"
    f.write_text(
        "from rewardkit.integrations.openrlhf import OpenRLHFReward\n"
        "reward_func = OpenRLHFReward('''%s''')\n" % spec_text
    )
    return str(f)


def test_trailing_special_tokens_are_stripped(tmp_path):
    rf = load_reward_func(user_file(tmp_path, R1_SPEC))
    rewards, scores, logs = fetch(rf, PROMPT + R1_RESPONSE + "<|im_end|>", PROMPT, "2")
    assert logs["format"] == [1.0], logs  # the r1 check sees `</answer>` at the end
    assert rewards == [1.5]
    # Kept when asked to: then the exact r1 format fails.
    keep = OpenRLHFReward(R1_SPEC, strip_tokens=())
    assert keep([PROMPT + R1_RESPONSE + "<|im_end|>"], [PROMPT], ["2"])["extra_logs"]["format"] == [0.0]
    assert strip_trailing_tokens("x</s> <|endoftext|>\n", ("</s>", "<|endoftext|>")) == "x"


def test_scores_are_the_correctness_component(tmp_path):
    rf = load_reward_func(user_file(tmp_path, EXAMPLE_SPEC.read_text()))
    rewards, scores, logs = fetch(rf, PROMPT + "<think>x</think> \\boxed{2}<|im_end|>", PROMPT, "2")
    assert rewards == [pytest.approx(1.2)] and scores == [1.0]
    rewards, scores, _ = fetch(rf, PROMPT + "<think>x</think> \\boxed{3}<|im_end|>", PROMPT, "2")
    assert rewards == [pytest.approx(0.2)] and scores == [0.0]
    # A pipeline without a correctness term: scores are the rewards; or a chosen component.
    fmt = OpenRLHFReward({"type": "format", "preset": "r1_lenient"})
    out = fmt(["<think>a</think> b"], [""], [None])
    assert out["scores"] == out["rewards"] == [1.0]
    chosen = OpenRLHFReward(EXAMPLE_SPEC, scores="format")
    assert chosen(["<think>a</think> 5"], [""], ["2"])["scores"] == [1.0]


def test_same_extra_logs_keys_for_every_call(tmp_path):
    rf = load_reward_func(user_file(tmp_path, GATE_SPEC))
    _, _, a = fetch(rf, PROMPT + "no format, 2<|im_end|>", PROMPT, "2")
    _, _, b = fetch(rf, PROMPT + "<think>x</think> 2<|im_end|>", PROMPT, "2")
    assert sorted(a) == sorted(b)
    assert all(len(v) == 1 and isinstance(v[0], float) for v in a.values())
    assert a["gated/reward/accuracy"] == [0.0] and b["gated/reward/accuracy"] == [1.0]


def test_group_scope_refused_for_one_sample_calls(tmp_path):
    rf = load_reward_func(user_file(tmp_path, ZSCORE_SPEC))
    with pytest.raises(rewardkit.ScopeError, match="once per sample"):
        rf([PROMPT + "\\boxed{2}"], [PROMPT], ["2"])
    # OpenRLHF <= 0.9 called in micro-batches: a whole group (same prompt) is scored.
    out = rf([PROMPT + "\\boxed{2}", PROMPT + "\\boxed{3}"], [PROMPT, PROMPT], ["2", "2"])
    assert out["rewards"][0] > 0 > out["rewards"][1]


def test_file_loaded_object_pickles_for_ray(tmp_path):
    # OpenRLHF <= 0.9 ran reward_func as Ray remote tasks: cloudpickle, then another process.
    rf = load_reward_func(user_file(tmp_path, EXAMPLE_SPEC.read_text()))
    blob = cloudpickle.dumps(rf)
    import subprocess

    code = (
        "import sys, cloudpickle\n"
        "rf = cloudpickle.loads(sys.stdin.buffer.read())\n"
        "print(rf(['q\\\\boxed{2}<|im_end|>'], ['q'], ['2'])['scores'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode().strip() == "[1.0]"


def test_module_reward_func_from_environment(monkeypatch):
    import rewardkit.integrations.openrlhf as mod

    monkeypatch.setenv("REWARDKIT_SPEC", str(EXAMPLE_SPEC))
    rf = load_reward_func(mod.__file__)
    fresh = type(rf)()  # the module's object resolves on first use; use a fresh one
    assert fresh(["q\\boxed{4}"], ["q"], ["4"])["scores"] == [1.0]


def test_over_http_matches_in_process(fake_server):
    p = rewardkit.Pipeline.from_toml(GATE_SPEC)
    srv = fake_server(p)
    remote = OpenRLHFReward(url=srv.url + "/get_reward")
    local = OpenRLHFReward(p)
    args = ([PROMPT + "<think>x</think> 2<|im_end|>", PROMPT + "nope<|endoftext|>"], [PROMPT] * 2, ["2", "2"])
    assert remote(*args) == local(*args)
    assert srv.requests[0][0] == "/v1/score"


def test_prompt_redecoded_differently_is_still_cut_off():
    # The query's prompt part comes from detokenisation and may not equal `prompt` byte for byte.
    rf = OpenRLHFReward(R1_SPEC)
    query = PROMPT.replace("user\n", "user \n") + R1_RESPONSE + "<|im_end|>"
    assert rf([query], [PROMPT], ["2"])["extra_logs"]["format"] == [1.0]
