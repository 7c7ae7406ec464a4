"""The verl adapter, called exactly as verl 0.9.1 calls a custom reward function:
`verl/trainer/ppo/reward.py` (load by path, `partial(_call_with_kwargs, raw_fn, reward_kwargs)`),
`verl/experimental/reward_loop/reward_manager/naive.py` (`run_single`: one sample, keyword
arguments, `extra_info["num_turns"]` a numpy integer), `reward_loop.py` (columns from the
first sample's keys), `reward_manager/remote.py` (the function shipped to a Ray actor),
`verl/workers/reward_manager/batch.py` and `prime.py`."""

import asyncio
import importlib.util
import math
import sys
from functools import partial

import pytest

import rewardkit
from rewardkit.integrations.verl import (
    FloatVerlReward,
    VerlReward,
    compute_score,
    compute_score_batched,
    compute_score_float,
)
from conftest import EXAMPLE_SPEC, GATE_SPEC, R1_SPEC, ZSCORE_SPEC

np = pytest.importorskip("numpy")
cloudpickle = pytest.importorskip("cloudpickle")


# ---- verl 0.9.1, verl/trainer/ppo/reward.py
def _call_with_kwargs(raw_fn, extra_kwargs, *args, **kwargs):
    merged_kwargs = {**kwargs, **extra_kwargs}
    return raw_fn(*args, **merged_kwargs)


def load_extern_object(module_path, object_name):
    # verl/utils/import_utils.py load_module: spec_from_file_location, not added to sys.modules
    spec = importlib.util.spec_from_file_location("custom_module", module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, object_name)


def get_custom_reward_fn(path, name="compute_score", reward_kwargs=None):
    raw_fn = load_extern_object(path, name)
    return partial(_call_with_kwargs, raw_fn, dict(reward_kwargs or {}))


# ---- verl 0.9.1, NaiveRewardManager.run_single (the reward loop's default manager)
async def run_single(compute_score, data_source, response_str, ground_truth, extra_info, num_turns):
    extra_info = dict(extra_info)
    extra_info["num_turns"] = num_turns
    extra_info["rollout_reward_scores"] = {}
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(
        None,
        lambda: compute_score(
            data_source=data_source, solution_str=response_str, ground_truth=ground_truth, extra_info=extra_info
        ),
    )
    reward_extra_info = {}
    if isinstance(result, dict):
        score = result["score"]
        for key, value in result.items():
            reward_extra_info[key] = value
    else:
        score = result
        reward_extra_info["acc"] = score
    return {"reward_score": score, "reward_extra_info": reward_extra_info}


def reward_loop(compute_score, items):
    """RewardLoopWorker.compute_score_batch + RewardLoopManager.compute_rm_score's columns."""

    async def go():
        return await asyncio.gather(*[run_single(compute_score, *it) for it in items])

    outputs = asyncio.run(go())
    infos = [o.get("reward_extra_info", {}) for o in outputs]
    keys = list(infos[0].keys())
    columns = {key: np.array([info[key] for info in infos]) for key in keys}  # KeyError if keys vary
    return [o["reward_score"] for o in outputs], columns


def user_file(tmp_path, body):
    f = tmp_path / "my_reward.py"
    f.write_text(body)
    return str(f)


def items(n=4):
    rows = []
    for i in range(n):
        good = i % 2 == 0
        ans = 7 if good else 8
        resp = "<think>x</think> The answer is \\boxed{%d}." % ans if i < 2 else "plain %d" % ans
        rows.append(("openai/gsm8k", resp, "7", {"split": "train", "index": np.int64(i)}, np.int64(1)))
    return rows


def test_reward_loop_default_path_with_numpy_extra_info(tmp_path):
    path = user_file(tmp_path, "from rewardkit.integrations.verl import VerlReward\n"
                               "compute_score = VerlReward(%r)\n" % str(EXAMPLE_SPEC))
    fn = get_custom_reward_fn(path)
    scores, cols = reward_loop(fn, items())
    assert scores[0] == pytest.approx(1.2) and scores[1] == pytest.approx(0.2)
    assert list(cols["acc"]) == [1.0, 0.0, 1.0, 0.0]
    assert set(cols) == {"score", "acc", "accuracy", "format", "overlong", "timeout", "error", "abstain"}


