"""rewardkit.verify, rewardkit.Pipeline: construction, scoring, errors, pickling, the GIL."""

import json
import pickle
import threading
import time

import pytest

import rewardkit
from conftest import EXAMPLE_SPEC, R1_SPEC

np = pytest.importorskip("numpy")


def test_verify_verdict_is_truthy_and_explains():
    v = rewardkit.verify("\\frac{1}{2}", "so the answer is $\\boxed{0.5}$")
    assert v and v.is_equal and v.outcome == "equal"
    assert v.extraction["rule"] == "boxed" and v.extraction["text"] == "0.5"
    assert "compared" in v.explain() and "verdict: equal" in v.explain()
    w = rewardkit.verify("3", "The answer is 4.")
    assert not w and w.outcome == "not_equal" and w.reason
    assert rewardkit.verify(np.int64(42), "#### 42")
    assert rewardkit.verify("0.5", "0,5", decimal_comma=True)
    assert not rewardkit.verify("0.5", "0,5", decimal_comma=False)
    assert v.to_dict()["outcome"] == "equal"


def test_verify_unknown_policy_is_a_spec_error():
    with pytest.raises(rewardkit.SpecError) as e:
        rewardkit.verify("1", "1", no_such_policy=True)
    assert e.value.path == "policy" and "no_such_policy" in str(e.value)


def test_pipeline_constructors_agree():
    a = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
    b = rewardkit.Pipeline.from_toml(EXAMPLE_SPEC.read_text())
    c = rewardkit.Pipeline.from_dict(a.spec)
    d = rewardkit.Pipeline.from_json(json.dumps(a.spec))
    assert a.spec == b.spec == c.spec == d.spec
    assert a.scope == "sample"
    assert a.component_names == ["accuracy", "format", "overlong"]
    assert a.correctness == ("component", "accuracy")
    assert rewardkit.Pipeline.from_dict({"type": "math"}).correctness == ("root", None)


def test_spec_errors_carry_their_field_path():
    with pytest.raises(rewardkit.SpecError) as e:
        rewardkit.Pipeline.from_dict({"type": "weighted_sum", "terms": [
            {"name": "a", "reward": {"type": "math"}},
            {"name": "b", "reward": {"type": "repetition_penalty", "ngram_sise": 3}},
        ]})
    assert e.value.path == "reward.terms[1].reward.ngram_sise"
    assert e.value.kind == "schema"
    assert isinstance(e.value, ValueError)
    with pytest.raises(rewardkit.SpecError) as e:
        rewardkit.Pipeline.from_toml("schema_version = 1\n[reward\n")
    assert e.value.path is None and e.value.kind == "syntax"
    with pytest.raises(rewardkit.SpecError) as e:
        rewardkit.Pipeline.from_dict({"type": "clip", "min": 2.0, "max": 1.0,
                                      "input": {"type": "constant", "value": 1.0}})
    assert e.value.kind == "conflict" and "min <= max" in e.value.message
    with pytest.raises(OSError):
        rewardkit.Pipeline.from_file("/no/such/spec.toml")


@pytest.mark.parametrize("name", ["score", "error", "timeout", "abstain", "acc", "reward"])
def test_reserved_component_names_are_spec_errors(name):
    with pytest.raises(rewardkit.SpecError) as e:
        rewardkit.Pipeline.from_dict({"type": "weighted_sum", "terms": [
            {"name": name, "reward": {"type": "math"}}]})
    assert e.value.path == "reward.terms[0].name" and "reserved" in e.value.message
    assert e.value.kind == "reserved"


