"""The HTTP client paths: chunking of large batches, retries, errors, pickling, and parity with
the real `rewardkit serve` (when the binary is built)."""

import pytest

import rewardkit
from rewardkit.integrations import HttpScorer, Scorer
from rewardkit.integrations.openrlhf import OpenRLHFReward
from rewardkit.integrations.trl import RewardkitReward
from rewardkit.integrations.verl import VerlReward
from conftest import EXAMPLE_SPEC, GATE_SPEC, ZSCORE_SPEC

cloudpickle = pytest.importorskip("cloudpickle")


def test_large_batches_are_chunked_under_the_server_limits(fake_server):
    p = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
    srv = fake_server(p, max_batch=4096, max_bytes=1 << 20)
    f = RewardkitReward(url=srv.url)
    n = 5000  # over the server's 4096-sample limit
    comps = ["<think>%s</think> \\boxed{%d}" % ("x" * 300, i % 7) for i in range(n)]
    out = f(prompts=["q"] * n, completions=comps, solution=[str(i % 7) for i in range(n)])
    assert len(out) == n and all(v == pytest.approx(1.2) for v in out)
    assert len(srv.requests) >= 5
    assert all(k <= 1024 and size <= 8 << 20 for _, k, size in srv.requests)


def test_byte_limit_cuts_requests(fake_server):
    srv = fake_server(rewardkit.Pipeline.from_dict({"type": "math"}))
    h = HttpScorer(srv.url, max_bytes=64 * 1024)
    s = Scorer(url=srv.url, max_bytes=64 * 1024)
    s.http = h
    out = s.score(["\\boxed{1} " + "y" * 10_000] * 40, references=["1"] * 40)
    assert [o["value"] for o in out] == [1.0] * 40
    assert len(srv.requests) >= 6 and all(size <= 64 * 1024 for _, _, size in srv.requests)


def test_group_scope_chunks_keep_groups_whole(fake_server):
    srv = fake_server(rewardkit.Pipeline.from_toml(ZSCORE_SPEC))
    s = Scorer(url=srv.url, max_batch=4)
    out = s.score(["\\boxed{1}", "\\boxed{2}"] * 5, prompts=["q%d" % (i // 2) for i in range(10)],
                  references=["1"] * 10)
    assert [round(o["value"], 3) for o in out] == [0.707, -0.707] * 5
    assert all(k % 2 == 0 for _, k, _ in srv.requests)


def test_retries_503_and_raises_4xx(fake_server):
    srv = fake_server(rewardkit.Pipeline.from_dict({"type": "math"}), fail_first=2)
    s = Scorer(url=srv.url, retries=5)
    assert s.score(["\\boxed{1}"], references=["1"])[0]["value"] == 1.0
    srv2 = fake_server(rewardkit.Pipeline.from_dict({"type": "math"}), max_batch=1)
    s2 = Scorer(url=srv2.url, max_batch=10)
    with pytest.raises(rewardkit.ServerError) as e:
        s2.score(["a", "b"])
    assert e.value.status == 413 and e.value.code == "batch_too_large"


def test_unreachable_server_is_an_error_not_zero():
    s = Scorer(url="http://127.0.0.1:9", retries=2, timeout=1)
    with pytest.raises(rewardkit.ServerError):
        s.score(["x"])


def test_http_adapters_pickle_without_connections(fake_server):
    srv = fake_server(rewardkit.Pipeline.from_file(EXAMPLE_SPEC))
    for f in (RewardkitReward(url=srv.url), VerlReward(url=srv.url), OpenRLHFReward(url=srv.url)):
        f.scorer.scope  # fetches /v1/pipeline (cached, not pickled)
        g = cloudpickle.loads(cloudpickle.dumps(f))
        assert g.scorer.http._info is None and g.scorer.http.url == srv.url


def test_real_server_parity(real_server):
    url = real_server(GATE_SPEC)
    p = rewardkit.Pipeline.from_toml(GATE_SPEC)
    prompt = "<|im_start|>user\nq<|im_end|>\n<|im_start|>assistant\n"
    args = ([prompt + "<think>x</think> 2<|im_end|>", prompt + "no<|im_end|>"], [prompt] * 2, ["2", "2"])
    assert OpenRLHFReward(url=url)(*args) == OpenRLHFReward(p)(*args)
    v_remote = VerlReward(url=url)(data_source="d", solution_str="no", ground_truth="2")
    v_local = VerlReward(p)(data_source="d", solution_str="no", ground_truth="2")
    assert list(v_remote) == list(v_local)
    # The server's own OpenRLHF route gives the same keys for a one-sample request.
    import json
    import urllib.request

    req = urllib.request.Request(url + "/get_reward", data=json.dumps(
        {"query": [args[0][1]], "prompts": [prompt], "labels": ["2"]}).encode(),
        headers={"Content-Type": "application/json"})
    body = json.loads(urllib.request.urlopen(req, timeout=10).read())
    assert sorted(body["extra_logs"]) == sorted(OpenRLHFReward(p)(*args)["extra_logs"])