def test_same_keys_for_every_sample_with_a_gate(tmp_path):
    # The first sample fails the gate (no components under gated/reward): the columns are still
    # built from its keys, and every later sample has exactly those keys.
    path = user_file(tmp_path, "from rewardkit.integrations.verl import VerlReward\n"
                               "compute_score = VerlReward('''%s''')\n" % GATE_SPEC)
    fn = get_custom_reward_fn(path)
    rows = [("d", "no format 7", "7", {}, None), ("d", "<think>x</think> 7", "7", {}, np.int64(2))]
    scores, cols = reward_loop(fn, rows)
    assert scores == [0.0, 1.0]
    assert "gated/reward/accuracy" in cols
    a = cols["gated/reward/accuracy"]
    assert math.isnan(a[0]) and a[1] == 1.0


def test_module_compute_score_configured_from_reward_kwargs():
    import rewardkit.integrations.verl as mod

    fn = get_custom_reward_fn(mod.__file__, reward_kwargs={"spec": str(EXAMPLE_SPEC)})
    out = fn(data_source="x", solution_str="\\boxed{3}", ground_truth="3", extra_info={"num_turns": np.int64(1)})
    assert out["acc"] == 1.0


def test_group_scope_refused_per_sample_never_zero():
    f = VerlReward(ZSCORE_SPEC)
    with pytest.raises(rewardkit.ScopeError, match="once per sample"):
        f(data_source="d", solution_str="\\boxed{1}", ground_truth="1", extra_info={})
    # Batched with whole groups (extra_info uid), it scores.
    out = f.batched(["d"] * 2, ["\\boxed{1}", "\\boxed{2}"], ["1", "1"],
                    [{"uid": "u1"}, {"uid": "u1"}])
    assert out[0]["score"] > 0 > out[1]["score"]


def test_routes_by_data_source_with_one_key_set():
    f = VerlReward(routes={"gsm8k": {"type": "number_match"}, "math": R1_SPEC}, default=EXAMPLE_SPEC)
    out = f.batched(["gsm8k", "math", "other"], ["#### 7", "\\boxed{7}", "\\boxed{7}"], ["7", "7", "7"])
    assert [o["score"] for o in out] == [1.0, 1.0, 1.0]
    assert len({tuple(o) for o in out}) == 1  # same keys everywhere
    with pytest.raises(rewardkit.RewardkitError):
        VerlReward(routes={"a": {"type": "math"}}).batched(["b"], ["x"], ["1"])


def test_batch_manager_call():
    # verl/workers/reward_manager/batch.py: keyword arguments, numpy array of data sources
    out = compute_score_batched.reward.__class__(EXAMPLE_SPEC).batched(
        data_sources=np.array(["a", "b"], dtype=object),
        solution_strs=["\\boxed{7}", "\\boxed{8}"],
        ground_truths=[np.int64(7), "7"],
        extra_infos=[{"rollout_reward_scores": {}}, {"rollout_reward_scores": {}}],
    )
    assert [o["acc"] for o in out] == [1.0, 0.0]


# ---- verl 0.9.1, verl/workers/reward_manager/prime.py (psutil clean-up left out)
async def single_compute_score(evaluation_func, completion, reference, task, task_extra_info, executor, timeout=300.0):
    loop = asyncio.get_event_loop()
    try:
        future = loop.run_in_executor(executor, partial(evaluation_func, task, completion, reference, task_extra_info))
        return await asyncio.wait_for(future, timeout=timeout)
    except asyncio.TimeoutError:
        return None
    except Exception as e:
        print(f"[Error] Task failed: {e}, completion: {completion[:80]}")
        return None


async def parallel_compute_score_async(evaluation_func, completions, references, tasks, extra_info=None, num_processes=64):
    from concurrent.futures import ProcessPoolExecutor

    if extra_info is None:
        extra_info = [None] * len(tasks)
    scores = []
    with ProcessPoolExecutor(max_workers=num_processes) as executor:
        tasks_async = [
            single_compute_score(evaluation_func, c, r, t, ei, executor, timeout=300.0)
            for c, r, t, ei in zip(completions, references, tasks, extra_info, strict=True)
        ]
        results = await asyncio.gather(*tasks_async, return_exceptions=False)
    for result, completion, reference, task in zip(results, completions, references, tasks, strict=True):
        if isinstance(result, Exception) or result is None:
            scores.append(0.0)
        elif isinstance(result, int | float | bool):
            scores.append(float(result))
        else:
            scores.append(float(result[0]))
    return scores