def test_score_rows_in_the_score_command_shape():
    p = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
    rows = [
        {"id": 7, "question": "2+2?", "response": "<think>x</think>The answer is 4.", "answer": 4},
        {"messages": [{"role": "user", "content": "2+2?"},
                      {"role": "assistant", "content": "<think>x</think> \\boxed{5}"}],
         "reward_model": {"ground_truth": "4"}},
    ]
    out = p.score(rows)
    assert len(out) == 2
    assert out[0]["value"] == pytest.approx(1.2) and out[0]["id"] == 7
    assert out[0]["components"] == {"accuracy": 1.0, "format": 1.0, "overlong": 0.0}
    assert out[0]["info"]["extracted"] == "4"
    assert out[1]["components"]["accuracy"] == 0.0
    with pytest.raises(rewardkit.InputError) as e:
        p.score([rows[0], {"no_completion": 1}])
    assert e.value.index == 1


def test_columns_and_numpy_values():
    p = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
    out = p.score(
        completions=np.array(["\\boxed{4}", "\\boxed{3}"], dtype=object),
        references=[np.int64(4), np.float64(3.0)],
        prompts=["q", [{"role": "user", "content": [{"type": "text", "text": "q"}]}]],
        metadata=[{"n": np.int32(2), "arr": np.arange(3)}, None],
    )
    assert [o["components"]["accuracy"] for o in out] == [1.0, 1.0]
    assert p.values(completions=["x"], references=["4"]) == [0.0]
    with pytest.raises(ValueError):
        p.score(completions=["a", "b"], references=["1"])


def test_tool_calls_and_content_blocks_on_both_paths():
    p = rewardkit.Pipeline.from_dict({"type": "math"})
    call = [{"id": "c1", "type": "function",
             "function": {"name": "calc", "arguments": '{"x": 99}'}}]
    turn = [
        {"role": "assistant", "content": None, "tool_calls": call},
        {"role": "tool", "tool_call_id": "c1", "content": "42"},
        {"role": "assistant", "content": [{"type": "text", "text": "It is 42."}]},
    ]
    rows = [{"messages": [{"role": "user", "content": "6*7?"}] + turn, "answer": "42"}]
    (a,) = p.score(rows)
    (b,) = p.score(completions=[turn], references=["42"])
    assert a["value"] == 1.0 and b["value"] == 1.0
    # The final text is the completion: the call's arguments are not read as the answer.
    wrong = turn[:2] + [{"role": "assistant", "content": "I could not finish."}]
    (c,) = p.score(completions=[wrong], references=["99"])
    assert c["value"] != 1.0


def test_abstention_is_none():
    p = rewardkit.Pipeline.from_dict({"type": "math"})
    (o,) = p.score(completions=["The answer is 4."])
    assert o["value"] is None and o["info"]["reason"]


def test_pipeline_pickles_as_its_spec_and_rebuilds_once():
    p = rewardkit.Pipeline.from_toml(R1_SPEC)
    blob = pickle.dumps(p)
    assert len(blob) < 4096  # the spec, not a built engine
    q = pickle.loads(blob)
    r = pickle.loads(blob)
    assert q.spec == p.spec and q._native is r._native  # built once per process
    cp = pytest.importorskip("cloudpickle")
    s = cp.loads(cp.dumps(p))
    assert s.score(completions=["\\boxed{2}"], references=["2"])[0]["components"]["accuracy"] == 1.0


def test_scoring_releases_the_gil():
    p = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
    n = 20000
    comps = ["<think>step %d</think> so $x = \\frac{%d}{%d}$" % (i, i, i + 1) for i in range(n)]
    refs = ["\\frac{%d}{%d}" % (i, i + 1) for i in range(n)]
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    t0 = time.perf_counter()
    p._native.score_columns(comps, None, refs, None, None, None)
    t1 = time.perf_counter()
    stop.set()
    t.join()
    during = [x for x in ticks if t0 < x < t1]
    # The other thread ran while Rust scored (with the GIL held it could not tick at all
    # between the conversion and the result building).
    assert len(during) >= 3, (len(during), t1 - t0)


def test_schema_lists_node_types():
    s = json.dumps(rewardkit.schema())
    assert '"math"' in s and '"zscore"' in s