def prime_verify(compute_score, completions, references, tasks, extra_info):
    """PrimeRewardManager.verify: any exception sets every score to 0.0."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(
            parallel_compute_score_async(compute_score, completions, references, tasks, extra_info, num_processes=2)
        )
    except Exception as e:
        print(f"[Error] Unexpected error during scoring. Setting all as 0. {e}")
        return [0.0 for _ in range(len(completions))]
    finally:
        loop.close()


@pytest.mark.skipif(sys.version_info < (3, 10), reason="verl's prime.py uses `int | float | bool`")
def test_prime_manager_gets_the_scores_not_zeros():
    # A plain dict result raised KeyError: 0 in prime.py and every score became 0.0.
    completions = ["\\boxed{7}", "\\boxed{8}", "\\boxed{7}"]
    refs = ["7", "7", np.int64(7)]
    tasks = np.array(["numina_x"] * 3, dtype=object)
    extra = np.array([{"x": np.float32(1.5)}, None, {"index": np.int64(2)}], dtype=object)
    for fn in (VerlReward(EXAMPLE_SPEC), FloatVerlReward(VerlReward(EXAMPLE_SPEC))):
        scores = prime_verify(fn, completions, refs, tasks, extra)
        assert scores == [pytest.approx(1.0), pytest.approx(0.0), pytest.approx(1.0)], scores
    # The result is a dict for everyone else, and reads as its score where a number is wanted.
    out = VerlReward(EXAMPLE_SPEC)("numina_x", "\\boxed{7}", "7", {"x": np.float32(1.5)})
    assert isinstance(out, dict) and out[0] == out["score"] == float(out) == pytest.approx(1.0)
    assert type(compute_score_float("d", "\\boxed{7}", "7", spec=str(EXAMPLE_SPEC))) is float


def test_remote_manager_ships_it_to_a_worker_by_cloudpickle(tmp_path):
    # verl's `remote` reward manager passes compute_score to a Ray actor: cloudpickle, then
    # a fresh process where the user's file is not importable by name.
    path = user_file(tmp_path, "from rewardkit.integrations.verl import VerlReward\n"
                               "compute_score = VerlReward(%r)\n" % str(EXAMPLE_SPEC))
    fn = get_custom_reward_fn(path)
    # verl's own `_call_with_kwargs` is importable on the worker; this copy is shipped by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        blob = cloudpickle.dumps(fn)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    import subprocess

    code = (
        "import sys, cloudpickle, numpy as np\n"
        "fn = cloudpickle.loads(sys.stdin.buffer.read())\n"
        "r = fn(data_source='d', solution_str='\\\\boxed{7}', ground_truth='7', extra_info={'num_turns': np.int64(1)})\n"
        "print(r['acc'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode().strip() == "1.0"


def test_over_http(fake_server):
    p = rewardkit.Pipeline.from_toml(GATE_SPEC)
    srv = fake_server(p)
    f = VerlReward(url=srv.url)
    a = f(data_source="d", solution_str="no format", ground_truth="7", extra_info={"n": np.int64(1)})
    b = f(data_source="d", solution_str="<think>x</think> 7", ground_truth="7", extra_info={})
    assert list(a) == list(b) and b["score"] == 1.0
    local = VerlReward(p)(data_source="d", solution_str="<think>x</think> 7", ground_truth="7")
    assert local == b


def test_a_root_gate_reward_component_does_not_overwrite_keys():
    # A root `gate` reports a built-in component named `reward` (reserved in trainers' dicts):
    # it is logged as `component/reward`.
    f = VerlReward({"type": "gate", "gate": {"type": "format", "preset": "r1_lenient"},
                    "reward": {"type": "math"}})
    out = f(data_source="d", solution_str="<think>x</think> 7", ground_truth="7")
    assert out["score"] == 1.0 and out["component/reward"] == 1.0 and "reward" not in out
